/**
 * The script-tag build in Chromium against the sandbox, on a host page with a strict CSP: branding
 * from the config, sending, scripted and console replies, typing, attachments with progress, older
 * history on scroll, offline and back, failures with retry, and what survives a reload.
 */
import { hasChromium, launchChromium } from '@tickki/browser-harness';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { sandbox, waitFor, type RunningSandbox } from './helpers.js';
import { bubbles, recordTexts, sendText, untilPage, untilSettled, watchPage, widgetPages } from './page.js';

if (process.env.CI && !hasChromium) throw new Error('Chromium is not installed: apt-get install chromium');

describe.runIf(hasChromium)('the widget in Chromium (script tag, strict CSP)', () => {
  let sb: RunningSandbox;
  let pages: Awaited<ReturnType<typeof widgetPages>>;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  let seen: { violations: string[]; errors: string[] };

  beforeAll(async () => {
    sb = await sandbox({
      agent: { mode: 'echo', delay_ms: 400, typing: true, name: 'Ana' },
      config: { business: { name: 'Acme Support' }, branding: { primary_color: '#0F766E', welcome_message: 'Hello! Ask us anything.' }, features: { file_uploads: true } },
    });
    pages = await widgetPages(sb, {}, undefined, { '/history': { 'visitor-id': 'v_history' } });
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await pages?.close();
    await sb?.close();
  });

  const fresh = async (path = '/') => {
    await context?.close();
    context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    page = await context.newPage();
    seen = await watchPage(page);
    await page.goto(pages.origin + path);
  };
  afterEach(() => {
    expect(seen.violations).toEqual([]);
    expect(seen.errors).toEqual([]);
  });

  const widget = () => page.locator('tickki-chat');
  const openPanel = async () => {
    await widget().locator('.launcher').click();
    await widget().locator('textarea').waitFor();
  };
  const send = (text: string) => sendText(page, text);
  const waitBubble = (text: string, status = 'sent') => waitForPage(async () => (await bubbles(page)).some((b) => b.text === text && b.status === status), `bubble ${text}`);
  const waitForPage = (check: () => Promise<boolean>, what: string, timeoutMs?: number) => untilPage(page, check, what, timeoutMs);
  const conversationId = async () => (await waitFor(() => sb.control.conversations().find((c) => c.visitor_id !== 'v_history'), 'a conversation')).id;

  it('draws the launcher at once; a new visitor loads the chat only when reaching for it; no session before opening', async () => {
    const starts = sb.control.requests().filter((r) => r.path.endsWith('/chat/sessions')).length;
    const loaded: string[] = [];
    await context?.close();
    context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    page = await context.newPage();
    seen = await watchPage(page);
    page.on('request', (r) => loaded.push(new URL(r.url()).pathname));
    await page.goto(pages.origin + '/', { waitUntil: 'load' });
    await widget().locator('.launcher').waitFor();
    // once the page is idle, the launcher wears the configured brand colour, with a readable text
    // colour picked for it: the loader asked for the config alone (with the small brand file that
    // asks), not for the panel
    const colors = () => widget().locator('.launcher').evaluate((el) => [getComputedStyle(el).backgroundColor, getComputedStyle(el).color]);
    await waitForPage(async () => (await colors())[0] === 'rgb(15, 118, 110)', 'the brand colour on the launcher');
    expect(await colors()).toEqual(['rgb(15, 118, 110)', 'rgb(255, 255, 255)']);
    await page.waitForTimeout(1500); // load event and idle time passed
    expect(loaded.filter((p) => p.startsWith('/tickki-chat'))).toEqual(['/tickki-chat.js', '/tickki-chat-brand.js']);
    expect(loaded.filter((p) => p.endsWith('/chat/config'))).toHaveLength(1);
    await widget().locator('.launcher').hover();
    await page.waitForFunction(() => (document.querySelector('tickki-chat') as { state?: string } | null)?.state === 'mounted');
    expect(loaded).toContain('/tickki-chat-app.js');
    // loaded, not drawn: the panel's nodes come with the first open
    expect(await widget().locator('.panel').count()).toBe(0);
    expect(sb.control.requests().filter((r) => r.path.endsWith('/chat/sessions')).length).toBe(starts);
    expect(await colors()).toEqual(['rgb(15, 118, 110)', 'rgb(255, 255, 255)']);
  });

  it('sends, shows the scripted reply with typing first, an agent reply from the console, and clears typing', async () => {
    await openPanel();
    expect(await widget().locator('.title').textContent()).toBe('Acme Support');
    expect(await widget().locator('.welcome').textContent()).toBe('Hello! Ask us anything.');
    const typingShown = await recordTexts(page, '.typing'); // the agent types for 400 ms
    await send('Hi, where is my order?');
    await waitForPage(async () => (await typingShown()).includes('Ana is typing…'), 'typing shown');
    await waitBubble('Echo: Hi, where is my order?');
    await waitForPage(async () => (await widget().locator('.typing').textContent()) === '', 'typing cleared');
    const id = await conversationId();
    sb.control.agentTyping(id, true, 'Ben');
    await waitForPage(async () => (await widget().locator('.typing').textContent()) === 'Ben is typing…', 'console typing');
    sb.control.reply(id, 'It ships tomorrow.', 'Ben');
    await waitBubble('It ships tomorrow.');
    expect(await widget().locator('.typing').textContent()).toBe('');
    expect((await bubbles(page)).map((b) => [b.text, b.mine])).toEqual([
      ['Hi, where is my order?', true],
      ['Echo: Hi, where is my order?', false],
      ['It ships tomorrow.', false],
    ]);
    // announced politely for screen readers
    const live = widget().locator('.sr[aria-live=polite]');
    await waitForPage(async () => (await live.textContent()) === 'New message from Acme Support: It ships tomorrow.', 'announcement');
  });

  it('uploads an attachment with progress and shows it as a message', async () => {
    sb.control.setFaults({ http: { latency_ms: 600, operations: ['uploadAttachment'] } });
    const file = { name: 'receipt.png', mimeType: 'image/png', buffer: Buffer.alloc(300_000, 7) };
    const uploadsShown = await recordTexts(page, '.uploads label:has(progress)');
    await widget().locator('input[type=file]').setInputFiles(file);
    await waitForPage(async () => (await uploadsShown()).some((text) => /^Uploading receipt\.png… \d+%$/.test(text)), 'upload progress');
    await widget().locator('.uploads').waitFor({ state: 'detached', timeout: 15_000 });
    sb.control.clearFaults();
    await waitForPage(async () => (await widget().locator('.list a[aria-label="Attachment: receipt.png"]').count()) === 1, 'attachment message');
    const href = await widget().locator('.list a[aria-label="Attachment: receipt.png"]').getAttribute('href');
    expect(href).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/attachments\//);
  });

  it('a file over the limit is refused with a message, and nothing is sent', async () => {
    sb.control.patchConfig({ limits: { max_upload_kb: 100 } });
    await page.evaluate(() => Object.keys(localStorage).filter((k) => k.endsWith(':config')).forEach((k) => localStorage.removeItem(k)));
    await page.reload();
    await widget().locator('textarea').waitFor();
    await page.waitForFunction(() => !!document.querySelector('tickki-chat')?.shadowRoot?.querySelector('.presence'));
    const uploads = sb.control.requests().filter((r) => r.operation === 'uploadAttachment').length;
    await widget().locator('input[type=file]').setInputFiles({ name: 'big.bin', mimeType: 'application/octet-stream', buffer: Buffer.alloc(200_000) });
    await widget().locator('.notice').waitFor();
    expect(await widget().locator('.notice').textContent()).toBe('Files can be at most 100 KB.');
    expect(sb.control.requests().filter((r) => r.operation === 'uploadAttachment').length).toBe(uploads);
    sb.control.patchConfig({ limits: { max_upload_kb: 5120 } });
  });

  it("loads older history when scrolled to the top, keeping the visitor's place", async () => {
    // the same visitor on a second device: only the newest page comes first
    await fresh('/history');
    await openPanel();
    await send('First question');
    await waitBubble('First question');
    const id = (await waitFor(() => sb.control.conversations().find((c) => c.visitor_id === 'v_history'), 'conversation')).id;
    for (let i = 1; i <= 200; i++) sb.control.reply(id, `History ${i}`, 'Ana');
    await waitBubble('History 200');
    await fresh('/history');
    await openPanel();
    await waitBubble('History 200');
    // the newest page, and the gap fill after subscribing may add a page of 100: counted once it holds
    const before = await untilSettled(page, async () => (await bubbles(page)).length, 'the first pages');
    expect(before).toBeLessThanOrEqual(100);
    const list = widget().locator('.list');
    const wheelToTop = async () => {
      await list.hover();
      // wheel up until the top is reached, or older messages arrived above
      const count = (await bubbles(page)).length;
      for (let i = 0; i < 40; i++) {
        await page.mouse.wheel(0, -1500);
        await page.waitForTimeout(100);
        if ((await list.evaluate((el) => el.scrollTop)) < 60 || (await bubbles(page)).length !== count) return;
      }
    };
    const oldestShown = (await bubbles(page))[0]!.text;
    await wheelToTop();
    await waitForPage(async () => (await bubbles(page)).length > before, 'older page');
    // what the visitor was reading stays in view (the list keeps the place in the frames after the page came)
    const inView = () =>
      list.evaluate((el, text) => {
        const li = [...el.querySelectorAll('li[data-status]')].find((x) => x.querySelector('.bubble')!.textContent === text)!;
        const a = li.getBoundingClientRect();
        const b = el.getBoundingClientRect();
        return { top: el.scrollTop, visible: a.bottom > b.top && a.top < b.bottom };
      }, oldestShown);
    const placeKept = async () => {
      const view = await inView();
      return view.top > 100 && view.visible;
    };
    await waitForPage(placeKept, 'the place kept', 5000).catch(() => undefined); // the assertions below say what is wrong
    const kept = await inView();
    expect(kept.top).toBeGreaterThan(100);
    expect(kept.visible).toBe(true);
    for (let i = 0; i < 10 && !(await bubbles(page)).some((b) => b.text === 'First question'); i++) await wheelToTop();
    await waitBubble('First question');
    expect((await bubbles(page)).length).toBe(202); // the question, its echo, 200 replies
    expect(await widget().locator('.older').count()).toBe(0);
    await fresh();
    await openPanel();
    await send('Back on the first device');
    await waitBubble('Back on the first device');
  }, 90_000); // 200 replies, and the wheel up through three pages of them

  it('offline: a calm banner, a send made offline goes out once, a reply sent meanwhile appears when back', async () => {
    const id = await conversationId();
    await context.setOffline(true);
    await page.evaluate(() => dispatchEvent(new Event('offline')));
    await waitForPage(async () => (await widget().locator('.banner').textContent()) === "You're offline — we'll send your messages when you're back.", 'offline banner');
    await send('Sent while offline');
    await waitBubble('Sent while offline', 'pending');
    sb.control.reply(id, 'Reply while you were away', 'Ana');
    await page.waitForTimeout(500);
    expect((await bubbles(page)).some((b) => b.text === 'Reply while you were away')).toBe(false);
    await context.setOffline(false);
    await page.evaluate(() => dispatchEvent(new Event('online')));
    await waitBubble('Sent while offline');
    await waitBubble('Reply while you were away');
    await waitForPage(async () => !(await widget().locator('.banner[role=status]').count()), 'banner gone');
    expect(sb.control.messages(id).filter((m) => m.content === 'Sent while offline')).toHaveLength(1);
  });

  it('a send that fails keeps its text with Retry, and Retry sends it', async () => {
    sb.control.setSuspended(true);
    await send('This one fails first');
    await waitBubble('This one fails first', 'failed');
    sb.control.setSuspended(false);
    await widget().locator('li.failed button', { hasText: 'Retry' }).click();
    await waitBubble('This one fails first');
    expect(sb.control.messages(await conversationId()).filter((m) => m.content === 'This one fails first')).toHaveLength(1);
  });

  it('a reload keeps the conversation, the open state and the unread count', async () => {
    const id = await conversationId();
    sb.control.setAgent({ mode: 'off' });
    await waitBubble('Echo: This one fails first'); // nothing else on its way
    const shown = (await bubbles(page)).map((b) => b.text);
    await page.reload();
    await waitForPage(async () => (await widget().locator('.panel:not([hidden])').count()) === 1, 'panel open after reload');
    await waitForPage(async () => JSON.stringify((await bubbles(page)).map((b) => b.text)) === JSON.stringify(shown), 'conversation restored');
    await widget().locator('.panel .head .icon').click(); // close
    sb.control.reply(id, 'Unread one', 'Ana');
    sb.control.reply(id, 'Unread two', 'Ana');
    await waitForPage(async () => (await widget().locator('.badge').textContent()) === '2', 'badge 2');
    expect(await widget().locator('.launcher').getAttribute('aria-label')).toBe('Open chat (2 unread)');
    // the next page shows the count before the chat has even loaded
    await page.route('**/tickki-chat-app.js', () => undefined); // never answers
    await page.reload();
    await widget().locator('.badge').waitFor();
    expect(await widget().locator('.badge').textContent()).toBe('2');
    expect(await widget().locator('.panel').count()).toBe(0);
    await page.unroute('**/tickki-chat-app.js');
    await page.reload();
    await openPanel();
    await waitForPage(async () => (await widget().locator('.badge').isHidden()), 'badge cleared');
    await page.reload();
    // what is kept is back (the panel left open), and a moment more for a count that must not come with it
    await waitForPage(async () => (await widget().locator('.panel:not([hidden])').count()) === 1, 'panel open after reload');
    await page.waitForTimeout(300);
    expect(await widget().locator('.badge').isHidden()).toBe(true);
    sb.control.setAgent({ mode: 'echo' });
  });

  it('the JS API: open, close, toggle, on(), identify(), destroy()', async () => {
    const result = await page.evaluate(async () => {
      const el = (window as unknown as { tickkiChat: import('../src/element.js').TickkiChatElement }).tickkiChat;
      const events: string[] = [];
      el.on('open', (open) => events.push(`open:${open}`));
      el.close();
      el.open();
      el.toggle();
      const contact = (await el.identify({ name: 'Dana', email: 'dana@example.com' })) as { name?: string };
      el.open();
      return { events, isOpen: el.isOpen, name: contact?.name };
    });
    expect(result).toEqual({ events: ['open:false', 'open:true', 'open:false', 'open:true'], isOpen: true, name: 'Dana' });
    const sockets = sb.control.realtimeStats().connections;
    await page.evaluate(() => (window as unknown as { tickkiChat: { destroy(): void } }).tickkiChat.destroy());
    expect(await page.locator('tickki-chat').count()).toBe(0);
    await waitFor(() => sb.control.realtimeStats().connections < sockets, 'socket closed');
  });
});
