/**
 * The built site in Chromium: every page loads without a console error and without a request
 * leaving 127.0.0.1, every internal link resolves, search finds the error-code page, and
 * screenshots of the main pages are kept in `test-artifacts/` to be looked at.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { serveSite, type SiteServer } from '../scripts/site.ts';
import { artefactsDir, ensureBuilt, hasChromium, launchChromium, pagesOf, watchedContext } from './helpers.ts';
import { checkLinks } from './links.ts';

let dir: string;
beforeAll(async () => {
  dir = await ensureBuilt();
});

describe('the built site', () => {
  it('has the generated pages', () => {
    const pages = pagesOf(dir);
    for (const page of ['', 'api/', 'api/operations/getconfig/', 'reference/error-codes/', 'reference/realtime/', 'try-it/', 'sdk/tickki/chat/', 'sdk/tickki/chat-realtime/', 'sdk/tickki/chat-api/', 'guides/quickstart-node/', 'changelog/', 'limits/']) {
      expect(pages).toContain(page);
    }
  });

  it('the API reference shows the headers, security schemes and error envelopes of the document', () => {
    const read = (path: string) => readFileSync(join(dir, path, 'index.html'), 'utf8');
    const send = read('api/operations/sendmessage');
    for (const text of ['Idempotency-Key', 'X-Tickki-Session', 'conversation_id', '422', 'validation_failed', 'Retry-After']) expect(send, text).toContain(text);
    expect(read('api')).toContain('X-Tickki-Bundle-Id');
    // "Authorizations" names each scheme once (the document's alternatives are merged for the reference)
    const schemes = [...send.matchAll(/class="sl-openapi-security-scheme[^"]*"[^>]*>[\s\S]*?<strong[^>]*>(?:<a[^>]*>)?(\w+)/g)].map((m) => m[1]);
    expect(schemes.sort()).toEqual(['bundleId', 'publishableKey', 'sessionToken']);
    const realtime = read('reference/realtime');
    for (const text of ['private-chat.session.{session_id}', 'MessageCreated', 'AgentTyping', 'authorizeChannel', 'listMessages']) expect(realtime, text).toContain(text);
  });

  it('every internal link and anchor resolves', () => {
    const { broken, checked } = checkLinks(dir);
    expect(broken).toEqual([]);
    expect(checked).toBeGreaterThan(500);
  });

  it('the SDK reference leaves internal exports out', () => {
    const realtime = readFileSync(join(dir, 'sdk/tickki/chat-realtime/index.html'), 'utf8');
    expect(realtime).toContain('RealtimeConnection');
    const chat = readFileSync(join(dir, 'sdk/tickki/chat/index.html'), 'utf8');
    expect(chat).toContain('TickkiChatError');
    // Tagged @internal in packages/chat/src/session.ts: the session's context, its saved state, its constructor.
    for (const internal of ['SessionContext', 'SavedMessages', 'OutboxItem', 'new ChatSession']) expect(chat).not.toContain(internal);
    expect(chat).toContain('ChatSession');
  });
});

describe.runIf(hasChromium)('in Chromium', () => {
  let browser: Browser;
  let site: SiteServer;
  beforeAll(async () => {
    browser = await launchChromium();
    site = await serveSite(dir);
  });
  afterAll(async () => {
    await browser?.close();
    await site?.close();
  });

  it('every page loads with no console error and no request leaving 127.0.0.1', { timeout: 240_000 }, async () => {
    const { context, watch } = await watchedContext(browser, { viewport: { width: 1280, height: 800 } });
    const page = await context.newPage();
    const pages = pagesOf(dir).filter((path) => path !== '404.html');
    for (const path of pages) {
      // Scalar renders after load; the Starlight pages are static.
      const answer = await page.goto(`${site.url}${path}`, { waitUntil: path === 'try-it/' ? 'networkidle' : 'load' });
      expect(answer?.status(), path).toBe(200);
    }
    // The 404 page, as a static host serves it for an unknown path.
    const missing = await page.goto(`${site.url}no-such-page/`, { waitUntil: 'networkidle' });
    expect(missing?.status()).toBe(404);
    expect(await page.locator('h1').first().textContent()).toMatch(/not found|404/i);
    expect(watch.outsideRequests).toEqual([]);
    expect(watch.consoleErrors.filter((line) => !line.includes('/no-such-page/: Failed to load resource'))).toEqual([]);
    await context.close();
  });

  it('search finds the error-code page by a code name', async () => {
    const { context, watch } = await watchedContext(browser, { viewport: { width: 1280, height: 800 } });
    const page = await context.newPage();
    await page.goto(site.url, { waitUntil: 'networkidle' });
    await page.locator('site-search button[data-open-modal]').click();
    await page.locator('site-search dialog input').fill('invalid_session');
    const first = page.locator('site-search .pagefind-ui__result > .pagefind-ui__result-inner > .pagefind-ui__result-title > a').first();
    await first.waitFor({ timeout: 15_000 });
    // The code's own entry ranks first (its name is weighted on the page), before the operations whose 401 lists it.
    // Pagefind renders the results in stages (a result's link before its place is final): ask until they settle.
    await expect.poll(() => first.getAttribute('href'), { timeout: 15_000 }).toMatch(/reference\/error-codes\/$/);
    await first.click();
    await page.waitForURL(/reference\/error-codes\//);
    expect(await page.locator('h1').textContent()).toContain('Error codes');
    expect(watch.consoleErrors).toEqual([]);
    expect(watch.outsideRequests).toEqual([]);
    await context.close();
  });

  const shots: [name: string, path: string][] = [
    ['home', ''],
    ['operation-getconfig', 'api/operations/getconfig/'],
    ['error-codes', 'reference/error-codes/'],
    ['guide-quickstart-node', 'guides/quickstart-node/'],
  ];
  it('screenshots, wide and narrow, light and dark', { timeout: 180_000 }, async () => {
    for (const [width, height, label] of [[1280, 800, 'wide'], [375, 812, 'narrow']] as const) {
      for (const scheme of ['light', 'dark'] as const) {
        const { context, watch } = await watchedContext(browser, { viewport: { width, height }, colorScheme: scheme });
        const page = await context.newPage();
        for (const [name, path] of shots) {
          await page.goto(`${site.url}${path}`, { waitUntil: 'networkidle' });
          expect(await page.evaluate(() => document.documentElement.dataset.theme)).toBe(scheme);
          await page.screenshot({ path: join(artefactsDir, `${name}-${label}-${scheme}.png`) });
        }
        expect(watch.consoleErrors).toEqual([]);
        expect(watch.outsideRequests).toEqual([]);
        await context.close();
      }
    }
  });
});
