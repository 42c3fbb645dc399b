/**
 * Adds CSS to a shadow root the way a strict CSP allows: a constructable stylesheet in
 * `adoptedStyleSheets` (no `<style>`, no `style=""`). Browsers without constructable stylesheets get
 * a `<style>` carrying `nonce`, when one is given. A browser with `adoptedStyleSheets` has
 * `new CSSStyleSheet()` and `replaceSync()` too (they shipped together: Chrome 73, Firefox 101,
 * Safari 16.4), so that is all this asks.
 */
export function adoptCss(root: ShadowRoot, css: string, nonce: string | null): void {
  if ('adoptedStyleSheets' in root) {
    const sheet = new CSSStyleSheet();
    sheet.replaceSync(css);
    root.adoptedStyleSheets = [...root.adoptedStyleSheets, sheet];
    return;
  }
  const style = document.createElement('style');
  if (nonce) style.nonce = nonce;
  style.textContent = css;
  root.append(style);
}
