/**
 * The hooks in React DOM, in Chromium, against the sandbox: a StrictMode app bundled as an app's
 * bundler would, starting one session, sending, and showing replies and the agent typing.
 */
import { fileURLToPath } from 'node:url';
import { rolldown } from 'rolldown';
import { hasChromium, launchChromium, serveStatic, type StaticServer } from '@tickki/browser-harness';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sandbox, sessionStarts, waitFor, type RunningSandbox } from './helpers.js';

if (process.env.CI && !hasChromium) throw new Error('Chromium is not installed: apt-get install chromium');

describe.runIf(hasChromium)('hooks in React DOM (Chromium, StrictMode)', () => {
  let sb: RunningSandbox;
  let pages: StaticServer;
  beforeAll(async () => {
    sb = await sandbox({ agent: { mode: 'echo', delay_ms: 200, typing: true, name: 'Ana' }, config: { business: { name: 'Acme Support' } } });
    const build = await rolldown({ input: fileURLToPath(new URL('./browser/app.js', import.meta.url)), platform: 'browser', logLevel: 'silent', transform: { define: { 'process.env.NODE_ENV': '"development"' } } });
    const code = (await build.generate({ format: 'esm', codeSplitting: false })).output[0].code;
    await build.close();
    pages = await serveStatic({
      '/': ['text/html', '<!doctype html><title>react</title><div id="root"></div><script type="module" src="/app.js"></script>'],
      '/app.js': ['text/javascript', code],
    });
  });
  afterAll(async () => {
    await pages?.close();
    await sb?.close();
  });

  it('one session and one socket in StrictMode; send, typing, reply', async () => {
    const browser = await launchChromium();
    try {
      const page = await browser.newPage();
      page.setDefaultTimeout(15_000); // a stuck step fails by name
      const starts = sessionStarts(sb);
      await page.goto(`${pages.origin}/?key=${sb.demoKey}&base=${encodeURIComponent(sb.origin)}`);
      await page.locator('main[data-status=ready][data-connection=connected]').waitFor();
      expect(await page.locator('h1').textContent()).toBe('Acme Support');
      expect(sessionStarts(sb) - starts).toBe(1);
      expect(sb.control.realtimeStats().connections).toBe(1);
      // every text the typing line shows, recorded by the page: the agent types for 200 ms, which a
      // poll from here can miss on a busy machine
      await page.evaluate(() => {
        const line = document.getElementById('typing')!;
        const shown: string[] = ((window as unknown as { typingShown: string[] }).typingShown = []);
        new MutationObserver(() => shown.push(line.textContent ?? '')).observe(line, { childList: true, characterData: true, subtree: true });
      });
      await page.getByLabel('Message').fill('Hello from React DOM');
      await page.getByRole('button', { name: 'Send' }).click();
      await page.waitForFunction(() => (window as unknown as { typingShown: string[] }).typingShown.includes('Ana is typing'));
      await page.locator('li', { hasText: 'Echo: Hello from React DOM' }).waitFor();
      await page.waitForFunction(() => document.getElementById('typing')!.textContent === '');
      expect(await page.locator('li').allTextContents()).toEqual(['Hello from React DOM', 'Echo: Hello from React DOM']);
      await page.close();
      await waitFor(() => sb.control.realtimeStats().connections === 0, 'socket closed with the page');
    } finally {
      await browser.close();
    }
  });
});
