/**
 * Every code sample of the guides is a file under `samples/`, type-checked by `npm run check`,
 * included in its page with `?raw`, and run here against the sandbox exactly as a reader would.
 */
import { execFile } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bundleForBrowser, serveStatic, type StaticServer } from '@tickki/browser-harness';
import { startSandbox, type RunningSandbox } from '@tickki/sandbox';
import type { Browser } from 'playwright-core';
import { docsRoot } from '../scripts/site.ts';
import { hasChromium, launchChromium, watchedContext } from './helpers.ts';

const run = promisify(execFile);
const samplesDir = join(docsRoot, 'samples');
const guidesDir = join(docsRoot, 'src/content/docs/guides');

/** What each Node sample must print (a sample without an entry here fails the coverage test). */
const expectedOutput: Record<string, RegExp[]> = {
  'quickstart-node.ts': [/^sent #\d+: Hello from Node \(sent\)$/m, /^agent: Echo: Hello from Node$/m],
  'generated-client.ts': [/^business: Northwind Outfitters$/m, /^sent #\d+$/m, /^inbound: Hi from the generated client$/m, /^unknown key → 401 invalid_api_key$/m],
  'errors.ts': [/^retried until sent$/m, /^copies after a lost answer: 1$/m, /^renewed, conversation \d+$/m, /^invalid_api_key \(status 401, auth error: true, retryable: false\)$/m],
  'realtime-connection.ts': [
    /^subscribed \(#1\), history holds 0 messages$/m,
    /^agent: Echo: Is anyone there\?$/m,
    /^state: connected → reconnecting$/m,
    /^subscribed \(#2\), history holds 2 messages$/m,
    /^state: connected → closed$/m,
  ],
  'testing-with-the-sandbox.ts': [/^the agent reply arrived over the websocket$/m, /^startSession answered 200$/m],
};
/** Samples that run in Chromium (below) rather than in Node. */
const browserSamples = ['quickstart-browser.ts', 'quickstart-browser.html'];

const samples = readdirSync(samplesDir).sort();
const guides = readdirSync(guidesDir).map((file) => readFileSync(join(guidesDir, file), 'utf8')).join('\n');

describe('samples', () => {
  let sandbox: RunningSandbox;
  beforeAll(async () => {
    sandbox = await startSandbox({ port: 0, agent: { delay_ms: 20 }, seed: 7 });
  });
  afterAll(() => sandbox?.close());

  it('every sample is run by this file and shown on a page', () => {
    for (const sample of samples) {
      expect([...Object.keys(expectedOutput), ...browserSamples], `${sample} is not run by the tests`).toContain(sample);
      expect(guides, `${sample} is not included in any guide`).toContain(`samples/${sample}?raw`);
    }
  });

  for (const [sample, patterns] of Object.entries(expectedOutput)) {
    it(`${sample} runs against the sandbox`, async () => {
      const { stdout } = await run(process.execPath, [join(samplesDir, sample)], {
        cwd: docsRoot,
        env: { ...process.env, TICKKI_BASE_URL: sandbox.origin },
        timeout: 45_000,
      });
      for (const pattern of patterns) expect(stdout).toMatch(pattern);
    });
  }

  describe.runIf(hasChromium)('in Chromium', () => {
    let browser: Browser;
    let pageServer: StaticServer;
    beforeAll(async () => {
      browser = await launchChromium();
      const html = readFileSync(join(samplesDir, 'quickstart-browser.html'), 'utf8')
        // The one line a reader changes: where the sandbox runs (here on a free port).
        .replace('data-base-url="http://127.0.0.1:4010"', `data-base-url="${sandbox.origin}"`);
      pageServer = await serveStatic({
        '/': ['text/html; charset=utf-8', html],
        '/chat.js': ['text/javascript; charset=utf-8', await bundleForBrowser(join(samplesDir, 'quickstart-browser.ts'))],
      });
    });
    afterAll(async () => {
      await browser?.close();
      await pageServer?.close();
    });

    it('quickstart-browser chats with the scripted agent', async () => {
      const { context, watch } = await watchedContext(browser);
      const page = await context.newPage();
      await page.goto(pageServer.origin);
      await expect.poll(() => page.locator('#status').textContent(), { timeout: 15_000 }).toBe('connected');
      await page.getByLabel('Message').fill('Hello from the browser');
      await page.getByLabel('Message').press('Enter');
      await page.locator('#messages li.agent', { hasText: 'Echo: Hello from the browser' }).waitFor({ timeout: 15_000 });
      await expect(page.locator('#messages li.visitor.sent', { hasText: 'Hello from the browser' }).count()).resolves.toBe(1);
      expect(await page.getByLabel('Message').inputValue()).toBe('');
      expect(watch.consoleErrors).toEqual([]);
      expect(watch.outsideRequests).toEqual([]);
      await context.close();
    });
  });
});
