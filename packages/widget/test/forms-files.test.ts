/**
 * More of what the config drives, in Chromium against the sandbox: the pre-chat form when
 * identification is required, "leave a message" when no agent is online, and files dropped on the
 * panel or pasted into the composer.
 */
import { hasChromium, launchChromium } from '@tickki/browser-harness';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sandbox, waitFor, type RunningSandbox } from './helpers.js';
import { watchPage, widgetPages } from './page.js';

describe.runIf(hasChromium)('config-driven behaviour and files (Chromium)', () => {
  let sb: RunningSandbox;
  let pages: Awaited<ReturnType<typeof widgetPages>>;
  let browser: Browser;
  beforeAll(async () => {
    sb = await sandbox({ config: { features: { file_uploads: true }, presence: { agents_online: 1 } } });
    pages = await widgetPages(sb, {}, undefined, { '/form': { 'visitor-id': 'v_form' }, '/files': { 'visitor-id': 'v_files' }, '/away': { 'visitor-id': 'v_away' } });
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await pages?.close();
    await sb?.close();
  });

  const open = async (path: string): Promise<Page> => {
    const page = await (await browser.newContext()).newPage();
    const seen = await watchPage(page);
    page.on('close', () => expect(seen.violations).toEqual([]));
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
    await page.locator('tickki-chat .list a[aria-label="Attachment: screenshot.png"]').waitFor();
    await page.context().close();
  });
});
