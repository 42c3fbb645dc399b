import { FULL_SCREEN } from './viewport.js';

/**
 * The panel's CSS (loaded with the panel). Logical properties throughout, so `dir="rtl"` mirrors it.
 * The floating panel sits above the launcher and is never taller than what the viewport leaves above
 * it (the offset, the launcher and a 20 px gap): `--tk-vh` is `100dvh` where supported (the mobile
 * toolbars taken away), `--tk-vvh`/`--tk-vvt` the visual viewport's height and top when
 * `followViewport` sets them (the keyboard taken away). Full screen (`FULL_SCREEN`) it fills them.
 */
export const PANEL_CSS = `
.root{--tk-vh:100vh}
@supports (height:1dvh){.root{--tk-vh:100dvh}}
.panel{position:absolute;inset-block-end:72px;inset-inline-end:0;inline-size:min(380px,calc(100vw - var(--tk-offset) - 20px));
block-size:min(640px,calc(var(--tk-vvh,var(--tk-vh)) - var(--tk-offset) - 92px));display:flex;flex-direction:column;background:var(--tk-bg);color:var(--tk-fg);
border:1px solid var(--tk-border);border-radius:var(--tickki-radius,16px);box-shadow:0 16px 48px var(--tk-shadow);overflow:hidden}
:host([position=left]) .panel{inset-inline-end:auto;inset-inline-start:0}
.head{display:flex;align-items:center;gap:10px;padding:14px 12px 14px 16px;background:var(--tk-brand);color:var(--tk-on-brand)}
.logo{inline-size:36px;block-size:36px;border-radius:50%;object-fit:cover;background:var(--tk-bg);flex:none}
.who{flex:1;min-inline-size:0}
.title{margin:0;font-size:16px;font-weight:650;line-height:1.3;overflow:hidden;text-overflow:ellipsis;white-space:nowrap}
.presence{margin:2px 0 0;font-size:12.5px;opacity:.95;display:flex;align-items:center;gap:6px}
.dot{inline-size:8px;block-size:8px;border-radius:50%;background:#9ca3af;flex:none;box-shadow:0 0 0 2px var(--tk-on-brand)}
.dot.on{background:#22c55e}
.icon{all:unset;box-sizing:border-box;display:grid;place-items:center;inline-size:40px;block-size:40px;border-radius:10px;cursor:pointer;color:inherit;flex:none}
.icon:hover{background:rgba(127,127,127,.18)}
:focus-visible{outline:3px solid var(--tk-focus);outline-offset:2px}
.head .icon:focus-visible{outline-color:var(--tk-on-brand)}
.icon svg{inline-size:22px;block-size:22px;fill:currentColor}
.banner{margin:0;padding:8px 14px;font-size:13px;background:var(--tk-surface);color:var(--tk-fg);border-block-end:1px solid var(--tk-border);display:flex;gap:8px;align-items:center}
.banner::before{content:"";inline-size:8px;block-size:8px;border-radius:50%;background:#d97706;flex:none}
.banner.away::before{background:#9ca3af}
.list{flex:1;overflow-y:auto;overscroll-behavior:contain;padding:12px 12px 4px;margin:0;list-style:none;display:flex;flex-direction:column;gap:6px}
.list>li{display:flex;flex-direction:column;max-inline-size:82%;align-items:flex-start}
.list>li.me{align-self:flex-end;align-items:flex-end}
.bubble{padding:8px 12px;border-radius:16px;background:var(--tk-surface);color:var(--tk-fg);white-space:pre-wrap;overflow-wrap:anywhere;unicode-bidi:isolate;border-end-start-radius:4px}
.me .bubble{background:var(--tk-brand);color:var(--tk-on-brand);border-end-start-radius:16px;border-end-end-radius:4px}
.bubble a{color:inherit;text-decoration:underline;text-underline-offset:2px}
.meta{font-size:11.5px;color:var(--tk-muted);margin:3px 4px 4px;display:flex;gap:8px;align-items:center}
.list>li.g{margin-block-end:-4px}
.g .bubble{border-end-start-radius:16px;border-end-end-radius:16px}
.list>li.day{align-self:stretch;max-inline-size:none;flex-direction:row;align-items:center;gap:10px;margin:10px 4px 4px}
.day::before,.day::after{content:"";flex:1;border-block-start:1px solid var(--tk-border)}
.day h3{margin:0;font-size:12px;font-weight:600;color:var(--tk-muted)}
.failed .bubble{outline:2px solid var(--tk-danger);outline-offset:-2px;background:var(--tk-bg);color:var(--tk-fg)}
.failed .meta{color:var(--tk-danger)}
.link{all:unset;cursor:pointer;font-weight:600;text-decoration:underline;color:var(--tk-fg)}
.file{display:flex;flex-direction:column;gap:6px}
.file img{max-inline-size:220px;max-block-size:180px;border-radius:10px;display:block}
.audio{display:flex;align-items:center;gap:8px;min-inline-size:180px}
.play{all:unset;box-sizing:border-box;display:grid;place-items:center;inline-size:34px;block-size:34px;border-radius:50%;background:var(--tk-brand);color:var(--tk-on-brand);cursor:pointer;flex:none}
.me .play{background:var(--tk-on-brand);color:var(--tk-brand)}
.play svg{inline-size:18px;block-size:18px;fill:currentColor}
.audio progress{flex:1;min-inline-size:0;block-size:6px;accent-color:currentColor}
.len{font-size:12.5px;font-variant-numeric:tabular-nums}
.welcome .bubble{background:var(--tk-surface)}
.older{all:unset;align-self:center;font-size:12.5px;padding:4px 10px;border-radius:12px;cursor:pointer;color:var(--tk-fg);border:1px solid var(--tk-border);margin-block-end:4px}
.typing{margin:0;padding:0 16px 6px;font-size:12.5px;color:var(--tk-muted);min-block-size:22px}
.uploads{padding:0 12px;display:flex;flex-direction:column;gap:4px;font-size:12.5px;color:var(--tk-muted)}
.uploads progress{inline-size:100%;block-size:6px;accent-color:var(--tk-brand)}
.notice{margin:0 12px 6px;padding:6px 10px;border-radius:8px;font-size:12.5px;background:var(--tk-surface);color:var(--tk-danger)}
.composer{display:flex;align-items:flex-end;gap:6px;padding:8px 8px 10px;border-block-start:1px solid var(--tk-border)}
.composer textarea{flex:1;resize:none;border:1px solid var(--tk-border);border-radius:12px;padding:9px 12px;font:inherit;font-size:16px;line-height:1.35;
max-block-size:120px;min-block-size:42px;background:var(--tk-bg);color:var(--tk-fg)}
.composer textarea::placeholder{color:var(--tk-muted);opacity:1}
.composer .icon{color:var(--tk-muted)}
.send{all:unset;box-sizing:border-box;display:grid;place-items:center;inline-size:42px;block-size:42px;border-radius:12px;background:var(--tk-brand);color:var(--tk-on-brand);cursor:pointer;flex:none}
.send svg{inline-size:20px;block-size:20px;fill:currentColor}
[dir=rtl] .send svg{transform:scaleX(-1)}
.send:disabled{opacity:.45;cursor:default}
.rec{flex:1;display:flex;align-items:center;gap:8px}
.rec .time{flex:1;font-size:15px;font-variant-numeric:tabular-nums}
.rec i{inline-size:10px;block-size:10px;border-radius:50%;background:var(--tk-danger)}
.rec i.on{animation:tk-rec 1.2s infinite}
@keyframes tk-rec{50%{opacity:.2}}
@media (prefers-reduced-motion:reduce){.rec i.on{animation:none}}
.count{font-size:11.5px;color:var(--tk-muted);padding:0 14px 4px;text-align:end}
.count.over{color:var(--tk-danger)}
.drop{position:absolute;inset:0;display:grid;place-items:center;background:var(--tk-bg);opacity:.95;border:3px dashed var(--tk-brand);border-radius:inherit;font-weight:600;pointer-events:none}
.form{padding:16px;display:flex;flex-direction:column;gap:10px;overflow-y:auto}
.form label{display:flex;flex-direction:column;gap:4px;font-weight:600;font-size:13px}
.form input{font:inherit;font-size:16px;padding:9px 12px;border:1px solid var(--tk-border);border-radius:10px;background:var(--tk-bg);color:var(--tk-fg)}
.primary{all:unset;box-sizing:border-box;text-align:center;padding:10px 14px;border-radius:10px;background:var(--tk-brand);color:var(--tk-on-brand);font-weight:600;cursor:pointer}
.sr{position:absolute!important;inline-size:1px;block-size:1px;overflow:hidden;clip-path:inset(50%);white-space:nowrap}
@media ${FULL_SCREEN}{
.root[data-open]{inset:0}
.root[data-open] .launcher{display:none}
.panel{position:fixed;inset:var(--tk-vvt,0) 0 auto;inline-size:100%;block-size:var(--tk-vvh,var(--tk-vh));border-radius:0;border:0;
padding:0 env(safe-area-inset-right,0) 0 env(safe-area-inset-left,0)}
}
@media (max-height:500px){.head{padding-block:6px}.logo{inline-size:28px;block-size:28px}}
`;
