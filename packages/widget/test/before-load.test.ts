/**
 * The script-tag build in Chromium, as the README's sample uses it: `identify()` and `on()` on
 * `tickki:ready`, before the chat has loaded, cost no chunk and no request; they take effect when the
 * visitor opens the chat. `/chat/config` is fetched once per page: the first visit's request for the
 * brand colour (from `tickki-chat-brand.js`, which the loader loads at idle for it) is the one the
 * chat uses, and a chat that loads first makes the loader skip its own.
 */
import { hasChromium, launchChromium } from '@tickki/browser-harness';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { sandbox, sessionStarts, waitFor, type RunningSandbox } from './helpers.js';
import { sendText, untilPage, watchPage, widgetPages } from './page.js';

if (process.env.CI && !hasChromium) throw new Error('Chromium is not installed: apt-get install chromium');

describe.runIf(hasChromium)('identify() and on() before the chat loads (script tag, strict CSP)', () => {
  let sb: RunningSandbox;
  let pages: Awaited<ReturnType<typeof widgetPages>>;
  let browser: Browser;
  let context: BrowserContext | undefined;
  let seen: { violations: string[]; errors: string[] };

  beforeAll(async () => {
    sb = await sandbox({ agent: { mode: 'echo', delay_ms: 0, typing: false }, config: { branding: { primary_color: '#0F766E' } } });
    pages = await widgetPages(sb, {}, undefined, { '/returning': { 'visitor-id': 'v_first_hover' } });
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
  });

  /** A fresh visitor's page, with every request's path recorded. */
  const visit = async (path: string, onReady?: () => void): Promise<{ page: Page; requested: string[] }> => {
    context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    const page = await context.newPage();
    seen = await watchPage(page);
    if (onReady) await page.addInitScript(onReady);
    const requested: string[] = [];
    page.on('request', (r) => requested.push(new URL(r.url()).pathname));
    await page.goto(pages.origin + path, { waitUntil: 'load' });
    return { page, requested };
  };
  const chunks = (requested: string[]) => requested.filter((p) => /^\/tickki-chat-.*\.js$/.test(p));
  const configs = (requested: string[]) => requested.filter((p) => p.endsWith('/chat/config')).length;
  const launcherColor = (page: Page) => page.locator('tickki-chat .launcher').evaluate((el) => getComputedStyle(el).backgroundColor);

  it('on tickki:ready they load no chunk: the page asks for nothing but the brand file and the one config; opened, the chat starts with the identity and the listeners fire', async () => {
    const starts = sessionStarts(sb);
    // the README's sample, run before the page's own scripts (an inline script would break the strict CSP)
    const { page, requested } = await visit('/', () => {
      const w = window as unknown as Record<string, any>;
      w.events = [];
      document.addEventListener('tickki:ready', () => {
        w.tickkiChat.on('open', (open: boolean) => w.events.push(`open:${open}`));
        w.tickkiChat.on('message', (m: { content: string }) => w.events.push(`message:${m.content}`));
        w.identified = w.tickkiChat.identify({ name: 'Dana', email: 'dana@example.com' }).then((r: unknown) => `resolved:${String(r)}`);
      });
    });
    expect(await page.evaluate(() => (window as unknown as { identified: Promise<string> }).identified)).toBe('resolved:undefined');
    // the first visit's config request, once the page is idle: the launcher wears the brand colour
    await untilPage(page, async () => (await launcherColor(page)) === 'rgb(15, 118, 110)', 'the brand colour on the launcher');
    await page.waitForTimeout(1500); // the load event and the idle time passed
    // the brand file alone, which made that request: identify() and on() loaded nothing
    expect(chunks(requested)).toEqual(['/tickki-chat-brand.js']);
    expect(requested.filter((p) => p.startsWith('/tickki-chat'))).toEqual(['/tickki-chat.js', '/tickki-chat-brand.js']);
    expect(configs(requested)).toBe(1);
    expect(sessionStarts(sb)).toBe(starts);

    await page.locator('tickki-chat .launcher').click();
    await page.locator('tickki-chat textarea').waitFor();
    expect(requested).toContain('/tickki-chat-app.js');
    const conversation = await waitFor(() => sb.control.conversations().find((c) => c.contact.email === 'dana@example.com'), 'a conversation started with the identity');
    expect(conversation.contact.name).toBe('Dana');
    await sendText(page, 'Hi');
    await untilPage(page, async () => (await page.evaluate(() => (window as unknown as { events: string[] }).events)).includes('message:Echo: Hi'), 'the echo reported to on()');
    expect(await page.evaluate(() => (window as unknown as { events: string[] }).events)).toEqual(['open:true', 'message:Hi', 'message:Echo: Hi']);
    // the chat used the config the loader fetched
    expect(configs(requested)).toBe(1);
  });

  it('a visitor who reaches for the launcher before the page is idle: the chat asks for the config, the loader does not', async () => {
    const { page, requested } = await visit('/returning');
    await page.locator('tickki-chat .launcher').hover();
    await page.locator('tickki-chat .launcher').click();
    await page.locator('tickki-chat textarea').waitFor();
    await sendText(page, 'Quick');
    await page.waitForTimeout(1500); // the load event and the idle time passed
    expect(await launcherColor(page)).toBe('rgb(15, 118, 110)');
    expect(configs(requested)).toBe(1);
  });
});
