/**
 * Importing the package: SSR-safe in Node (no `window`, nothing defined), the bundler entry in
 * Chromium (one `import`, the panel as a lazily loaded chunk), and `<TickkiChatWidget />` in React DOM
 * (server render and in the browser, against the sandbox).
 */
import { rolldown } from 'rolldown';
import { fileURLToPath } from 'node:url';
import { createElement } from 'react';
import { renderToString } from 'react-dom/server';
import { hasChromium, launchChromium } from '@tickki/browser-harness';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sandbox, servePages, STRICT_CSP, type RunningSandbox } from './helpers.js';
import { bubbles } from './page.js';

describe('importing @tickki/chat-widget', () => {
  it('is SSR-safe: importing in Node touches no DOM and defines nothing', async () => {
    expect(typeof (globalThis as { window?: unknown }).window).toBe('undefined');
    const widget = await import('@tickki/chat-widget');
    expect(typeof widget.defineTickkiChat).toBe('function');
    expect(() => widget.defineTickkiChat()).not.toThrow();
    const { TickkiChatWidget } = await import('@tickki/chat-widget/react');
    const html = renderToString(createElement(TickkiChatWidget, { publishableKey: 'pk_test_x', theme: 'dark', strings: { send: 'Go' } }));
    expect(html).toBe('<tickki-chat publishable-key="pk_test_x" theme="dark" strings="{&quot;send&quot;:&quot;Go&quot;}"></tickki-chat>');
  });
});

describe.runIf(hasChromium)('bundled by an app (rolldown), in Chromium', () => {
  let sb: RunningSandbox;
  let pages: Awaited<ReturnType<typeof servePages>>;
  beforeAll(async () => {
    sb = await sandbox({ agent: { mode: 'echo', delay_ms: 0, typing: false } });
    // an app's bundle: `import '@tickki/chat-widget'` and a React DOM page with <TickkiChatWidget />
    const build = await rolldown({ input: fileURLToPath(new URL('./browser/app.js', import.meta.url)), platform: 'browser', logLevel: 'silent', transform: { define: { 'process.env.NODE_ENV': '"production"' } } });
    const { output } = await build.generate({ format: 'esm', dir: 'x', chunkFileNames: '[name]-[hash].js' });
    await build.close();
    const files: Record<string, [string, string]> = {
      '/': ['text/html', `<!doctype html><title>app</title><div id="root"></div><script type="module" src="/app.js"></script>`],
    };
    for (const chunk of output) if (chunk.type === 'chunk') files['/' + chunk.fileName] = ['text/javascript', chunk.code];
    pages = await servePages(files, { 'content-security-policy': STRICT_CSP });
  });
  afterAll(async () => {
    await pages?.close();
    await sb?.close();
  });

  it('the bundler entry defines <tickki-chat>, loads the panel as its own chunk, and chats; <TickkiChatWidget /> passes props and events', async () => {
    const browser = await launchChromium();
    try {
      const page = await browser.newPage();
      const requested: string[] = [];
      page.on('request', (r) => requested.push(new URL(r.url()).pathname));
      await page.goto(`${pages.origin}/?key=${sb.demoKey}&base=${encodeURIComponent(sb.origin)}`);
      await page.locator('tickki-chat .launcher').waitFor();
      expect(await page.locator('tickki-chat').getAttribute('primary-color')).toBe('#B91C1C');
      await page.locator('tickki-chat .launcher').click();
      await page.locator('tickki-chat textarea').fill('From a bundled app');
      await page.locator('tickki-chat textarea').press('Enter');
      await page.waitForFunction(() => document.querySelector('tickki-chat')!.shadowRoot!.querySelectorAll('.list li[data-status=sent]').length === 2);
      expect((await bubbles(page)).map((b) => b.text)).toEqual(['From a bundled app', 'Echo: From a bundled app']);
      expect(requested.filter((p) => p.endsWith('.js')).length).toBeGreaterThan(1); // the panel came as a separate chunk
      expect(await page.evaluate(() => (window as unknown as { events: string[] }).events)).toEqual(expect.arrayContaining(['open:true', 'message:From a bundled app', 'message:Echo: From a bundled app']));
    } finally {
      await browser.close();
    }
  });
});
