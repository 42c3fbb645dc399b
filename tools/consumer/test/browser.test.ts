/**
 * The README's browser quickstart, bundled from the installed tarballs for the browser (rolldown,
 * honouring `browser` fields as an app's bundler does), runs in Chromium against the sandbox: once
 * as is, once with `pusher-js` aliased to `@tickki/chat-realtime/pusher-websocket` as the realtime
 * README shows.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { bundleForBrowser, hasChromium, launchChromium, serveStatic, type StaticServer } from '@tickki/browser-harness';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, expect, inject, it } from 'vitest';
import { findNode20 } from '../src/node20.ts';
import { start, type Running } from '../src/process.ts';
import { marked, substitute } from '../src/readme.ts';

// In CI Chromium is installed by .ci/run: a missing browser there is a failure, not a skip.
if (process.env.CI && !hasChromium) throw new Error('Chromium is not installed: apt-get install chromium');

const app = inject('app');

/** What the sample leaves to the page: its UI functions and the input box, recorded for the test. */
const PAGE_ENVIRONMENT = `const g = globalThis;
g.renders = [];
g.banners = [];
g.render = (messages) => g.renders.push(messages.map((m) => m.content + ' (' + m.status + ')'));
g.setBanner = (state) => g.banners.push(state);
g.showRetry = () => g.banners.push('retry shown');
g.input = { value: 'Hello from the browser', oninput: null };
`;

let sandbox: Running;
let pages: StaticServer;
let browser: Browser;
let scriptWebsocketOnly: string;

beforeAll(async () => {
  if (!hasChromium) return;
  sandbox = start(findNode20(), ['node_modules/@tickki/sandbox/bin/tickki-sandbox.js', '--port', '0', '--quiet'], { cwd: app });
  const origin = (await sandbox.waitFor(/Base URL:\s+(http:\/\/127\.0\.0\.1:\d+)/))[1]!;
  const dir = join(app, 'browser');
  mkdirSync(dir, { recursive: true });
  const sample = substitute(marked('README.md', 'browser-quickstart').code, "{ publishableKey: 'pk_live_…' }", `{ publishableKey: 'pk_test_tickki_sandbox', baseUrl: '${origin}' }`);
  writeFileSync(join(dir, 'environment.js'), PAGE_ENVIRONMENT);
  writeFileSync(join(dir, 'quickstart.ts'), sample);
  writeFileSync(join(dir, 'entry.js'), "import './environment.js';\nimport './quickstart.ts';\n");
  const script = await bundleForBrowser(join(dir, 'entry.js'));
  const websocketOnly = createRequire(join(app, 'package.json')).resolve('@tickki/chat-realtime/pusher-websocket');
  scriptWebsocketOnly = await bundleForBrowser(join(dir, 'entry.js'), { 'pusher-js': websocketOnly });
  pages = await serveStatic({
    '/': ['text/html', '<!doctype html><title>quickstart</title><script type="module" src="/app.js"></script>'],
    '/app.js': ['text/javascript', script],
    '/websocket-only/': ['text/html', '<!doctype html><title>quickstart</title><script type="module" src="/websocket-only/app.js"></script>'],
    '/websocket-only/app.js': ['text/javascript', scriptWebsocketOnly],
  });
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  await pages?.close();
  await sandbox?.stop();
});

it.runIf(hasChromium).each([
  ['', 'pusher-js'],
  ['websocket-only/', '@tickki/chat-realtime/pusher-websocket'],
])('the browser quickstart, bundled from the tarballs (/%s, on %s), chats with the sandbox in Chromium', async (path) => {
  if (path) expect(scriptWebsocketOnly).not.toContain('xhr_polling'); // pusher-js's HTTP fallbacks are left out
  const context = await browser.newContext(); // a new visitor each time
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (err) => errors.push(err.message));
  await page.goto(`${pages.origin}/${path}`);
  await page.waitForFunction(() => (globalThis as unknown as { renders: string[][] }).renders.some((r) => r.includes('Echo: Hello from the browser (sent)')), undefined, { timeout: 20_000 });
  const seen = await page.evaluate(() => {
    const g = globalThis as unknown as { renders: string[][]; banners: string[]; input: { oninput: unknown }; localStorage: Storage };
    return { renders: g.renders, banners: g.banners, typing: typeof g.input.oninput, visitorId: g.localStorage.getItem('visitorId') };
  });
  expect(errors).toEqual([]);
  expect(seen.renders[0]).toEqual(['Hello from the browser (pending)']);
  expect(seen.renders.at(-1)).toEqual(['Hello from the browser (sent)', 'Echo: Hello from the browser (sent)']);
  expect(seen.banners).toContain('connected');
  expect(seen.typing).toBe('function');
  expect(seen.visitorId).toMatch(/^[0-9a-f-]{36}$/);
  await context.close();
});
