type IdleGlobals = { requestIdleCallback?: (run: () => void, options: { timeout: number }) => number; cancelIdleCallback?: (id: number) => void };

/** Runs `run` after the page's `load` event and an idle moment (at most 3 s later); returns a function that cancels it. */
export function afterLoadAndIdle(run: () => void): () => void {
  const { requestIdleCallback: ric, cancelIdleCallback } = globalThis as IdleGlobals;
  let idle: number | undefined;
  const go = () => void (idle = ric ? ric(run, { timeout: 3000 }) : (setTimeout(run, 200) as unknown as number));
  if (document.readyState === 'complete') go();
  else addEventListener('load', go, { once: true });
  return () => {
    removeEventListener('load', go);
    if (ric) cancelIdleCallback?.(idle!);
    else clearTimeout(idle);
  };
}
