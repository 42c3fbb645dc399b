/**
 * Adds CSS to a shadow root the way a strict CSP allows: a constructable style sheet (no `<style>`,
 * no `style=""`). Browsers without constructable style sheets (before Safari 16.4) get a `<style>`
 * with the CSP nonce: pass the element's `nonce` property (a connected element's `nonce` attribute
 * reads as "": browsers keep the value in the property) or its attribute. A browser with
 * `adoptedStyleSheets` has `new CSSStyleSheet()` and `replaceSync()` too (they shipped together), so
 * that is all this asks.
 */
export function adoptCss(root: ShadowRoot, css: string, nonce: string | null): void {
  if (root.adoptedStyleSheets) {
    const sheet = new CSSStyleSheet();
    sheet.replaceSync(css);
    root.adoptedStyleSheets = [...root.adoptedStyleSheets, sheet];
  } else {
    const style = document.createElement('style');
    style.nonce = nonce || '';
    style.textContent = css;
    root.append(style);
  }
}
