/**
 * The "try it" page (Scalar, self-hosted) sends `getConfig` from the browser to a running sandbox
 * and shows the answer, loading nothing from outside.
 */
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSandbox, type RunningSandbox } from '@tickki/sandbox';
import type { Browser } from 'playwright-core';
import { serveSite, type SiteServer } from '../scripts/site.ts';
import { artefactsDir, ensureBuilt, hasChromium, launchChromium, watchedContext } from './helpers.ts';

describe.runIf(hasChromium)('try it', () => {
  let browser: Browser;
  let site: SiteServer;
  let sandbox: RunningSandbox;
  beforeAll(async () => {
    const dir = await ensureBuilt();
    [browser, site, sandbox] = await Promise.all([launchChromium(), serveSite(dir), startSandbox({ port: 0 })]);
    sandbox.control.patchConfig({ business: { name: 'Try-it Test Shop' } });
  });
  afterAll(async () => {
    await browser?.close();
    await site?.close();
    await sandbox?.close();
  });

  it('sends getConfig to the sandbox and shows the answer', async () => {
    const { context, watch } = await watchedContext(browser, { viewport: { width: 1280, height: 800 } });
    const page = await context.newPage();
    await page.goto(`${site.url}try-it/?port=${sandbox.port}`, { waitUntil: 'networkidle' });
    await page.getByRole('heading', { name: 'Tickki Chat SDK API' }).first().waitFor();
    await page.screenshot({ path: join(artefactsDir, 'try-it-wide-light.png') });

    await page.getByRole('button', { name: /Test Request.*\/chat\/config/is }).click();
    const request = page.waitForRequest((r) => r.url() === `${sandbox.baseUrl}/chat/config`);
    await page.getByRole('button', { name: /^Send get request to/i }).click();
    const sent = await request;
    expect(sent.headers().authorization).toBe('Bearer pk_test_tickki_sandbox');
    await page.getByText('"Try-it Test Shop"').first().waitFor({ timeout: 15_000 });
    await page.getByText('200 OK').first().waitFor({ timeout: 15_000 }); // the status may render after the body
    await page.screenshot({ path: join(artefactsDir, 'try-it-answer-wide-light.png') });

    const log = await (await fetch(`${sandbox.origin}/_control/requests`)).json();
    expect(log.data.some((entry: { operation: string; status: number }) => entry.operation === 'getConfig' && entry.status === 200)).toBe(true);
    expect(watch.consoleErrors).toEqual([]);
    expect(watch.outsideRequests).toEqual([]);
    await context.close();
  });

  it('follows the reader\'s colour scheme, and fits a phone', async () => {
    const { context, watch } = await watchedContext(browser, { viewport: { width: 375, height: 812 }, colorScheme: 'dark' });
    const page = await context.newPage();
    await page.goto(`${site.url}try-it/?port=${sandbox.port}`, { waitUntil: 'networkidle' });
    await page.getByRole('heading', { name: 'Tickki Chat SDK API' }).first().waitFor();
    expect(await page.evaluate(() => document.body.classList.contains('dark-mode'))).toBe(true);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
    await page.screenshot({ path: join(artefactsDir, 'try-it-narrow-dark.png') });
    expect(watch.consoleErrors).toEqual([]);
    expect(watch.outsideRequests).toEqual([]);
    await context.close();
  });
});
