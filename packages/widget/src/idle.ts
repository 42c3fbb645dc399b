/**
 * Runs `run` after the page's `load` event and an idle moment (at most 3 s later; 200 ms where the
 * browser has no `requestIdleCallback`); returns a function that cancels it.
 */
export function afterLoadAndIdle(run: () => void): () => void {
  let live = true;
  const later = () => live && run();
  const { requestIdleCallback: idle } = globalThis as { requestIdleCallback?: (run: () => void, options: { timeout: number }) => number };
  const go = () => (idle ? idle(later, { timeout: 3000 }) : setTimeout(later, 200));
  if (document.readyState === 'complete') go();
  else addEventListener('load', go, { once: true });
  return () => void (live = false);
}
