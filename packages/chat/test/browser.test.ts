/**
 * @tickki/chat in a real browser: Debian's Chromium (playwright-core), the built package bundled
 * for the browser, a page on one origin talking to the sandbox on another (CORS, the websocket,
 * `localStorage`, the browser's own `online`/`offline` events).
 */
import { bundleForBrowser, hasChromium, launchChromium, serveStatic, type StaticServer } from '@tickki/browser-harness';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sandbox, type RunningSandbox } from './helpers.js';

// In CI Chromium is installed by .ci/run: a missing browser there is a failure, not a skip.
if (process.env.CI && !hasChromium) throw new Error('Chromium is not installed: apt-get install chromium');

interface PageMessage {
  id: number | undefined;
  content: string;
  status: string;
  isFromAgent: boolean;
}

describe.runIf(hasChromium)('in Chromium', () => {
  let sb: RunningSandbox;
  let pages: StaticServer;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;

  beforeAll(async () => {
    sb = await sandbox({ agent: { mode: 'echo', delay_ms: 0, typing: false } });
    const script = await bundleForBrowser(fileURLToPath(new URL('./browser/entry.js', import.meta.url)));
    pages = await serveStatic({
      '/': ['text/html', '<!doctype html><title>chat</title><script type="module" src="/chat.js"></script>'],
      '/chat.js': ['text/javascript', script],
    });
    browser = await launchChromium();
    context = await browser.newContext();
    page = await context.newPage();
  });

  afterAll(async () => {
    await browser?.close();
    await pages?.close();
    await sb?.close();
  });

  /** Opens the page and starts (or resumes) the visitor's session; resolves once ready. */
  const open = async () => {
    await page.goto(pages.origin + '/');
    await page.waitForFunction(() => 'TickkiChat' in globalThis);
    return page.evaluate(
      async ({ baseUrl, key }) => {
        const g = globalThis as unknown as Record<string, any>;
        g.chat = new g.TickkiChat({ publishableKey: key, baseUrl });
        g.session = await g.chat.startSession({ visitorId: 'v_chromium' });
        const restored = g.session.messages.length;
        await g.session.ready;
        return { conversationId: g.session.conversationId as number, restored, state: g.session.connectionState as string };
      },
      { baseUrl: sb.origin, key: sb.demoKey },
    );
  };

  const messages = () =>
    page.evaluate(() =>
      ((globalThis as unknown as Record<string, any>).session.messages as PageMessage[]).map(({ id, content, status, isFromAgent }) => ({ id, content, status, isFromAgent })),
    );

  const waitForContent = async (content: string) => {
    await page.waitForFunction((text) => (globalThis as any).session.messages.some((m: PageMessage) => m.content === text && m.status === 'sent'), content, {
      timeout: 15_000,
    });
  };

  let conversationId: number;

  it('starts a session cross-origin, sends, and receives the agent reply over the websocket', async () => {
    const started = await open();
    conversationId = started.conversationId;
    expect(started.state).toBe('connected');
    await page.evaluate(() => (globalThis as any).session.send('Hello from Chromium'));
    await waitForContent('Echo: Hello from Chromium');
    const list = await messages();
    expect(list.filter((m) => m.content === 'Hello from Chromium')).toHaveLength(1);
    expect(list.find((m) => m.content === 'Echo: Hello from Chromium')?.isFromAgent).toBe(true);
    expect(sb.control.messages(conversationId).map((m) => m.content)).toEqual(['Hello from Chromium', 'Echo: Hello from Chromium']);
  });

  it('recovers a reply broadcast while the browser was offline, once it is back online', async () => {
    await context.setOffline(true);
    await page.waitForFunction(() => !navigator.onLine);
    sb.realtime.setFaults({ dropBroadcastRate: 1 });
    sb.control.reply(conversationId, 'Sent while you were offline');
    sb.realtime.setFaults({ dropBroadcastRate: 0 });
    await context.setOffline(false);
    await waitForContent('Sent while you were offline');
    const list = await messages();
    expect(list.filter((m) => m.content === 'Sent while you were offline')).toHaveLength(1);
  });

  it('resumes the same conversation after a reload, from localStorage', async () => {
    const before = await messages();
    await page.reload();
    const resumed = await open();
    expect(resumed.conversationId).toBe(conversationId);
    expect(resumed.restored).toBeGreaterThanOrEqual(before.length);
    const after = await messages();
    expect(after.map((m) => m.id)).toEqual(before.map((m) => m.id));
    const stored = await page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith('tickki')));
    expect(stored.length).toBeGreaterThan(0);
  });
});
