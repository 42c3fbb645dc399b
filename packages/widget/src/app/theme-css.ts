/**
 * The panel's tokens, adopted with the panel (the launcher's sheet, `launcher-css.ts`, has only what
 * the launcher draws, so that every page's first load stays small): surfaces, text and border
 * colours (light, dark, following the system unless `theme` says), the font (`--tickki-font`) and
 * the direction the panel sets (`dir` on the root).
 */
const DARK = '--tk-bg:#111827;--tk-fg:#f9fafb;--tk-muted:#c4c9d4;--tk-surface:#1f2937;--tk-border:#4b5563;--tk-danger:#fca5a5;';

export const THEME_CSS = `
.root{--tk-bg:#fff;--tk-fg:#111827;--tk-muted:#4b5563;--tk-surface:#f3f4f6;--tk-border:#d1d5db;--tk-danger:#b91c1c;
font:14px/1.45 var(--tickki-font,system-ui,-apple-system,"Segoe UI",Roboto,"Helvetica Neue",Arial,sans-serif);color:var(--tk-fg)}
:host([theme=dark]) .root{${DARK}}
@media (prefers-color-scheme:dark){:host(:not([theme=light])) .root{${DARK}}}
.root[dir=rtl]{direction:rtl}
`;
