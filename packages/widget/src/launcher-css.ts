/**
 * The first-load CSS: the launcher, where it sits, and the tokens it uses (light, dark, following the
 * system unless `theme` says). The panel's own tokens (surfaces, text, font, direction) come with the
 * panel (`app/theme-css.ts`), and so do the base rules only the panel's nodes need
 * (`panel-base-css.ts`). Overridable from the page with custom properties on `tickki-chat`
 * (`--tickki-primary`, `--tickki-on-primary`, `--tickki-font`, `--tickki-radius`, `--tickki-z-index`,
 * `--tickki-offset`) and `::part()`. Sizes are physical (`width`, `height`: the same as logical ones
 * in the horizontal writing mode the root always has), insets logical (`position=left`, `dir`).
 */
const DARK = '--tk-shadow:rgba(0,0,0,.6);--tk-focus:#93c5fd;--tk-note-bg:#1f2937;--tk-note-fg:#f9fafb;';

export const LAUNCHER_CSS = `
:host{display:contents}
.root{all:initial;--tk-brand:var(--tickki-primary,var(--tk-config-brand,#4f46e5));--tk-on-brand:var(--tickki-on-primary,var(--tk-config-on-brand,#fff));
--tk-shadow:rgba(17,24,39,.18);--tk-focus:#1d4ed8;--tk-offset:var(--tickki-offset,20px);
position:fixed;z-index:var(--tickki-z-index,2147483000);bottom:var(--tk-offset);inset-inline-end:var(--tk-offset)}
:host([position=left]) .root{inset-inline:var(--tk-offset) auto}
:host([theme=dark]) .root{${DARK}}
@media (prefers-color-scheme:dark){:host(:not([theme=light])) .root{${DARK}}}
*{box-sizing:border-box}
.launcher{all:unset;display:grid;place-items:center;width:56px;height:56px;border-radius:50%;cursor:pointer;
background:var(--tk-brand);color:var(--tk-on-brand);box-shadow:0 6px 20px var(--tk-shadow);position:relative;margin-inline-start:auto}
.launcher:hover{transform:scale(1.05)}
@media (prefers-reduced-motion:no-preference){.launcher{transition:transform .15s}}
.launcher:focus-visible{outline:3px solid var(--tk-focus);outline-offset:3px}
.launcher svg{width:26px;height:26px;fill:currentColor}
.launcher[aria-busy=true] svg{opacity:.6}
.launcher[aria-expanded=true] path{stroke:currentColor;stroke-width:2;stroke-linecap:round}
.note{position:absolute;bottom:68px;inset-inline-end:0;width:max-content;max-width:min(280px,calc(100vw - 2*var(--tk-offset)));padding:10px 14px;
border-radius:12px;background:var(--tk-note-bg,#fff);color:var(--tk-note-fg,#111827);box-shadow:0 6px 20px var(--tk-shadow);font:14px/1.4 system-ui,sans-serif}
:host([position=left]) .note{inset-inline:0 auto}
.badge{position:absolute;top:-4px;inset-inline-end:-4px;min-width:22px;height:22px;padding:0 6px;border-radius:11px;
background:#b91c1c;color:#fff;font:700 12px/22px system-ui,sans-serif;text-align:center;border:2px solid #fff}
`;
