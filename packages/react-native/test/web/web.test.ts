/**
 * The same screen through react-native-web in Chromium (playwright-core, Debian's /usr/bin/chromium)
 * against the sandbox: one chat flow at phone size, an upload with progress, and screenshots in
 * light and dark mode (written to test/web/screenshots/, not committed).
 */
import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hasChromium, launchChromium, serveStatic, type StaticServer } from '@tickki/browser-harness';
import { startSandbox, type Sandbox } from '../sandbox';
import { bundlePage } from './build';

const SHOTS = resolve(__dirname, 'screenshots');
const PHONE = { width: 375, height: 812 };
const run = hasChromium ? describe : describe.skip;

run('react-native-web in Chromium', () => {
  let sb: Sandbox;
  let site: StaticServer;
  let browser: Browser;

  beforeAll(async () => {
    mkdirSync(SHOTS, { recursive: true });
    const started = Date.now();
    const js = await bundlePage();
    console.log(`esbuild: ${Date.now() - started} ms, ${Math.round(js.length / 1024)} KB`);
    sb = await startSandbox(['--agent', 'echo', '--agent-delay', '300']);
    const html = `<!doctype html><html><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<title>Chat</title><style>html,body,#root{height:100%;margin:0}#root{display:flex}</style></head>
<body><div id="root"></div><script type="module" src="/app.js"></script></body></html>`;
    site = await serveStatic({ '/': ['text/html', html], '/app.js': ['text/javascript', js] });
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await site?.close();
    await sb?.close();
  });

  const open = async (query: Record<string, string>, colorScheme: 'light' | 'dark' = 'light'): Promise<Page> => {
    const context = await browser.newContext({ viewport: PHONE, deviceScaleFactor: 2, colorScheme, hasTouch: true, isMobile: true });
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(String(e)));
    // the browser's own log of the 500s the test injects is expected; anything else the page logs as an error is not
    page.on('console', (m) => m.type() === 'error' && !m.text().startsWith('Failed to load resource') && errors.push(m.text()));
    (page as Page & { errors: string[] }).errors = errors;
    await page.goto(`${site.origin}/?${new URLSearchParams({ key: sb.key, base: sb.origin, ...query })}`);
    return page;
  };
  const conversation = async (visitorId: string) => sb.conversationId(visitorId);

  it('chats: send, scripted reply, agent reply, upload with progress; light at phone size', async () => {
    const page = await open({ visitor: 'v_web', retries: '1' });
    await page.getByText('Northwind Outfitters').waitFor();
    await page.getByText('Hi! How can we help?').waitFor();
    const field = page.getByLabel('Write a message…');
    await field.fill('Hi! My order #1042 has not arrived yet.');
    await page.getByRole('button', { name: 'Send' }).click();
    await page.getByText('Echo: Hi! My order #1042 has not arrived yet.').waitFor({ timeout: 15_000 });
    expect(await field.inputValue()).toBe('');

    // an attachment through the injected picker, with progress
    await page.getByRole('button', { name: 'Attach a file' }).click();
    await page.getByText('Attachment: receipt-1042.txt').waitFor({ timeout: 15_000 });
    const id = await conversation('v_web');
    // the screen shows the attachment before the server has stored it: ask until it has
    const attachments = async () =>
      (await sb.control<{ data: { attachments: { file_name: string; file_size: number }[] }[] }>('GET', `/conversations/${id}/messages`)).data.flatMap((m) => m.attachments);
    await expect.poll(attachments, { timeout: 15_000 }).toEqual([expect.objectContaining({ file_name: 'receipt-1042.txt', file_size: 80_000 })]);

    // the agent answers with a link; the visitor reads it as a link
    await sb.control('POST', `/conversations/${id}/messages`, { content: "Thanks! It's on its way: https://track.example.com/1042 — should arrive tomorrow.", agent_name: 'Sarah' });
    const link = page.getByRole('link', { name: 'https://track.example.com/1042' });
    await link.waitFor({ timeout: 15_000 });
    expect(await link.getAttribute('href')).toBe('https://track.example.com/1042');

    // one send that fails (the server refuses every try), so the failed state is in the picture
    await sb.control('PUT', '/faults', { http: { error_rate: 1, operations: ['sendMessage'] } });
    await field.fill('Can I change the delivery address?');
    await page.getByRole('button', { name: 'Send' }).click();
    await page.getByText('Not sent').waitFor({ timeout: 60_000 });
    await sb.control('DELETE', '/faults');
    await page.screenshot({ path: resolve(SHOTS, 'chat-light-375.png') });

    await page.getByRole('button', { name: 'Retry' }).click();
    await page.getByText('Not sent').waitFor({ state: 'detached', timeout: 15_000 });
    await page.getByText('Echo: Can I change the delivery address?').waitFor({ timeout: 15_000 });
    expect((page as Page & { errors: string[] }).errors).toEqual([]);
    await page.context().close();
  });

  it('resumes the conversation in dark mode, with the agent typing; dark at phone size', async () => {
    const page = await open({ visitor: 'v_web' }, 'dark');
    await page.getByText('Echo: Can I change the delivery address?').waitFor({ timeout: 15_000 });
    const id = await conversation('v_web');
    // an agent's client repeats the signal while typing; the page may still be subscribing
    const typing = page.getByText('Sarah is typing…');
    for (let i = 0; i < 30 && !(await typing.isVisible()); i++) {
      await sb.control('POST', `/conversations/${id}/typing`, { typing: true, agent_name: 'Sarah' });
      await typing.waitFor({ timeout: 500 }).catch(() => undefined);
    }
    await typing.waitFor({ timeout: 1000 });
    const background = await page.getByTestId('tickki-chat').evaluate((el) => getComputedStyle(el).backgroundColor);
    expect(background).toBe('rgb(11, 15, 25)');
    await page.screenshot({ path: resolve(SHOTS, 'chat-dark-375.png') });
    // the browser goes offline and back: the banner comes and goes
    await page.context().setOffline(true);
    const banner = page.getByText("You're offline — we'll send your messages when you're back.");
    await banner.waitFor({ timeout: 15_000 });
    await page.screenshot({ path: resolve(SHOTS, 'offline-dark-375.png') });
    await page.context().setOffline(false);
    await banner.waitFor({ state: 'detached', timeout: 15_000 });
    // the same screen on a tablet or desktop browser
    await page.setViewportSize({ width: 1280, height: 800 });
    await page.screenshot({ path: resolve(SHOTS, 'chat-dark-1280.png') });
    await page.context().close();
  });

  it('shows the pre-chat form and the away notice; right to left in Arabic', async () => {
    await sb.control('PATCH', '/config', { identification: { required_on_start: true } });
    await sb.control('POST', '/agents/offline', {});
    const page = await open({ visitor: 'v_web_form' });
    await page.getByText('Tell us who you are so we can get back to you.').waitFor({ timeout: 15_000 });
    await page.getByText("We're away right now. Leave a message and we'll get back to you.").waitFor();
    await page.screenshot({ path: resolve(SHOTS, 'prechat-light-375.png') });
    await page.getByLabel('Name').fill('Ada Lovelace');
    await page.getByLabel('Email').fill('ada@example.com');
    await page.getByRole('button', { name: 'Start chat' }).click();
    await page.getByLabel('Write a message…').waitFor({ timeout: 15_000 });
    await page.context().close();

    const rtl = await open({ visitor: 'v_web_rtl', locale: 'ar' }, 'dark');
    await rtl.getByText('أخبرنا من أنت حتى نتمكن من الرد عليك.').waitFor({ timeout: 15_000 });
    expect(await rtl.getByTestId('tickki-chat').evaluate((el) => getComputedStyle(el).direction)).toBe('rtl');
    await rtl.screenshot({ path: resolve(SHOTS, 'prechat-rtl-dark-375.png') });
    await rtl.context().close();
    await sb.control('PATCH', '/config', { identification: { required_on_start: false } });
    await sb.control('POST', '/agents/online', {});
  });
});
