/**
 * Issue 18, the widget's face: along a real page's life (reloads, a second tab, live attribute
 * changes, a sign-out, an element removed and added back, two elements), in Chromium against the
 * sandbox, script tag under a strict CSP. Each test failed on the widget before it rendered
 * `ChatScreen` (see the commit that added this file).
 */
import { hasChromium, launchChromium } from '@tickki/browser-harness';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { sandbox, sessionStarts, waitFor, type RunningSandbox } from './helpers.js';
import { bubbles, hostPage, sendText, untilPage, watchPage, widgetPages } from './page.js';

if (process.env.CI && !hasChromium) throw new Error('Chromium is not installed: apt-get install chromium');

type El = HTMLElement & { open(): void; close(): void; state?: string; unread: number; isOpen: boolean; identify(f: object): Promise<unknown>; logout?(): Promise<void> };

describe.runIf(hasChromium)('the element along a page’s life (Chromium, script tag, strict CSP)', () => {
  let sb: RunningSandbox;
  let pages: Awaited<ReturnType<typeof widgetPages>>;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  let seen: { violations: string[]; errors: string[] };

  beforeAll(async () => {
    sb = await sandbox({ agent: { mode: 'echo', delay_ms: 1500 }, config: { business: { name: 'Acme Support' } } });
    pages = await widgetPages(sb, {}, undefined, {
      '/en_US': { locale: 'en_US' },
      '/bad-base': { 'base-url': 'localhost:8080' },
      '/wrong-base': { 'base-url': 'http://127.0.0.1:9' },
      '/unknown': { 'publishable-key': 'pk_test_unknown' },
    });
    const html = (body: string) => ['text/html; charset=utf-8', body] as [string, string];
    pages.files['/autofocus'] = html(hostPage(sb).replace('<main>', '<main><input id="search" autofocus aria-label="Search">'));
    const tag = `<tickki-chat publishable-key="${sb.demoKey}" base-url="${sb.origin}"></tickki-chat>`;
    pages.files['/two'] = html(`<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Two</title></head><body>${tag}${tag}<script src="/tickki-chat.js" async></script></body></html>`);
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await pages?.close();
    await sb?.close();
  });
  afterEach(() => {
    expect(seen.violations).toEqual([]);
    expect(seen.errors).toEqual([]);
  });

  const fresh = async (path = '/') => {
    await context?.close();
    context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    page = await context.newPage();
    seen = await watchPage(page);
    await page.goto(pages.origin + path);
    await page.locator('tickki-chat .launcher').first().waitFor();
  };
  /** A fresh page at `path` that counts its websockets and console warnings from the start. */
  const counting = async (path: string) => {
    await context?.close();
    context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    page = await context.newPage();
    seen = await watchPage(page);
    const out = { sockets: [] as string[], warnings: [] as string[] };
    page.on('console', (m) => m.type() === 'warning' && out.warnings.push(m.text()));
    page.on('websocket', (ws) => out.sockets.push(ws.url()));
    await page.goto(pages.origin + path);
    return out;
  };
  const openPanel = async (p = page) => {
    await p.locator('tickki-chat .launcher').click();
    await p.locator('tickki-chat textarea').waitFor();
  };
  const el = <T,>(p: Page, read: (el: El) => T | Promise<T>) => p.evaluate(`(${read.toString()})(document.querySelector('tickki-chat'))`) as Promise<T>;
  const badge = (p = page) => p.locator('tickki-chat .badge').evaluate((b) => ((b as HTMLElement).hidden ? '' : b.textContent));
  const until = (check: () => Promise<boolean>, what: string, p = page, ms?: number) => untilPage(p, check, what, ms);
  const storageOf = (p = page) => p.evaluate(() => Object.fromEntries(Object.entries(localStorage)));
  const conversationOf = (visitorId: string) => waitFor(() => sb.control.conversations().find((c) => c.visitor_id === visitorId), `the conversation of ${visitorId}`);
  const visitorOf = async (key = sb.demoKey) => (await storageOf())[`tickki-widget:${key}:visitor`]!;
  const hasMessage = (visitorId: string, text: string) => sb.control.conversations().some((c) => c.visitor_id === visitorId && sb.control.messages(c.id).some((m) => m.content === text));

  it('(1) a reply that came after the panel was closed on a first visit is still unread after a reload', async () => {
    await fresh();
    await openPanel();
    await sendText(page, 'Where is my order?');
    await page.keyboard.press('Escape'); // closed before any reply
    await until(async () => (await badge()) === '1', 'the badge to count the reply');
    const historyReads: string[] = [];
    page.on('response', (r) => r.request().method() === 'GET' && /\/chat\/sessions\/[^/]+\/messages/.test(r.url()) && historyReads.push(r.url()));
    await page.reload();
    await page.locator('tickki-chat .launcher').waitFor();
    expect(await badge()).toBe('1');
    // the chat loads in the background and reads the history; a moment more for what it makes of it
    await until(async () => (await el(page, (e) => e.state)) === 'mounted', 'the chat to load in the background');
    await until(async () => historyReads.length > 0, 'the history read');
    await page.waitForTimeout(500);
    expect(await badge()).toBe('1');
    expect(await el(page, (e) => e.unread)).toBe(1);
  });

  it("a returning visitor's chat loads in the background undrawn: a reply is counted and announced, the first open draws the panel", async () => {
    await fresh();
    await openPanel();
    await sendText(page, 'Back in a minute');
    await page.keyboard.press('Escape');
    await page.reload();
    await until(async () => (await el(page, (e) => e.state)) === 'mounted', 'the chat to load in the background');
    const shadow = () =>
      el(page, (e) => {
        const r = e.shadowRoot!;
        return {
          rendered: r.firstElementChild!.firstElementChild!.childNodes.length, // the panel's mount point
          panelCss: [...r.adoptedStyleSheets].some((sheet) => [...sheet.cssRules].some((rule) => rule.cssText.startsWith('.panel'))),
          live: r.querySelector('.sr[aria-live=polite]')?.textContent ?? null,
        };
      });
    // nothing rendered, the panel's CSS not added; the live region is there
    expect(await shadow()).toEqual({ rendered: 0, panelCss: false, live: '' });
    const before = Number(await badge()) || 0;
    sb.control.reply((await conversationOf(await visitorOf())).id, 'We are on it.', 'Ben');
    await until(async () => (await shadow()).live === 'New message from Acme Support: We are on it.', 'the reply announced');
    await until(async () => (await badge()) === String(before + 1), 'the reply counted');
    expect(await shadow()).toMatchObject({ rendered: 0, panelCss: false });
    await openPanel();
    expect(await shadow()).toMatchObject({ rendered: 1, panelCss: true });
    await until(async () => (await bubbles(page)).some((b) => b.text === 'We are on it.'), 'the reply in the panel');
  });

  it('(2) locale="en_US" opens and chats', async () => {
    await fresh('/en_US');
    await openPanel();
    await sendText(page, 'Hello from WordPress');
    await until(async () => (await bubbles(page)).some((b) => b.text === 'Echo: Hello from WordPress'), 'the reply');
  });

  it('(2) a mount that throws (base-url="localhost:8080") shows failed on the launcher and recovers on an attribute change', async () => {
    await fresh('/bad-base');
    await page.locator('tickki-chat .launcher').click();
    await until(async () => (await el(page, (e) => e.state)) === 'failed', 'the failed state');
    expect(await badge()).toBe('!');
    expect(await page.locator('tickki-chat .launcher').getAttribute('aria-label')).toContain("(The chat isn't available right now.)");
    await page.evaluate((origin) => document.querySelector('tickki-chat')!.setAttribute('base-url', origin), sb.origin);
    await until(async () => (await el(page, (e) => e.state)) === 'mounted', 'the chat to load with the new base URL');
    await openPanel();
    await sendText(page, 'Recovered');
    expect(await badge()).toBe('');
  });

  it('(3) a live base-url change restarts the chat against the new URL', async () => {
    await fresh('/wrong-base');
    await page.locator('tickki-chat .launcher').click();
    await page.locator('tickki-chat textarea').waitFor();
    await page.waitForTimeout(1000); // the start fails against the wrong host
    await page.evaluate((origin) => document.querySelector('tickki-chat')!.setAttribute('base-url', origin), sb.origin);
    await sendText(page, 'After the base URL changed');
    // in the list at once; on the server once its request is answered (later on a loaded machine)
    await waitFor(async () => hasMessage(await visitorOf(), 'After the base URL changed') || undefined, 'the message on the server');
  });

  it('(3) a live publishable-key change chats with the new key, UI state kept under it', async () => {
    sb.control.addKey({ key: 'pk_test_other' });
    await fresh();
    await openPanel();
    await sendText(page, 'With the demo key');
    await page.evaluate(() => document.querySelector('tickki-chat')!.setAttribute('publishable-key', 'pk_test_other'));
    await until(async () => JSON.parse((await storageOf())['tickki-widget:pk_test_other'] ?? '{}').s === true, 'UI state under the new key');
    await sendText(page, 'With the other key');
    const other = await visitorOf('pk_test_other');
    expect(other).toBeTruthy();
    await waitFor(() => hasMessage(other, 'With the other key') || undefined, 'the message in the new key’s conversation');
    expect(hasMessage(await visitorOf(), 'With the other key')).toBe(false);
  });

  it('(4) a live visitor-id change (login) sends to the new visitor; logout() leaves no session, messages or identity', async () => {
    await fresh();
    await openPanel();
    await sendText(page, 'Anonymous question');
    const anonymous = await visitorOf();
    await page.evaluate(() => document.querySelector('tickki-chat')!.setAttribute('visitor-id', 'v_dana_login'));
    // the chat has switched once Dana's session is started: a message typed before could still go to the anonymous one
    await conversationOf('v_dana_login');
    await sendText(page, 'Logged in as Dana');
    await waitFor(() => hasMessage('v_dana_login', 'Logged in as Dana') || undefined, 'Dana’s message in Dana’s conversation');
    expect(hasMessage(anonymous, 'Logged in as Dana')).toBe(false);
    await el(page, (e) => e.identify({ name: 'Dana', email: 'dana@example.com' }));
    await el(page, (e) => e.logout!());
    const kept = await storageOf();
    const leftovers = Object.keys(kept).filter((k) => /:(session|messages|outbox)$/.test(k));
    expect(leftovers).toEqual([]);
    const ui = JSON.parse(kept[`tickki-widget:${sb.demoKey}`] ?? '{}');
    expect(ui.i).toBeUndefined();
    expect(ui.s).toBeUndefined();
    expect(JSON.stringify(kept)).not.toContain('dana@example.com');
    expect(await el(page, (e) => e.isOpen)).toBe(false);
  });

  it('(6) identify() during a session start reaches the server', async () => {
    await fresh();
    sb.control.setFaults({ http: { latency_ms: 1500, operations: ['startSession'] } });
    try {
      const starting = page.waitForRequest((r) => r.method() === 'POST' && r.url().endsWith('/chat/sessions'));
      await page.locator('tickki-chat .launcher').click();
      await starting;
      void el(page, (e) => e.identify({ name: 'Dana Start', email: 'start@example.com' })).catch(() => undefined);
      const visitor = await visitorOf();
      await waitFor(() => sb.control.conversations().find((c) => c.visitor_id === visitor && c.contact.name === 'Dana Start'), 'the contact on the server', 10_000);
    } finally {
      sb.control.setFaults({ http: { latency_ms: 0 } });
    }
  });

  it('(7) an unknown key is not retried every 5 s: one start, the failure shown with a retry', async () => {
    await fresh('/unknown');
    const before = sessionStarts(sb);
    await page.locator('tickki-chat .launcher').click();
    await page.locator('tickki-chat .panel').waitFor();
    await page.waitForTimeout(6500);
    expect(sessionStarts(sb) - before).toBe(1);
    await page.locator('tickki-chat .banner[role=alert] button').waitFor();
  });

  it('(8) a panel left open is reopened on reload without taking the focus from the page’s autofocus', async () => {
    await fresh('/autofocus');
    await openPanel();
    await page.reload();
    await page.locator('tickki-chat textarea').waitFor();
    await page.locator('tickki-chat .presence').waitFor(); // the config in, the chat drawn
    await page.waitForTimeout(1000); // and a moment for a focus that must not move
    expect(await el(page, (e) => e.isOpen)).toBe(true);
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('search');
  });

  it('(9) a second tab does not open by itself; a reply read in one tab is read in the other', async () => {
    await fresh();
    await openPanel();
    await sendText(page, 'Two tabs');
    await until(async () => (await bubbles(page)).some((b) => b.text === 'Echo: Two tabs'), 'the reply');
    const second = await context.newPage();
    const seen2 = await watchPage(second);
    await second.goto(pages.origin + '/');
    await second.locator('tickki-chat .launcher').waitFor();
    // loads in the background (a conversation is going on), and stays closed
    await until(async () => (await el(second, (e) => e.state)) === 'mounted', 'the second tab to load the chat in the background', second);
    await second.waitForTimeout(500);
    expect(await el(second, (e) => e.isOpen)).toBe(false);
    await page.keyboard.press('Escape');
    sb.control.reply((await conversationOf(await visitorOf())).id, 'Read me in one tab', 'Ana');
    await until(async () => (await badge(second)) === '1', 'the second tab to count the reply', second);
    await until(async () => (await badge()) === '1', 'the first tab to count the reply');
    await openPanel(); // read in the first tab
    await until(async () => (await badge(second)) === '', 'the second tab to see it read', second);
    expect(seen2.errors).toEqual([]);
  });

  it('(11) two elements: one launcher, one socket, one warning', async () => {
    const { sockets, warnings } = await counting('/two');
    await page.locator('tickki-chat .launcher').first().waitFor();
    expect(await page.locator('tickki-chat .launcher').count()).toBe(1);
    await openPanel();
    await sendText(page, 'One element only');
    await page.waitForTimeout(1000);
    expect(sockets).toHaveLength(1);
    expect(warnings.filter((w) => w.includes('one <tickki-chat> per page'))).toHaveLength(1);
  });

  it('(12) removed and added back while the panel loads: mounted once, one set of style sheets, one socket', async () => {
    const { sockets } = await counting('/');
    await page.locator('tickki-chat .launcher').waitFor();
    await page.evaluate(async () => {
      const e = document.querySelector('tickki-chat')!;
      e.open();
      e.remove();
      await new Promise((done) => setTimeout(done, 0));
      document.body.append(e);
    });
    await page.locator('tickki-chat textarea').waitFor();
    await sendText(page, 'Mounted once');
    await page.waitForTimeout(1000);
    const root = await page.evaluate(() => {
      const r = document.querySelector('tickki-chat')!.shadowRoot!;
      return { sheets: r.adoptedStyleSheets.length, panels: r.querySelectorAll('.panel').length };
    });
    expect(root).toEqual({ sheets: 3, panels: 1 }); // the launcher's, the screen readers' rule (with the chat), the panel's (first drawn)
    expect(sockets).toHaveLength(1);
  });
});
