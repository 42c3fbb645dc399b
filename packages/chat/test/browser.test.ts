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
    const worker = await bundleForBrowser(fileURLToPath(new URL('./browser/worker.js', import.meta.url)));
    pages = await serveStatic({
      '/': ['text/html', '<!doctype html><title>chat</title><script type="module" src="/chat.js"></script>'],
      '/chat.js': ['text/javascript', script],
      '/worker.js': ['text/javascript', worker],
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

  it('reports upload progress as the bytes go out, and maps a refused upload to a typed error', async () => {
    // 4 MB through a 4 MB/s uplink: about a second of progress events
    const cdp = await context.newCDPSession(page);
    await cdp.send('Network.enable');
    await cdp.send('Network.emulateNetworkConditions', { offline: false, latency: 0, downloadThroughput: -1, uploadThroughput: 4 * 1024 * 1024 });
    try {
      const result = await page.evaluate(async () => {
        const session = (globalThis as any).session;
        const progress: number[] = [];
        const file = new File([new Uint8Array(4 * 1024 * 1024)], 'photo.png', { type: 'image/png' });
        const attachment = await session.uploadAttachment(file, { onProgress: (p: number) => progress.push(p) });
        return { attachment, progress };
      });
      expect(result.attachment).toMatchObject({ fileName: 'photo.png', mimeType: 'image/png', fileSize: 4 * 1024 * 1024 });
      const { progress } = result;
      expect(progress[0]).toBe(0);
      expect(progress.at(-1)).toBe(1);
      expect(progress.filter((p) => p > 0 && p < 1).length).toBeGreaterThanOrEqual(2); // real steps, not just 0 and 1
      expect(progress).toEqual([...progress].sort((a, b) => a - b)); // never backwards

      // aborted halfway: the XHR is cancelled and the caller gets `aborted`
      const aborted = await page.evaluate(async () => {
        const ctl = new AbortController();
        const file = new File([new Uint8Array(4 * 1024 * 1024)], 'never.png', { type: 'image/png' });
        const onProgress = (p: number) => p > 0.2 && ctl.abort();
        try {
          await (globalThis as any).session.uploadAttachment(file, { onProgress, signal: ctl.signal });
          return undefined;
        } catch (e: any) {
          return e.code;
        }
      });
      expect(aborted).toBe('aborted');
    } finally {
      await cdp.send('Network.emulateNetworkConditions', { offline: false, latency: 0, downloadThroughput: -1, uploadThroughput: -1 });
      await cdp.detach();
    }
    expect(sb.control.messages(conversationId).filter((m) => m.type === 'attachment')).toHaveLength(1);

    // the server refuses the upload (plan gate): the XHR answer becomes the same typed error as over fetch
    sb.control.setPlan({ file_uploads: false });
    try {
      const refused = await page.evaluate(async () => {
        const file = new File([new Uint8Array(1024)], 'a.txt', { type: 'text/plain' });
        try {
          await (globalThis as any).session.uploadAttachment(file, { onProgress: () => {} });
          return undefined;
        } catch (e: any) {
          return { name: e.name, code: e.code, status: e.status };
        }
      });
      expect(refused).toEqual({ name: 'TickkiChatError', code: 'plan_gate', status: 403 });
    } finally {
      sb.control.setPlan({ file_uploads: true });
    }
  });

  it('sends queued analytics when the page goes away (pagehide flush, cross-origin, keepalive)', async () => {
    await page.evaluate(() => {
      const analytics = (globalThis as any).getAnalytics((globalThis as any).chat);
      analytics.screen('Checkout', location.href);
      analytics.tap('Pay now');
    });
    expect(sb.control.events({ visitor_id: 'v_chromium' }).filter((e) => e.event.type === 'tap')).toHaveLength(0); // queued: under 20, before 5 s
    await page.goto('about:blank'); // pagehide: the queue leaves with the page
    await expect.poll(() => sb.control.events({ visitor_id: 'v_chromium' }).map((e) => e.event.type), { timeout: 5000 }).toEqual(
      expect.arrayContaining(['screen_view', 'tap']),
    );
    await open(); // back to the chat for the next test
  });

  it('runs in a dedicated web worker with pusher-js/worker: no DOM, no localStorage', async () => {
    const workerPage = await context.newPage(); // its own tab: the chat page stays as it is
    await workerPage.goto(pages.origin + '/');
    const result = await workerPage.evaluate(
      ({ baseUrl, key }) =>
        new Promise<any>((resolve) => {
          const worker = new Worker('/worker.js', { type: 'module' });
          setTimeout(() => resolve({ ok: false, error: 'no answer from the worker in 10 s' }), 10_000);
          worker.onmessage = ({ data }) => {
            worker.terminate();
            resolve(data);
          };
          worker.onerror = (e) => resolve({ ok: false, error: e.message });
          worker.postMessage({ baseUrl, key });
        }),
      { baseUrl: sb.origin, key: sb.demoKey },
    );
    expect(result).toMatchObject({
      ok: true,
      state: 'connected',
      sent: 'sent',
      contents: ['Hello from a worker', 'Echo: Hello from a worker'],
      globals: { document: 'undefined', window: 'undefined', localStorage: 'undefined' },
    });
    await workerPage.close();
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
