/**
 * The panel's tokens, adopted with the panel (the launcher's sheet, `launcher-css.ts`, has only what
 * the launcher draws, so that every page's first load stays small): surfaces, text and border
 * colours (light, dark, following the system unless `theme` says), the font (`--tickki-font`) and
 * the direction the panel sets (`dir` on the root). The tokens: `--tk-bg` and `--tk-fg` the panel's
 * background and text, `--tk-s` the second surface (bubbles, banner, notices), `--tk-m` muted text,
 * `--tk-l` lines (borders, rules), `--tk-d` danger (a failed message, a notice). The short names are
 * for the gzipped panel; each is set on the root, so none comes from the page.
 */
const DARK = '--tk-bg:#111827;--tk-fg:#f9fafb;--tk-m:#c4c9d4;--tk-s:#1f2937;--tk-l:#4b5563;--tk-d:#fca5a5;';

export const THEME_CSS = `
.root{--tk-bg:#fff;--tk-fg:#111827;--tk-m:#4b5563;--tk-s:#f3f4f6;--tk-l:#d1d5db;--tk-d:#b91c1c;
font:14px/1.45 var(--tickki-font,system-ui,-apple-system,"Segoe UI",Roboto,"Helvetica Neue",Arial,sans-serif);color:var(--tk-fg)}
:host([theme=dark]) .root{${DARK}}
@media (prefers-color-scheme:dark){:host(:not([theme=light])) .root{${DARK}}}
[dir=rtl]{direction:rtl}
`;
