/**
 * Adds CSS to a shadow root the way a strict CSP allows: a constructable stylesheet in
 * `adoptedStyleSheets` (no `<style>`, no `style=""`). Browsers without constructable stylesheets get
 * a `<style>` carrying `nonce`, when one is given.
 */
export function adoptCss(root: ShadowRoot, css: string, nonce: string | null): void {
  if ('adoptedStyleSheets' in root && typeof CSSStyleSheet === 'function' && 'replaceSync' in CSSStyleSheet.prototype) {
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
