import { FULL_SCREEN } from './viewport.js';

/**
 * The panel's CSS (loaded with the panel), on the tokens of `theme-css.ts`. Insets, margins and
 * corners are logical, so `dir="rtl"` mirrors them; sizes are physical (`width`, `height`: the same
 * as logical ones in the horizontal writing mode the root always has). The floating panel sits
 * above the launcher and is never taller than what the viewport leaves above it (the offset, the
 * launcher and a 20 px gap): `--tk-vh` is `100dvh` where supported (the mobile toolbars taken away),
 * `--tk-vvh`/`--tk-vvt` the visual viewport's height and top when `followViewport` sets them (the
 * keyboard taken away). Full screen (`FULL_SCREEN`) it fills them, placed in the root, which then
 * covers the viewport. Rules that several parts share (the buttons' reset, the brand's colours,
 * the fields) are written once for all of them; the buttons' resets come before `:focus-visible`,
 * so every button (Retry, Discard, Play, Send, …) shows the keyboard's focus ring. Motion
 * stops for a visitor who asks for less by the base rules the sheet comes with (`panel-base-css.ts`).
 */
/** Text for screen readers only (the live region announcing replies, each bubble's time): added with the chat, before the panel is first drawn. */
export const SR_CSS = `.sr{position:absolute;width:1px;height:1px;overflow:hidden;clip-path:inset(50%);white-space:nowrap}`;

/** The panel's own rules, added when it is first drawn. */
export const PANEL_CSS = `
.root{--tk-vh:100vh}
@supports (height:1dvh){.root{--tk-vh:100dvh}}
.panel{position:absolute;bottom:72px;inset-inline-end:0;width:min(380px,100vw - var(--tk-offset) - 20px);
height:min(640px,var(--tk-vvh,var(--tk-vh)) - var(--tk-offset) - 92px);display:flex;flex-direction:column;background:var(--tk-bg);
border:1px solid var(--tk-l);border-radius:var(--tickki-radius,16px);box-shadow:0 16px 48px var(--tk-shadow);overflow:hidden}
:host([position=left]) .panel{inset-inline:0 auto}
.head{display:flex;align-items:center;gap:10px;padding:14px 12px 14px 16px}
.logo{width:36px;height:36px;border-radius:50%;object-fit:cover;background:var(--tk-bg);flex:none}
.who{flex:1;min-width:0}
.title{margin:0;font-size:16px;font-weight:650;line-height:1.3;overflow:hidden;text-overflow:ellipsis;white-space:nowrap}
.presence{margin:2px 0 0;font-size:12.5px;opacity:.95;display:flex;align-items:center;gap:6px}
.dot{width:8px;height:8px;border-radius:50%;background:#9ca3af;flex:none;box-shadow:0 0 0 2px var(--tk-on-brand)}
.dot.on{background:#22c55e}
.icon{all:unset;width:40px;height:40px;border-radius:10px;cursor:pointer}
.icon:hover{background:#7f7f7f2e}
.link,.play,.older,.send,.primary{all:unset;cursor:pointer}
:focus-visible{outline:3px solid var(--tk-focus);outline-offset:2px}
.head :focus-visible{outline-color:var(--tk-on-brand)}
.icon,.play,.send{display:grid;place-items:center;flex:none}
svg{width:22px;height:22px;fill:currentColor}
.play svg{width:18px;height:18px}
.send svg{width:20px;height:20px}
.banner{margin:0;padding:8px 14px;font-size:13px;background:var(--tk-s);border-bottom:1px solid var(--tk-l);display:flex;align-items:center;gap:8px}
.banner::before{content:"";width:8px;height:8px;border-radius:50%;background:#d97706;flex:none}
.away::before{background:#9ca3af}
.list{flex:1;overflow:auto;overscroll-behavior:contain;padding:12px 12px 4px;margin:0;display:flex;flex-direction:column;gap:6px}
li{display:flex;flex-direction:column;max-width:82%;align-items:flex-start}
.me{align-self:flex-end;align-items:flex-end}
.bubble{padding:8px 12px;border-radius:16px;background:var(--tk-s);white-space:pre-wrap;overflow-wrap:anywhere;border-end-start-radius:4px}
.head,.me .bubble,.play,.send,.primary{background:var(--tk-brand);color:var(--tk-on-brand)}
.me .bubble{border-end-start-radius:16px;border-end-end-radius:4px}
a{color:inherit;text-underline-offset:2px}
.meta{margin:3px 4px 4px;font-size:11.5px;color:var(--tk-m);display:flex;align-items:center;gap:8px}
.g{margin-bottom:-4px}
.g .bubble{border-radius:16px}
.day{align-self:stretch;max-width:none;flex-direction:row;align-items:center;gap:10px;margin:10px 4px 4px}
.day::before,.day::after{content:"";flex:1;border-top:1px solid var(--tk-l)}
h3{margin:0;font-size:12px;font-weight:600;color:var(--tk-m)}
.failed .bubble{outline:2px solid var(--tk-d);outline-offset:-2px;background:var(--tk-bg);color:var(--tk-fg)}
.failed .meta{color:var(--tk-d)}
.link{font-weight:600;text-decoration:underline;color:var(--tk-fg)}
.file{display:flex;flex-direction:column;gap:6px}
.file img{max-width:220px;max-height:180px;border-radius:10px;display:block}
.audio{display:flex;align-items:center;gap:8px;min-width:180px}
.play{width:34px;height:34px;border-radius:50%}
.me .play{background:var(--tk-on-brand);color:var(--tk-brand)}
.audio progress{flex:1;min-width:0;height:6px;accent-color:currentColor}
.len{font-size:12.5px;font-variant-numeric:tabular-nums}
.older{align-self:center;font-size:12.5px;padding:4px 10px;border-radius:12px;border:1px solid var(--tk-l);margin-bottom:4px}
.typing{margin:0;padding:0 16px 6px;font-size:12.5px;color:var(--tk-m);min-height:22px}
.uploads{padding:0 12px;display:flex;flex-direction:column;gap:4px;font-size:12.5px;color:var(--tk-m)}
.uploads progress{width:100%;height:6px;accent-color:var(--tk-brand)}
.notice{margin:0 12px 6px;padding:6px 10px;border-radius:8px;font-size:12.5px;background:var(--tk-s);color:var(--tk-d)}
.composer{display:flex;align-items:flex-end;gap:6px;padding:8px 8px 10px;border-top:1px solid var(--tk-l)}
textarea,input{font:inherit;font-size:16px;padding:9px 12px;border:1px solid var(--tk-l);border-radius:10px;background:var(--tk-bg);color:var(--tk-fg)}
textarea{flex:1;resize:none;border-radius:12px;line-height:1.35;max-height:120px;min-height:42px}
::placeholder{color:var(--tk-m);opacity:1}
.composer .icon{color:var(--tk-m)}
.send{width:42px;height:42px;border-radius:12px}
[dir=rtl] .send svg{transform:scaleX(-1)}
.send:disabled{opacity:.45;cursor:default}
.rec{flex:1;display:flex;align-items:center;gap:8px}
.time{flex:1;font-size:15px;font-variant-numeric:tabular-nums}
i{width:10px;height:10px;border-radius:50%;background:var(--tk-d)}
i.on{animation:tk-rec 1.2s infinite}
@keyframes tk-rec{50%{opacity:.2}}
.count{font-size:11.5px;color:var(--tk-m);padding:0 14px 4px;text-align:end}
.over{color:var(--tk-d)}
.drop{position:absolute;inset:0;display:grid;place-items:center;background:var(--tk-bg);opacity:.95;border:3px dashed var(--tk-brand);border-radius:inherit;font-weight:600;pointer-events:none}
.form{padding:16px;display:flex;flex-direction:column;gap:10px;overflow:auto}
.form label{display:flex;flex-direction:column;gap:4px;font-weight:600;font-size:13px}
.primary{text-align:center;padding:10px 14px;border-radius:10px;font-weight:600}
@media ${FULL_SCREEN}{
.root[data-open]{inset:0}
.root[data-open] .launcher{display:none}
.panel{inset:var(--tk-vvt,0) 0 auto;width:100%;height:var(--tk-vvh,var(--tk-vh));border-radius:0;border:0;
padding:0 env(safe-area-inset-right) 0 env(safe-area-inset-left)}
}
@media (max-height:500px){.head{padding-block:6px}.logo{width:28px;height:28px}}
`;
