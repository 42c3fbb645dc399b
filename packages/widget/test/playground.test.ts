/**
 * The sandbox's playground (what `npm start` shows first): `/` in a browser is a demo page that
 * loads the widget's script-tag build under a strict CSP, the chat works on it, and its fault
 * buttons reach the control API. API clients asking `/` for JSON still get the discovery document.
 */
import { hasChromium, launchChromium } from '@tickki/browser-harness';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sandbox, type RunningSandbox } from './helpers.js';
import { bubbles, watchPage } from './page.js';

describe('the sandbox playground', () => {
  let sb: RunningSandbox;
  let browser: Browser | undefined;
  beforeAll(async () => {
    sb = await sandbox({ agent: { mode: 'echo', delay_ms: 0, typing: false } });
    // launched here, not in the test: its start on a busy machine is no part of the chat's time
    if (hasChromium) browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
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
    const page = await browser!.newPage();
    try {
      const seen = await watchPage(page);
      const failed: string[] = [];
      page.on('response', (r) => r.status() >= 400 && failed.push(`${r.status()} ${r.url()}`));
      // Chromium logs an answer the "lost" fault drops (the socket closed, no byte sent) as
      // ERR_EMPTY_RESPONSE when it does not resend the POST itself: that is the fault, not the page
      page.on('console', (m) => m.type() === 'error' && !m.text().endsWith('net::ERR_EMPTY_RESPONSE') && failed.push(m.text()));
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
      // the server ignores Idempotency-Key and loses answers (half with their echo): each message still once
      await page.locator('[data-fault=lost]').click();
      await page.locator('#fault-status', { hasText: 'ignores Idempotency-Key' }).waitFor();
      expect(sb.control.faults().http).toMatchObject({ ignore_idempotency_key: true, drop_response_rate: 0.3, silent_store_rate: 0.5 });
      await page.locator('tickki-chat .launcher').click();
      const texts = Array.from({ length: 6 }, (_, i) => `lossy ${i}`);
      for (const text of texts) {
        await page.locator('tickki-chat textarea').fill(text);
        await page.locator('tickki-chat textarea').press('Enter');
        await page.waitForFunction(() => !document.querySelector('tickki-chat')!.shadowRoot!.querySelector('textarea')!.value);
      }
      const [conversation] = sb.control.conversations();
      const inbound = () => sb.control.messages(conversation!.id).filter((m) => m.direction === 'inbound');
      await page
        .waitForFunction(
          (n) => document.querySelector('tickki-chat')!.shadowRoot!.querySelectorAll('.list li[data-status=sent]').length >= n,
          2 + texts.length * 2,
          { timeout: 20_000 },
        )
        .catch(async (e) => {
          throw new Error(`${e}\nshown: ${JSON.stringify(await bubbles(page))}\nstored: ${JSON.stringify(inbound().map((m) => m.content))}`);
        });
      expect([...new Set(inbound().map((m) => m.content))]).toEqual(['Hello playground', ...texts]);
      // The SDK never sent a message again without first finding it missing: before a resend it reads
      // history. A second request with the same key and no history read between can only be
      // Chromium's own: it resends a POST by itself when a reused connection dies before any byte of
      // the answer, before any script sees the failure.
      const log = sb.control.requests();
      for (const [i, r] of log.entries()) {
        if (r.operation !== 'sendMessage') continue;
        const first = log.findIndex((e) => e.operation === 'sendMessage' && e.idempotency_key === r.idempotency_key);
        if (first === i) continue;
        expect(log[first]!.dropped).toBe(true);
        expect(log.slice(first + 1, i).filter((e) => e.operation === 'listMessages')).toEqual([]);
      }
      await page.locator('[data-fault=clear]').click();
      expect(failed).toEqual([]); // no 404 (the favicon) and no console error
      expect(seen.violations).toEqual([]);
      expect(seen.errors).toEqual([]);
    } finally {
      await page.context().close();
    }
  }, 90_000); // six sends through lost answers, each found missing and sent again
});
