/**
 * Every code sample of the guides is a file under `samples/`, type-checked by `npm run check`,
 * included in its page with `?raw`, and run here against the sandbox exactly as a reader would.
 */
import { execFile } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bundleForBrowser, serveStatic, type StaticServer } from '@tickki/browser-harness';
import { startSandbox, type RunningSandbox } from '@tickki/sandbox';
import type { Browser, Page } from 'playwright-core';
import { rolldown } from 'rolldown';
import { docsRoot } from '../scripts/site.ts';
import { hasChromium, launchChromium, watchedContext } from './helpers.ts';

const run = promisify(execFile);
const samplesDir = join(docsRoot, 'samples');
const guidesDir = join(docsRoot, 'src/content/docs/guides');

/** What each Node sample must print (a sample without an entry here fails the coverage test). */
const expectedOutput: Record<string, RegExp[]> = {
  'quickstart-node.ts': [/^sent #\d+: Hello from Node \(sent\)$/m, /^agent: Echo: Hello from Node$/m],
  'generated-client.ts': [/^business: Northwind Outfitters$/m, /^sent #\d+$/m, /^inbound: Hi from the generated client$/m, /^unknown key → 401 invalid_api_key$/m],
  'errors.ts': [/^retried until sent$/m, /^copies after a lost answer: 1 on the server, 1 on screen$/m, /^renewed, conversation \d+$/m, /^invalid_api_key \(status 401, auth error: true, retryable: false\)$/m],
  'realtime-connection.ts': [
    /^subscribed \(#1\), history holds 0 messages$/m,
    /^agent: Echo: Is anyone there\?$/m,
    /^state: connected → reconnecting$/m,
    /^subscribed \(#2\), history holds 2 messages$/m,
    /^state: connected → closed$/m,
  ],
  'testing-with-the-sandbox.ts': [/^the agent reply arrived over the websocket$/m, /^startSession answered 200$/m],
};
/** Samples that run in Chromium (below) rather than in Node. */
const browserSamples = [
  'quickstart-browser.ts',
  'quickstart-browser.html',
  'widget-script-tag.html',
  'widget-consent.html',
  'widget-bundler.ts',
  'widget-strict-csp.html',
  'widget-theme.css',
  'react-hooks.tsx',
  'react-widget.tsx',
];
/**
 * The React Native samples: type-checked here (`tsconfig.react-native.json`) and, being the root
 * README's React Native quickstart word for word, run by @tickki/chat-react-native's jest tests
 * (`packages/react-native/test/quickstart.test.tsx`) against the sandbox. The test below keeps them equal.
 */
const reactNativeSamples = ['react-native-screen.tsx', 'react-native-modal.tsx', 'react-native-headless.tsx'];

const samples = readdirSync(samplesDir).sort();
const guides = readdirSync(guidesDir).map((file) => readFileSync(join(guidesDir, file), 'utf8')).join('\n');

describe('samples', () => {
  let sandbox: RunningSandbox;
  beforeAll(async () => {
    sandbox = await startSandbox({ port: 0, agent: { delay_ms: 20 }, seed: 7 });
  });
  afterAll(() => sandbox?.close());

  it('every sample is run by this file and shown on a page', () => {
    for (const sample of samples) {
      expect([...Object.keys(expectedOutput), ...browserSamples, ...reactNativeSamples], `${sample} is not run by the tests`).toContain(sample);
      expect(guides, `${sample} is not included in any guide`).toContain(`samples/${sample}?raw`);
    }
  });

  it('the React Native samples are the README quickstart that the package\'s jest tests run', () => {
    const readme = readFileSync(join(docsRoot, '../../README.md'), 'utf8');
    const start = readme.indexOf('## React Native quickstart');
    const end = readme.indexOf('\n## ', start + 1);
    const blocks = [...readme.slice(start, end < 0 ? undefined : end).matchAll(/```tsx\n([\s\S]*?)```/g)].map((m) => m[1]);
    expect(reactNativeSamples.map((sample) => readFileSync(join(samplesDir, sample), 'utf8'))).toEqual(blocks);
  });

  for (const [sample, patterns] of Object.entries(expectedOutput)) {
    it(`${sample} runs against the sandbox`, async () => {
      const { stdout } = await run(process.execPath, [join(samplesDir, sample)], {
        cwd: docsRoot,
        env: { ...process.env, TICKKI_BASE_URL: sandbox.origin },
        timeout: 45_000,
      });
      for (const pattern of patterns) expect(stdout).toMatch(pattern);
    });
  }

  describe.runIf(hasChromium)('in Chromium', () => {
    let browser: Browser;
    let pageServer: StaticServer;
    beforeAll(async () => {
      browser = await launchChromium();
      const html = readFileSync(join(samplesDir, 'quickstart-browser.html'), 'utf8')
        // The one line a reader changes: where the sandbox runs (here on a free port).
        .replace('data-base-url="http://127.0.0.1:4010"', `data-base-url="${sandbox.origin}"`);
      pageServer = await serveStatic({
        '/': ['text/html; charset=utf-8', html],
        '/chat.js': ['text/javascript; charset=utf-8', await bundleForBrowser(join(samplesDir, 'quickstart-browser.ts'))],
      });
    });
    afterAll(async () => {
      await browser?.close();
      await pageServer?.close();
    });

    it('quickstart-browser chats with the scripted agent', async () => {
      const { context, watch } = await watchedContext(browser);
      const page = await context.newPage();
      await page.goto(pageServer.origin);
      await expect.poll(() => page.locator('#status').textContent(), { timeout: 15_000 }).toBe('connected');
      await page.getByLabel('Message').fill('Hello from the browser');
      await page.getByLabel('Message').press('Enter');
      await page.locator('#messages li.agent', { hasText: 'Echo: Hello from the browser' }).waitFor({ timeout: 15_000 });
      // the reply's broadcast may land before the answer to the send that marks it sent: ask until it has
      await expect.poll(() => page.locator('#messages li.visitor.sent', { hasText: 'Hello from the browser' }).count(), { timeout: 15_000 }).toBe(1);
      expect(await page.getByLabel('Message').inputValue()).toBe('');
      expect(watch.consoleErrors).toEqual([]);
      expect(watch.outsideRequests).toEqual([]);
      await context.close();
    });
  });
  describe.runIf(hasChromium)('the UI packages in Chromium', () => {
    let browser: Browser;
    let server: StaticServer;
    /** Where the samples say the sandbox runs, swapped for the one of this run. */
    const here = (text: string) => text.replaceAll('127.0.0.1:4010', new URL(sandbox.origin).host);
    const html = (body: string) => `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>app</title></head><body>${body}</body></html>`;
    /** An app's bundle of a sample (rolldown, as an app's bundler would), chunks included. */
    const bundle = async (sample: string, name: string) => {
      const build = await rolldown({
        input: join(samplesDir, sample),
        platform: 'browser',
        logLevel: 'silent',
        transform: { define: { 'process.env.NODE_ENV': '"production"' }, jsx: 'react-jsx' },
        plugins: [{ name: 'sandbox-origin', transform: (code) => here(code) }],
      });
      const { output } = await build.generate({ format: 'esm', entryFileNames: `${name}.js`, chunkFileNames: `${name}-[name]-[hash].js` });
      await build.close();
      return Object.fromEntries(output.flatMap((chunk) => (chunk.type === 'chunk' ? [[`/${chunk.fileName}`, ['text/javascript', chunk.code] as [string, string]]] : [])));
    };

    beforeAll(async () => {
      browser = await launchChromium();
      // The script-tag build as published (the files a CDN serves), from the package's dist.
      const dist = join(dirname(createRequire(import.meta.url).resolve('@tickki/chat-widget/package.json')), 'dist');
      const scriptTag = Object.fromEntries(
        readdirSync(dist)
          .filter((file) => /^tickki-chat[\w-]*\.js$/.test(file))
          .map((file) => [`/${file}`, ['text/javascript', readFileSync(join(dist, file), 'utf8')] as [string, string]]),
      );
      const sample = (file: string) => here(readFileSync(join(samplesDir, file), 'utf8'));
      server = await serveStatic({
        ...scriptTag,
        // Tests leave this machine for nothing: the CDN's copy is the same file, served from here.
        '/script-tag/': ['text/html; charset=utf-8', sample('widget-script-tag.html').replace('https://cdn.jsdelivr.net/npm/@tickki/chat-widget/dist/tickki-chat.js', '/tickki-chat.js')],
        '/consent/': ['text/html; charset=utf-8', sample('widget-consent.html').replace('https://cdn.jsdelivr.net/npm/@tickki/chat-widget/dist/tickki-chat.js', '/tickki-chat.js')],
        '/strict-csp/': ['text/html; charset=utf-8', sample('widget-strict-csp.html')],
        '/widget-theme.css': ['text/css; charset=utf-8', sample('widget-theme.css')],
        '/bundler/': ['text/html; charset=utf-8', html('<main><button id="help">Help</button></main><script type="module" src="/bundler.js"></script>')],
        '/react-hooks/': ['text/html; charset=utf-8', html('<div id="root"></div><script type="module" src="/react-hooks.js"></script>')],
        '/react-widget/': ['text/html; charset=utf-8', html('<div id="root"></div><script type="module" src="/react-widget.js"></script>')],
        ...(await bundle('widget-bundler.ts', 'bundler')),
        ...(await bundle('react-hooks.tsx', 'react-hooks')),
        ...(await bundle('react-widget.tsx', 'react-widget')),
      });
    });
    afterAll(async () => {
      await browser?.close();
      await server?.close();
    });

    /** Opens a sample's page in a fresh context that refuses every request leaving this machine. */
    const open = async (path: string, options: Parameters<Browser['newContext']>[0] = {}) => {
      const { context, watch } = await watchedContext(browser, options);
      const page = await context.newPage();
      const logged: string[] = [];
      const violations: string[] = [];
      page.on('console', (message) => logged.push(message.text()));
      await page.exposeFunction('cspViolation', (text: string) => violations.push(text));
      await page.addInitScript(() =>
        document.addEventListener('securitypolicyviolation', (e) => (window as unknown as { cspViolation(t: string): void }).cspViolation(`${e.violatedDirective} ${e.blockedURI}`)),
      );
      await page.goto(server.origin + path);
      const done = async () => {
        expect(watch.consoleErrors).toEqual([]);
        expect(watch.outsideRequests).toEqual([]);
        expect(violations).toEqual([]);
        await context.close();
      };
      return { page, logged, done };
    };
    /** Sends `text` in the widget's panel (open) and waits for the agent's answer in its shadow root. */
    const chatInWidget = async (page: Page, text: string) => {
      await page.locator('tickki-chat textarea').fill(text);
      await page.locator('tickki-chat textarea').press('Enter');
      await page.waitForFunction(
        (reply) => [...(document.querySelector('tickki-chat')?.shadowRoot?.querySelectorAll('.list > li[data-status=sent] .bubble') ?? [])].some((b) => b.textContent === reply),
        `Echo: ${text}`,
        { timeout: 15_000 },
      );
    };

    it('widget-script-tag.html: the launcher opens the chat; the agent answers; the page hears of it', async () => {
      const { page, logged, done } = await open('/script-tag/');
      await page.locator('tickki-chat .launcher').click();
      await chatInWidget(page, 'Hello from the script tag');
      await expect.poll(() => logged, { timeout: 15_000 }).toContain('agent: Echo: Hello from the script tag');
      expect(logged).toContain('you: Hello from the script tag');
      // With the panel closed, an agent's reply is unread: the page puts the count in its title.
      await page.keyboard.press('Escape');
      await page.locator('tickki-chat textarea').waitFor({ state: 'hidden' });
      const conversation = sandbox.control.conversations().find((c) => sandbox.control.messages(c.id).some((m) => m.content === 'Hello from the script tag'));
      sandbox.control.reply(conversation!.id, 'Your order left the warehouse today.');
      await expect.poll(() => page.title(), { timeout: 15_000 }).toBe('(1) Northwind Outfitters');
      await done();
    });

    it('widget-consent.html: nothing reaches the sandbox before Accept; opened first, the chat opens on Accept; the next page needs no banner', async () => {
      const { page, done } = await open('/consent/');
      const requests: string[] = [];
      page.on('request', (r) => requests.push(new URL(r.url()).pathname));
      await page.locator('#consent-banner').waitFor();
      await page.locator('tickki-chat .launcher').click(); // before consent: the note, and the banner stays
      await page.locator('tickki-chat .note').waitFor();
      // past the page's idle moment (the widget's work at idle runs from the load event, within 3 s):
      // an idle callback asked for now runs after it; then a margin for a request it started to show
      await page.evaluate(() => new Promise((done) => requestIdleCallback(done, { timeout: 3000 })));
      await page.waitForTimeout(1500);
      expect(requests.filter((p) => p.startsWith('/api/') || p.startsWith('/tickki-chat-'))).toEqual([]);
      await page.locator('#accept').click();
      await page.locator('#consent-banner').waitFor({ state: 'hidden' });
      await chatInWidget(page, 'Hello after consent');
      await page.reload();
      await page.locator('tickki-chat').waitFor({ state: 'attached' });
      expect(await page.locator('#consent-banner').isHidden()).toBe(true);
      await done();
    });

    it('widget-bundler.ts: your own button opens the chat and says who the visitor is', async () => {
      const { page, done } = await open('/bundler/');
      await page.locator('#help').click();
      await chatInWidget(page, 'Hello from the bundle');
      await expect
        .poll(() => sandbox.control.conversations().some((c) => c.contact.name === 'Dana Reyes' && c.contact.email === 'dana@example.com'), { timeout: 15_000 })
        .toBe(true);
      await done();
    });

    for (const colorScheme of ['light', 'dark'] as const) {
      it(`widget-strict-csp.html + widget-theme.css: branded, ${colorScheme}, left, in French, under a strict CSP`, async () => {
        const { page, done } = await open('/strict-csp/', { colorScheme });
        const launcher = page.locator('tickki-chat .launcher');
        await launcher.waitFor();
        const look = await launcher.evaluate((el) => ({ background: getComputedStyle(el).backgroundColor, left: el.getBoundingClientRect().left }));
        expect(look.background).toBe(colorScheme === 'light' ? 'rgb(15, 118, 110)' : 'rgb(20, 184, 166)');
        expect(look.left).toBeLessThan(100);
        await launcher.click();
        expect(await page.locator('tickki-chat textarea').getAttribute('placeholder')).toBe('Votre question…');
        await chatInWidget(page, `Bonjour (${colorScheme})`);
        await done();
      });
    }

    it('react-hooks.tsx: your own React UI on the hooks chats with the agent', async () => {
      const { page, done } = await open('/react-hooks/');
      await page.getByRole('heading', { name: 'Northwind Outfitters' }).waitFor({ timeout: 15_000 });
      await page.getByLabel('Message').fill('Hello from React');
      await page.getByRole('button', { name: 'Send' }).click();
      await page.locator('li.agent.sent', { hasText: 'Echo: Hello from React' }).waitFor({ timeout: 15_000 });
      // the reply's broadcast may land before the answer to the send that marks it sent: ask until it has
      await expect.poll(() => page.locator('li.visitor.sent', { hasText: 'Hello from React' }).count(), { timeout: 15_000 }).toBe(1);
      expect(await page.getByLabel('Message').inputValue()).toBe('');
      await done();
    });

    it('react-widget.tsx: <TickkiChatWidget /> opens from your button; onMessage hears the reply', async () => {
      const { page, logged, done } = await open('/react-widget/');
      await page.getByRole('button', { name: 'Help' }).click();
      await chatInWidget(page, 'Hello from React DOM');
      await expect.poll(() => logged, { timeout: 15_000 }).toContain('agent: Echo: Hello from React DOM');
      expect(await page.locator('tickki-chat').getAttribute('primary-color')).toBe('#0f766e');
      await done();
    });
  });
});
