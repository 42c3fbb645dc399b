/**
 * The panel in the viewport, framework-free: which screens get the panel full screen, and the
 * message list kept at its bottom when it shrinks. What only the full-screen panel does (follow the
 * visual viewport, lock the page's scroll) is `full-screen.ts`, a chunk that only phones and short
 * screens load.
 */

/** Where the panel is full screen (the panel CSS uses it too): narrow screens, and short ones such as a phone in landscape. */
export const FULL_SCREEN = '(max-width:480px),(max-height:500px)';

/** What {@link followViewport} reads of `window.visualViewport` (a stand-in may be given in tests). */
export type ViewportLike = Pick<VisualViewport, 'height' | 'offsetTop' | 'addEventListener' | 'removeEventListener'>;

/**
 * Keeps `scroller` (the message list) at its bottom when it shrinks while the visitor is there, as
 * when the keyboard comes up: without it the newest message slips under the composer. Returns the
 * function that stops.
 */
export function keepAtBottom(scroller: HTMLElement): () => void {
  let atBottom = true;
  const onScroll = () => (atBottom = scroller.scrollHeight - scroller.scrollTop - scroller.clientHeight < 40);
  const observer = new ResizeObserver(() => atBottom && (scroller.scrollTop = scroller.scrollHeight));
  scroller.addEventListener('scroll', onScroll, { passive: true });
  observer.observe(scroller);
  return () => {
    observer.disconnect();
    scroller.removeEventListener('scroll', onScroll);
  };
}
