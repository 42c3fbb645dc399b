/**
 * The sandbox's playground (what `npm start` shows first): `/` in a browser is a demo page that
 * loads the widget's script-tag build under a strict CSP, the chat works on it, and its fault
 * buttons reach the control API. API clients asking `/` for JSON still get the discovery document.
 */
import { hasChromium, launchChromium } from '@tickki/browser-harness';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sandbox, type RunningSandbox } from './helpers.js';
import { bubbles, watchPage } from './page.js';

describe('the sandbox playground', () => {
  let sb: RunningSandbox;
  beforeAll(async () => {
    sb = await sandbox({ agent: { mode: 'echo', delay_ms: 0, typing: false } });
  });
  afterAll(async () => {
    await sb?.close();
  });

  it('answers JSON discovery to API clients and the page to browsers, with a strict CSP', async () => {
    const json = await fetch(sb.origin + '/', { headers: { accept: 'application/json' } });
    expect(await json.json()).toMatchObject({ demo_key: sb.demoKey, agent_console: `${sb.origin}/agent` });
    const html = await fetch(sb.origin + '/', { headers: { accept: 'text/html' } });
    expect(html.headers.get('content-security-policy')).toContain("script-src 'self'");
    const text = await html.text();
    expect(text).toContain('<script src="/playground/tickki-chat.js"');
    expect(text).toContain('href="/agent"');
    expect((await fetch(sb.origin + '/playground/tickki-chat-app.js')).status).toBe(200);
    expect((await fetch(sb.origin + '/playground/nope.js')).status).toBe(404);
  });

  it.runIf(hasChromium)('a newcomer chats on it and a fault button reaches the sandbox', async () => {
    const browser = await launchChromium();
    try {
      const page = await browser.newPage();
      const seen = await watchPage(page);
      await page.goto(sb.origin + '/');
      await page.locator('tickki-chat .launcher').click();
      await page.locator('tickki-chat textarea').fill('Hello playground');
      await page.locator('tickki-chat textarea').press('Enter');
      await page.waitForFunction(() => document.querySelector('tickki-chat')!.shadowRoot!.querySelectorAll('.list li[data-status=sent]').length === 2);
      expect((await bubbles(page)).map((b) => b.text)).toEqual(['Hello playground', 'Echo: Hello playground']);
      await page.keyboard.press('Escape'); // the open panel covers that corner of the page
      await page.locator('[data-fault=slow]').click();
      await page.locator('#fault-status', { hasText: '2 s' }).waitFor();
      expect(sb.control.faults().http.latency_ms).toBe(2000);
      await page.locator('[data-fault=clear]').click();
      await page.locator('#fault-status', { hasText: 'cleared' }).waitFor();
      expect(sb.control.faults().http.latency_ms).toBe(0);
      expect(seen.violations).toEqual([]);
      expect(seen.errors).toEqual([]);
    } finally {
      await browser.close();
    }
  });
});
