/**
 * Consent mode in Chromium (script tag, strict CSP): before consent the page's storage is neither
 * read nor written and nothing is requested beyond the loader itself, for a new visitor and for a
 * returning one; `consent()` (or, `on-open`, the visitor opening the chat) starts the chat as usual.
 */
import { hasChromium, launchChromium } from '@tickki/browser-harness';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { sandbox, sessionStarts, type RunningSandbox } from './helpers.js';
import { bubbles, sendText, untilPage, watchPage, widgetPages } from './page.js';

if (process.env.CI && !hasChromium) throw new Error('Chromium is not installed: apt-get install chromium');

/** Counts every Web Storage call of the page (the widget's and anyone's), before any script runs. */
function countStorage(): void {
  const w = window as unknown as { storageCalls: string[] };
  w.storageCalls = [];
  for (const name of ['getItem', 'setItem', 'removeItem', 'key', 'clear'] as const) {
    const original = Storage.prototype[name] as (...args: unknown[]) => unknown;
    Storage.prototype[name] = function (this: Storage, ...args: unknown[]) {
      w.storageCalls.push(`${this === sessionStorage ? 'session' : 'local'}.${name}(${String(args[0] ?? '')})`);
      return original.apply(this, args);
    } as never;
  }
}

/** The host page's own files, the loader, and the browser's own favicon request: not the chat's. */
const PAGE_FILES = new Set(['/', '/on-open', '/no-consent-needed', '/ja', '/host.css', '/tickki-chat.js', '/favicon.ico']);

describe.runIf(hasChromium)('consent mode', () => {
  let sb: RunningSandbox;
  let pages: Awaited<ReturnType<typeof widgetPages>>;
  let browser: Browser;
  let context: BrowserContext | undefined;
  let seen: { violations: string[]; errors: string[] };

  beforeAll(async () => {
    sb = await sandbox({ agent: { mode: 'echo', delay_ms: 0, typing: false } });
    pages = await widgetPages(sb, { consent: 'required' }, undefined, { '/on-open': { consent: 'on-open' }, '/no-consent-needed': {}, '/ja': { consent: 'required', locale: 'ja' } });
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await pages?.close();
    await sb?.close();
  });
  afterEach(async () => {
    expect(seen.violations).toEqual([]);
    expect(seen.errors).toEqual([]);
    await context?.close();
    context = undefined;
  });

  /** A page of `context` (a new one if none), with its requests recorded (the page and loader excluded). */
  const visit = async (path: string): Promise<{ page: Page; requested: string[] }> => {
    context ??= await browser.newContext({ viewport: { width: 1280, height: 800 } });
    const page = await context.newPage();
    seen = await watchPage(page);
    await page.addInitScript(countStorage);
    const requested: string[] = [];
    page.on('request', (r) => {
      const path = new URL(r.url()).pathname;
      if (!PAGE_FILES.has(path)) requested.push(r.url());
    });
    await page.goto(pages.origin + path, { waitUntil: 'load' });
    return { page, requested };
  };
  const storageCalls = (page: Page) => page.evaluate(() => (window as unknown as { storageCalls: string[] }).storageCalls);
  const launcher = (page: Page) => page.locator('tickki-chat .launcher');
  /**
   * Waits out the idle moment after the load event (`visit` waits for it) after which the loader
   * fetches the brand and a returning visitor's chat: an idle callback of our own, asked for after the
   * loader's and as patient (3 s), then a moment for what the loader's would have asked for.
   */
  const idle = async (page: Page) => {
    await page.evaluate(() => new Promise((done) => requestIdleCallback(() => done(undefined), { timeout: 3000 })));
    await page.waitForTimeout(500);
  };

  it('required: a new visitor who hovers and opens gets the consent note and nothing is stored or requested; consent() opens the chat they asked for', async () => {
    const starts = sessionStarts(sb);
    const { page, requested } = await visit('/');
    await idle(page);
    await launcher(page).hover();
    await launcher(page).click();
    const note = page.locator('tickki-chat .note');
    await note.waitFor();
    expect(await note.textContent()).toContain('privacy settings');
    expect(await note.getAttribute('role')).toBe('status');
    await idle(page);
    expect(requested).toEqual([]);
    expect(await storageCalls(page)).toEqual([]);
    expect(sessionStarts(sb)).toBe(starts);
    expect(await page.evaluate(() => (window as unknown as { tickkiChat: { isOpen: boolean } }).tickkiChat.isOpen)).toBe(false);

    const consentEvents = page.evaluate(() => new Promise((resolve) => document.querySelector('tickki-chat')!.addEventListener('tickki:consent', (e) => resolve((e as CustomEvent).detail), { once: true })));
    await page.evaluate(() => (window as unknown as { tickkiChat: { consent(): void } }).tickkiChat.consent());
    expect(await consentEvents).toBe('given');
    await page.locator('tickki-chat textarea').waitFor();
    expect(await note.isHidden()).toBe(true);
    await sendText(page, 'Hello after consent');
    await untilPage(page, async () => (await bubbles(page)).some((b) => b.text.includes('Echo: Hello after consent')), 'the echo');
    expect(sessionStarts(sb)).toBe(starts + 1);
    expect((await storageCalls(page)).some((c) => c.startsWith('local.setItem'))).toBe(true);
  });

  it('required: a returning visitor with a conversation going on gets no badge read, no background load and no request until consent()', async () => {
    // the first visit, with consent, leaves a conversation and an unread reply in storage
    const first = await visit('/no-consent-needed');
    await launcher(first.page).click();
    await first.page.locator('tickki-chat textarea').waitFor();
    await sendText(first.page, 'Where is my order?');
    await launcher(first.page).click(); // closed
    const conversation = sb.control.conversations()[0]!; // the newest first
    sb.control.reply(conversation.id, 'It ships today.');
    await untilPage(first.page, async () => (await first.page.locator('tickki-chat .badge').textContent()) === '1', 'the unread badge');
    await first.page.close();

    const { page, requested } = await visit('/');
    await idle(page);
    expect(requested).toEqual([]);
    expect(await storageCalls(page)).toEqual([]);
    expect(await page.locator('tickki-chat .badge').isHidden()).toBe(true);

    await page.evaluate(() => (window as unknown as { tickkiChat: { consent(): void } }).tickkiChat.consent());
    // with consent the kept badge shows at once, and the conversation loads in the background
    await untilPage(page, async () => (await page.locator('tickki-chat .badge').textContent()) === '1', 'the kept badge');
    await untilPage(page, async () => requested.some((u) => u.endsWith('/tickki-chat-app.js')), 'the chat loaded in the background');
  });

  it('required, a Japanese page: the launcher and the note speak Japanese before consent, from the widget\'s own words and language files alone', async () => {
    const { page, requested } = await visit('/ja');
    await idle(page);
    await launcher(page).click();
    const note = page.locator('tickki-chat .note');
    await note.waitFor();
    await untilPage(page, async () => !/[a-z]{4}/i.test((await note.textContent()) ?? 'x'), 'the Japanese note');
    expect(await launcher(page).getAttribute('aria-label')).toBe('チャットを開く');
    // the widget's own static files, from where the loader came: nothing of the chat's API, nothing stored
    expect(requested.map((u) => new URL(u).pathname.replace(/-[\w-]{8}\.js$/, '.js'))).toEqual(['/tickki-chat-words.js', '/tickki-chat-ja.js']);
    expect(await storageCalls(page)).toEqual([]);
    await page.screenshot({ path: '/tmp/shots/consent-ja.png' });
  });

  it('on-open: nothing until the visitor opens the chat, which counts as consent', async () => {
    const { page, requested } = await visit('/on-open');
    await idle(page);
    await launcher(page).hover();
    await idle(page);
    expect(requested).toEqual([]);
    expect(await storageCalls(page)).toEqual([]);
    await launcher(page).click();
    await page.locator('tickki-chat textarea').waitFor();
    expect(await page.locator('tickki-chat .note').isHidden()).toBe(true);
    await sendText(page, 'Hi');
  });
});
