/**
 * Benchmarks of `@tickki/chat-widget` in Chromium (run after `npm run build`: `npm run bench`).
 *
 * 1. Main-thread cost on the host page before the visitor opens the chat: long tasks (Long Tasks API)
 *    from navigation until the chat panel has loaded in the background, as total blocking time
 *    (the part of each task over 50 ms), against the same page without the widget.
 * 2. A new message into a panel already showing 5,000 messages: scripting time per update of the
 *    keyed list (only the new item renders), against a full re-render of the list, same run.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { rolldown } from 'rolldown';
import { launchChromium } from '../../../tools/browser/src/index.ts';
import { startSandbox } from '../../../apps/sandbox/dist/index.js';

const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[xs.length >> 1]!;
const RUNS = 7;

const sb = await startSandbox({ port: 0, seed: 1 });
const dist = new URL('../dist/', import.meta.url);
const listBundle = await rolldown({ input: new URL('./list.tsx', import.meta.url).pathname, platform: 'browser', logLevel: 'silent' });
const listCode = (await listBundle.generate({ format: 'esm', minify: true })).output[0].code;
await listBundle.close();

const page = (widget: boolean) => `<!doctype html><html><head><meta charset="utf-8"><title>Shop</title></head><body>
<main>${'<p>Some product text of the host page.</p>'.repeat(200)}</main>
${widget ? `<script src="/tickki-chat.js" data-publishable-key="${sb.demoKey}" data-base-url="${sb.origin}" async></script>` : ''}
</body></html>`;
const files: Record<string, [string, string | Buffer]> = {
  '/with': ['text/html', page(true)],
  '/without': ['text/html', page(false)],
  '/list': ['text/html', '<!doctype html><title>list</title><script type="module" src="/list.js"></script>'],
  '/list.js': ['text/javascript', listCode],
};
for (const f of readdirSync(dist)) if (/^tickki-chat[\w-]*\.js$/.test(f)) files[`/${f}`] = ['text/javascript', readFileSync(new URL(f, dist))];
const server = createServer((req, res) => {
  const file = files[new URL(req.url ?? '/', 'http://x').pathname];
  if (!file) return void res.writeHead(404).end();
  res.writeHead(200, { 'content-type': file[0], 'cache-control': 'no-store' }).end(file[1]);
});
await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

const browser = await launchChromium();
try {
  // ------------------------------------------------------------ 1. total blocking time
  const tbt = async (path: string, returning = false) => {
    const context = await browser.newContext();
    const p = await context.newPage();
    // a returning visitor has a conversation going on: the panel loads in the background
    if (returning) await p.addInitScript((key) => localStorage.setItem(`tickki-widget:${key}`, '{"s":true}'), sb.demoKey);
    await p.addInitScript(() => {
      const w = window as unknown as { __long: number[] };
      w.__long = [];
      new PerformanceObserver((list) => list.getEntries().forEach((e) => w.__long.push(e.duration))).observe({ type: 'longtask', buffered: true });
    });
    await p.goto(origin + path, { waitUntil: 'load' });
    if (returning) await p.waitForFunction(() => !!document.querySelector('tickki-chat')?.shadowRoot?.querySelector('.panel'), undefined, { timeout: 10_000 });
    await p.waitForTimeout(1000);
    const long = await p.evaluate(() => (window as unknown as { __long: number[] }).__long);
    await context.close();
    return { tbt: long.reduce((sum, d) => sum + Math.max(0, d - 50), 0), tasks: long.length };
  };
  const fresh: number[] = [];
  const returning: number[] = [];
  const without: number[] = [];
  let tasks = 0;
  for (let i = 0; i < RUNS; i++) {
    without.push((await tbt('/without')).tbt);
    fresh.push((await tbt('/with')).tbt);
    const run = await tbt('/with', true);
    returning.push(run.tbt);
    tasks += run.tasks;
  }
  console.log(`1. Total blocking time before the chat is opened, median of ${RUNS}:`);
  console.log(`   new visitor (loader only): ${median(fresh).toFixed(0)} ms; returning visitor (panel, session and socket in the background): ${median(returning).toFixed(0)} ms (long tasks in all runs: ${tasks}); page without the widget: ${median(without).toFixed(0)} ms`);

  // ------------------------------------------------------------ 2. update cost
  const p = await browser.newPage();
  await p.goto(origin + '/list');
  await p.waitForFunction(() => 'bench' in globalThis);
  const measure = (fresh: boolean) => p.evaluate(([f]) => (globalThis as unknown as { bench(s: number, r: number, f: boolean): number[] }).bench(5000, 30, f), [fresh] as const);
  await measure(false); // warm up
  await measure(true);
  const keyed = median(await measure(false));
  const full = median(await measure(true));
  console.log('2. One new message into a list of 5,000, median scripting time per update (30 updates):');
  console.log(`   keyed list, memoized items: ${keyed.toFixed(2)} ms; full re-render: ${full.toFixed(2)} ms (${(full / keyed).toFixed(0)}× slower)`);
} finally {
  await browser.close();
  server.close();
  await sb.close();
}
