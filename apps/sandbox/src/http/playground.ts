/**
 * The playground at `/` for browsers: a demo shop page with the Tickki chat widget loaded through
 * its script-tag build, served under a strict CSP, beside links to the agent console and buttons
 * that switch faults on and off through the control API. API clients asking `/` for JSON still get
 * the discovery document (the route after this one).
 *
 * The widget's build is read from the installed `@tickki/chat-widget` when the page is asked for;
 * without it the page says how to build it.
 */
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type { Hono } from 'hono';
import type { Sandbox } from '../sandbox.js';
import type { SandboxEnv } from './api.js';

const CSP = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self' ws: wss:; object-src 'none'; base-uri 'none'; frame-ancestors 'none'";
/** The script-tag build: the loader, the panel, and its language chunks. */
const WIDGET_FILE = /^tickki-chat[\w-]*\.js$/;

/** The widget's script-tag build, or `undefined` when `@tickki/chat-widget` is not installed or not built. */
async function widgetFile(name: string): Promise<Buffer | undefined> {
  try {
    const loader = createRequire(import.meta.url).resolve('@tickki/chat-widget/tickki-chat.js');
    return await readFile(join(dirname(loader), name));
  } catch {
    return undefined;
  }
}

const escape = (text: string) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

function page(sb: Sandbox, widget: boolean): string {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Tickki sandbox · playground</title>
<link rel="icon" href="/assets/logo.svg" type="image/svg+xml">
<link rel="stylesheet" href="/playground/page.css">
</head>
<body>
<header><strong>${escape(sb.store.config.business.name || 'Demo shop')}</strong> <span>demo shop · Tickki sandbox playground</span></header>
<main>
  <section class="hero">
    <h1>Chat with us from any page</h1>
    <p>This page loads the Tickki chat widget with one script tag, under a strict Content Security Policy.
    Open the chat in the corner, write something, and answer from the agent console.</p>
  </section>
  <section class="cards">
    <article>
      <h2>1. Be the visitor</h2>
      <p>Click the chat button. The scripted agent echoes what you write after a short pause${widget ? '' : ' <em>(the widget is not here: in this repository run <code>npm run build</code>; beside a published sandbox, <code>npm i -D @tickki/chat-widget</code>)</em>'}; ask it for a voice note or a photo and it sends one. With voice notes on, the microphone button records one.</p>
      <div class="faults"><button type="button" data-fault="voice">Voice notes on / off</button></div>
      <p class="status" role="status"></p>
    </article>
    <article>
      <h2>2. Be the agent</h2>
      <p><a href="/agent" target="_blank" rel="noopener">Open the agent console</a> in a second window, pick the conversation and reply.</p>
    </article>
    <article>
      <h2>3. Break things</h2>
      <p>Switch a fault on and watch the widget recover:</p>
      <div class="faults">
        <button type="button" data-fault="drop">Drop the websocket</button>
        <button type="button" data-fault="errors">Half the requests fail</button>
        <button type="button" data-fault="slow">Answers take 2 s</button>
        <button type="button" data-fault="lost">Lose 30 % of answers (server ignores Idempotency-Key)</button>
        <button type="button" data-fault="agents">Agents online / away</button>
        <button type="button" data-fault="clear">Clear all faults</button>
      </div>
      <p class="status" role="status" id="fault-status"></p>
    </article>
  </section>
  <p class="small">Base URL <code>${escape(sb.origin)}</code> · demo key <code>${escape(sb.demoKey)}</code> ·
  <a href="/_control/state">control API state</a></p>
</main>
${widget ? `<script src="/playground/tickki-chat.js" data-publishable-key="${escape(sb.demoKey)}" data-base-url="${escape(sb.origin)}" async></script>` : ''}
<script src="/playground/playground.js" defer></script>
</body>
</html>`;
}

const PAGE_CSS = `*{box-sizing:border-box}body{margin:0;font:16px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:#1f2937;background:#f8fafc}
header{padding:14px 24px 14px 48px;background:#0f172a;color:#f8fafc;display:flex;gap:12px;align-items:baseline}header span{color:#cbd5e1;font-size:14px}
main{max-width:820px;padding:32px 24px 120px 48px}.hero h1{font-size:32px;margin:0 0 8px}.hero p{max-width:640px;color:#374151}
.cards{display:grid;grid-template-columns:repeat(auto-fit,minmax(220px,1fr));gap:16px;margin:24px 0;align-items:start}
article{background:#fff;border:1px solid #e2e8f0;border-radius:12px;padding:16px 18px}article h2{font-size:17px;margin:0 0 6px}
.faults{display:flex;flex-wrap:wrap;gap:8px}.faults button{font:inherit;font-size:14px;padding:6px 10px;border-radius:8px;border:1px solid #94a3b8;background:#f1f5f9;cursor:pointer}
.faults button:hover{background:#e2e8f0}.status{min-height:1.5em;font-size:14px;color:#065f46}.small{font-size:14px;color:#475569}a{color:#1d4ed8}
code{background:#e2e8f0;padding:1px 5px;border-radius:4px;font-size:13px}@media (prefers-color-scheme:dark){body{background:#0b1220;color:#e5e7eb}
article{background:#111827;border-color:#1f2937}.hero p,.small{color:#cbd5e1}a{color:#93c5fd}code{background:#1f2937}.faults button{background:#1f2937;color:#e5e7eb;border-color:#4b5563}.status{color:#6ee7b7}}`;

const PAGE_JS = `(() => {
  const status = document.getElementById('fault-status');
  const call = (method, path, body) => fetch('/_control' + path, { method, headers: { 'Content-Type': 'application/json' }, body: body && JSON.stringify(body) });
  let away = false;
  const actions = {
    drop: () => call('POST', '/realtime/drop-connections', {}).then(() => 'Websocket dropped: the widget reconnects and fills the gap.'),
    errors: () => call('PATCH', '/faults', { http: { error_rate: 0.5 } }).then(() => 'Half the API requests now fail: sends are retried, nothing is lost.'),
    lost: () =>
      call('PATCH', '/faults', { http: { ignore_idempotency_key: true, drop_response_rate: 0.3, silent_store_rate: 0.5 } }).then(
        () => 'The server now ignores Idempotency-Key and loses 30 % of answers (half with their broadcast): the chat never sends a message twice on its own.',
      ),
    slow: () => call('PATCH', '/faults', { http: { latency_ms: 2000 } }).then(() => 'Every answer now takes 2 s.'),
    agents: () => call(away ? 'POST' : 'POST', away ? '/agents/online' : '/agents/offline', {}).then(() => ((away = !away) ? 'Agents away: reload to see "leave a message".' : 'Agents online again.')),
    clear: () => call('DELETE', '/faults').then(() => 'Faults cleared.'),
    // the widget keeps the config for 5 minutes: forget it and reload, so the change shows at once
    voice: () =>
      fetch('/_control/config')
        .then((r) => r.json())
        .then(({ data }) => call('PATCH', '/config', { features: { voice_notes: !data.features.voice_notes, file_uploads: true } }))
        .then(() => {
          for (const key of Object.keys(localStorage)) if (/^tickki:.*:config$/.test(key)) localStorage.removeItem(key);
          location.reload();
          return 'Reloading…';
        }),
  };
  document.addEventListener('click', (e) => {
    const fault = e.target.closest && e.target.closest('[data-fault]');
    if (!fault) return;
    const where = fault.closest('article').querySelector('.status') || status;
    actions[fault.dataset.fault]().then((text) => (where.textContent = text), () => (where.textContent = 'The control API did not answer.'));
  });
})();`;

/** Registers `/` (HTML only) and `/playground/*` on the sandbox's app. */
export function playgroundRoutes(app: Hono<SandboxEnv>, sb: Sandbox): void {
  app.get('/', async (c, next) => {
    if (!(c.req.header('accept') ?? '').includes('text/html')) return next();
    const widget = (await widgetFile('tickki-chat.js')) !== undefined;
    return c.html(page(sb, widget), 200, { 'Content-Security-Policy': CSP, 'Cache-Control': 'no-store' });
  });
  app.get('/playground/page.css', (c) => c.body(PAGE_CSS, 200, { 'Content-Type': 'text/css; charset=utf-8' }));
  app.get('/playground/playground.js', (c) => c.body(PAGE_JS, 200, { 'Content-Type': 'text/javascript; charset=utf-8' }));
  app.get('/playground/:file', async (c) => {
    const name = c.req.param('file');
    const body = WIDGET_FILE.test(name) ? await widgetFile(name) : undefined;
    if (!body) return c.json({ error: 'not_found', message: `No playground file ${name}; build @tickki/chat-widget.` }, 404);
    return c.body(new Uint8Array(body), 200, { 'Content-Type': 'text/javascript; charset=utf-8', 'Cache-Control': 'no-cache' });
  });
}
