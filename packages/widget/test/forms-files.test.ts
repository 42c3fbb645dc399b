/**
 * More of what the config drives, in Chromium against the sandbox: the pre-chat form when
 * identification is required, "leave a message" when no agent is online, the logo and the message
 * length limit, and files dropped on the panel or pasted into the composer.
 */
import { hasChromium, launchChromium } from '@tickki/browser-harness';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sandbox, waitFor, type RunningSandbox } from './helpers.js';
import { untilPage, watchPage, widgetPages } from './page.js';

/** A 2×2 PNG. */
const LOGO_PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAIAAAACCAIAAAD91JpzAAAAEklEQVR4nGNgYPhf/x+CGBgYAEXzB/mIO9ViAAAAAElFTkSuQmCC', 'base64');

describe.runIf(hasChromium)('config-driven behaviour and files (Chromium)', () => {
  let sb: RunningSandbox;
  let pages: Awaited<ReturnType<typeof widgetPages>>;
  let browser: Browser;
  beforeAll(async () => {
    sb = await sandbox({ config: { features: { file_uploads: true }, presence: { agents_online: 1 } } });
    pages = await widgetPages(sb, {}, undefined, { '/form': { 'visitor-id': 'v_form' }, '/form-email': { 'visitor-id': 'v_form_email' }, '/files': { 'visitor-id': 'v_files' }, '/away': { 'visitor-id': 'v_away' }, '/limits': { 'visitor-id': 'v_limits' }, '/no-logo': { 'visitor-id': 'v_no_logo' } });
    pages.files['/logo.png'] = ['image/png', LOGO_PNG];
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await pages?.close();
    await sb?.close();
  });

  /** The panel open at `path`; `watch` sees the page before it loads. */
  const open = async (path: string, watch?: (page: Page) => void): Promise<Page> => {
    const page = await (await browser.newContext()).newPage();
    const seen = await watchPage(page);
    page.on('close', () => expect(seen.violations).toEqual([]));
    watch?.(page);
    await page.goto(pages.origin + path);
    await page.locator('tickki-chat .launcher').click();
    return page;
  };

  it('asks for name and email first when the config requires identification, and starts the chat with them', async () => {
    sb.control.patchConfig({ identification: { required_on_start: true } });
    try {
      const page = await open('/form');
      const name = page.locator('tickki-chat input[name=name]');
      await name.waitFor();
      expect(await page.locator('tickki-chat textarea').count()).toBe(0);
      expect(sb.control.conversations().some((c) => c.visitor_id === 'v_form')).toBe(false);
      await name.fill('Dana Scully');
      await page.locator('tickki-chat input[name=email]').fill('dana@example.com');
      await page.locator('tickki-chat button[type=submit]', { hasText: 'Start chat' }).click();
      await page.locator('tickki-chat textarea').waitFor();
      const conversation = await waitFor(() => sb.control.conversations().find((c) => c.visitor_id === 'v_form'), 'conversation');
      expect(conversation.contact).toMatchObject({ name: 'Dana Scully', email: 'dana@example.com' });
      await page.context().close();
    } finally {
      sb.control.patchConfig({ identification: { required_on_start: false } });
    }
  });

  it('the name is optional: an email alone starts the chat (the contract asks for the email); without it the form stays', async () => {
    sb.control.patchConfig({ identification: { required_on_start: true } });
    try {
      const page = await open('/form-email');
      const email = page.locator('tickki-chat input[name=email]');
      await email.waitFor();
      const submit = page.locator('tickki-chat button[type=submit]', { hasText: 'Start chat' });
      await submit.click(); // no email: the browser keeps the form
      expect(await page.locator('tickki-chat textarea').count()).toBe(0);
      await email.fill('fox@example.com');
      await submit.click();
      await page.locator('tickki-chat textarea').waitFor();
      const conversation = await waitFor(() => sb.control.conversations().find((c) => c.visitor_id === 'v_form_email'), 'conversation');
      expect(conversation.contact.email).toBe('fox@example.com');
      expect(conversation.contact.name ?? null).toBeNull();
      await page.context().close();
    } finally {
      sb.control.patchConfig({ identification: { required_on_start: false } });
    }
  });

  it('says "leave a message" when no agent is online', async () => {
    sb.control.setAgentsOnline(0);
    try {
      const page = await open('/away');
      await page.locator('tickki-chat .banner.away').waitFor();
      expect(await page.locator('tickki-chat .banner.away').textContent()).toBe("We're away right now. Leave a message and we'll get back to you.");
      await page.context().close();
    } finally {
      sb.control.setAgentsOnline(1);
    }
  });

  it('shows the logo from the config, a time on every message, and holds the text over the length limit', async () => {
    sb.control.patchConfig({ branding: { logo_url: `${pages.origin}/logo.png` }, limits: { message_max_length: 20 } });
    try {
      const page = await open('/limits');
      const textarea = page.locator('tickki-chat textarea');
      await textarea.waitFor();
      await page.waitForFunction(() => (document.querySelector('tickki-chat')!.shadowRoot!.querySelector('img.logo') as HTMLImageElement | null)?.naturalWidth === 2);

      await textarea.fill('x'.repeat(19));
      expect(await page.locator('tickki-chat .count').textContent()).toBe('Characters left: 1');
      await textarea.fill('Twenty-five characters!!!');
      expect(await page.locator('tickki-chat .count.over').textContent()).toBe('Messages can be at most 20 characters.');
      expect(await page.locator('tickki-chat button.send').isDisabled()).toBe(true);
      expect(await textarea.getAttribute('aria-invalid')).toBe('true');
      await textarea.press('Enter');
      await page.waitForTimeout(300);
      expect(await textarea.inputValue()).toBe('Twenty-five characters!!!');
      const id = (await waitFor(() => sb.control.conversations().find((c) => c.visitor_id === 'v_limits'), 'conversation')).id;
      expect(sb.control.messages(id)).toEqual([]);

      await textarea.fill('Short enough');
      await textarea.press('Enter');
      const time = page.locator('tickki-chat .list > li[data-status=sent] time');
      await time.waitFor();
      const stamp = await time.getAttribute('datetime');
      expect(Math.abs(Date.parse(stamp!) - Date.now())).toBeLessThan(60_000);
      expect(await time.textContent()).toMatch(/\d{1,2}:\d{2}/);
      await page.context().close();
    } finally {
      sb.control.patchConfig({ branding: { logo_url: null }, limits: { message_max_length: 8000 } });
    }
  });

  it('shows no logo for a URL that is not http(s), nor for one that does not load', async () => {
    for (const url of ['javascript:alert(1)', `${pages.origin}/missing.png`]) {
      sb.control.patchConfig({ branding: { logo_url: url } });
      const refused: string[] = [];
      const page = await open('/no-logo', (p) => p.on('response', (r) => r.status() === 404 && refused.push(r.url())));
      await page.locator('tickki-chat .presence').waitFor(); // the config, with the logo's URL, is in
      // the picture that does not load is asked for first; the javascript: one never is
      if (url.startsWith('http')) await untilPage(page, async () => refused.includes(url), 'the logo asked for');
      else await page.waitForTimeout(300);
      await untilPage(page, async () => (await page.locator('tickki-chat img').count()) === 0, 'no logo', 5000);
      await page.context().close();
    }
    sb.control.patchConfig({ branding: { logo_url: null } });
  });

  it('uploads files dropped on the panel and screenshots pasted into the composer', async () => {
    const page = await open('/files');
    await page.locator('tickki-chat textarea').waitFor();
    await page.waitForFunction(() => !!document.querySelector('tickki-chat')?.shadowRoot?.querySelector('.presence'));
    await page.locator('tickki-chat textarea').fill('Here are my files');
    await page.locator('tickki-chat textarea').press('Enter');
    const id = (await waitFor(() => sb.control.conversations().find((c) => c.visitor_id === 'v_files'), 'conversation')).id;
    await page.evaluate(() => {
      const root = document.querySelector('tickki-chat')!.shadowRoot!;
      const file = (name: string) => new File([new Uint8Array(2048).fill(9)], name, { type: 'image/png' });
      const drop = new DataTransfer();
      drop.items.add(file('dropped.png'));
      const panel = root.querySelector('.panel')!;
      panel.dispatchEvent(new DragEvent('dragenter', { dataTransfer: drop, bubbles: true, cancelable: true }));
      panel.dispatchEvent(new DragEvent('drop', { dataTransfer: drop, bubbles: true, cancelable: true }));
      const paste = new DataTransfer();
      paste.items.add(file('screenshot.png'));
      root.querySelector('textarea')!.dispatchEvent(new ClipboardEvent('paste', { clipboardData: paste, bubbles: true, cancelable: true }));
    });
    await waitFor(() => sb.control.messages(id).filter((m) => m.type === 'attachment').length === 2, 'two attachments stored');
    const names = sb.control.messages(id).flatMap((m) => (m.attachments ?? []).map((a) => a.file_name));
    expect(names.sort()).toEqual(['dropped.png', 'screenshot.png']);
    // in the list (a thumbnail's link has no size until its picture loads or fails: counted, not seen)
    const shown = page.locator('tickki-chat .list a[aria-label="Attachment: screenshot.png"]');
    await untilPage(page, async () => (await shown.count()) === 1, 'the pasted screenshot in the list');
    await page.context().close();
  });
});
