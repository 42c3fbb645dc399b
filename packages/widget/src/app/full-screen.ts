/**
 * What the full-screen panel does, framework-free (a chunk of its own: only phones and short
 * screens load it): it is modal (the page behind it inert), it follows the visual viewport (the
 * on-screen keyboard shrinks it on iOS and Android without resizing the page), and the page's scroll
 * is locked behind it. Strict-CSP safe:
 * only the CSSOM (`style.setProperty`, `style.cssText`), never a `style` attribute set as such.
 */
import type { ViewportLike } from './viewport.js';

/**
 * Makes everything of the page but `element` (and its ancestors) `inert`: the siblings of the element
 * and of each ancestor up to `<body>`, those not inert already. Returns the function that gives them
 * back.
 */
export function inertPage(element: Element): () => void {
  const made: Element[] = [];
  for (let el: Element = element; el !== document.body && el.parentElement; el = el.parentElement) {
    for (const other of el.parentElement.children) if (other !== el && !other.hasAttribute('inert')) made.push(other);
  }
  for (const other of made) other.setAttribute('inert', '');
  return () => made.forEach((other) => other.removeAttribute('inert'));
}

/**
 * Keeps `--tk-vvh` (height) and `--tk-vvt` (top) on `frame` equal to the visual viewport's, so the
 * full-screen panel ends where the keyboard begins. Returns the function that stops following and
 * removes both. Without `visualViewport` the CSS falls back to `100dvh`.
 */
export function followViewport(frame: HTMLElement, viewport: ViewportLike | null | undefined = globalThis.visualViewport): () => void {
  if (!viewport) return () => undefined;
  const update = () => {
    frame.style.setProperty('--tk-vvh', `${viewport.height}px`);
    frame.style.setProperty('--tk-vvt', `${viewport.offsetTop}px`);
  };
  update();
  viewport.addEventListener('resize', update);
  viewport.addEventListener('scroll', update);
  return () => {
    viewport.removeEventListener('resize', update);
    viewport.removeEventListener('scroll', update);
    frame.style.removeProperty('--tk-vvh');
    frame.style.removeProperty('--tk-vvt');
  };
}

let locks = 0;
let unlockPage: () => void;

/**
 * Locks the page's scroll (the body fixed where it was, so iOS does not scroll it either) and
 * returns the function that gives it back exactly: the inline styles the page had (or none) and the
 * scroll position. Nested locks are counted; the page is given back by the last one, and calling a
 * returned function twice does nothing.
 */
export function lockPageScroll(): () => void {
  if (!locks++) {
    const { documentElement: html, body } = document;
    const x = scrollX;
    const y = scrollY;
    // CSSOM (cssText, setProperty) is allowed under a strict CSP; a style attribute set as such is not
    const saved = [html, body].map((el) => [el, el.hasAttribute('style'), el.style.cssText] as const);
    html.style.setProperty('overflow', 'hidden');
    for (const [name, value] of [
      ['position', 'fixed'],
      ['top', `${-y}px`],
      ['left', `${-x}px`],
      ['width', '100%'],
    ]) body.style.setProperty(name!, value!);
    unlockPage = () => {
      // an element without a style attribute gets none back (read first: Chromium would re-add an
      // empty one, serialized lazily from the CSSOM, after a removal that comes before any read)
      for (const [el, had, css] of saved) (el.style.cssText = css), had || el.getAttribute('style') || el.removeAttribute('style');
      scrollTo({ left: x, top: y, behavior: 'instant' });
    };
  }
  let done = false;
  return () => {
    if (!done && (done = true) && !--locks) unlockPage();
  };
}
