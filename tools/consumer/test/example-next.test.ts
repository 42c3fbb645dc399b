/**
 * examples/next-app-router from the tarballs: `next build` (the widget straight in the root layout, a
 * server component, with no 'use client' file of the app's own), then `next start` and Chromium: the
 * widget on a server-only page and the hooks page each send a message and show the sandbox agent's
 * reply, with no console error and no hydration warning.
 */
import { hasChromium } from '@tickki/browser-harness';
import { describe, expect, it } from 'vitest';
import { chatThroughWidget, expectQuiet, watchPage } from '../src/example-pages.ts';
import { exampleSuite } from '../src/example-suite.ts';
import { exampleEnv, run } from '../src/examples.ts';

const suite = exampleSuite('next-app-router', { chat: true });
let built = false;

describe('examples/next-app-router (Next.js 16, App Router), from the tarballs', () => {
  it('next build prerenders every page, the layout rendering <TickkiChatWidget> with no wrapper of its own', async () => {
    // The sandbox's address is built into the pages (NEXT_PUBLIC_*), as a production key would be.
    const env = exampleEnv({ NEXT_PUBLIC_TICKKI_BASE_URL: suite.sandboxOrigin });
    const output = await suite.timings.time('build', () => run('npx', ['next', 'build'], suite.example.dir, env, 300_000));
    expect(output).toMatch(/Compiled successfully/);
    for (const route of ['/', '/about', '/chat']) expect(output).toMatch(new RegExp(`○ ${route}\\n`));
    built = true;
  }, 320_000);

  it.runIf(hasChromium)('next start: the widget (on a server-only page) and the hooks page chat with the sandbox; no console error, no hydration warning', async () => {
    expect(built, 'next build did not pass').toBe(true);
    await suite.timings.time('browser', async () => {
      const origin = await suite.serve('npx', ['next', 'start', '--port', '{port}', '--hostname', '127.0.0.1'], /Ready in/);
      const browser = await suite.chromium();

      // The widget, from the root layout, on /about (a server component page that renders nothing of ours).
      const widgetPage = await browser.newPage();
      const widgetSeen = await watchPage(widgetPage);
      await widgetPage.goto(`${origin}/about`);
      await chatThroughWidget(widgetPage, 'Hello from Next.js');
      expect(await widgetPage.locator('main h1').textContent()).toBe('About Acme');
      await expectQuiet(widgetPage, widgetSeen);

      // The hooks page: the app's own client component on @tickki/chat-react.
      const hooksPage = await browser.newPage();
      const hooksSeen = await watchPage(hooksPage);
      await hooksPage.goto(`${origin}/chat`);
      const chat = hooksPage.locator('main');
      await hooksPage.waitForFunction(() => document.querySelector('main [role=status]')?.textContent === 'connected', undefined, { timeout: 20_000 });
      await chat.getByLabel('Message', { exact: true }).fill('Hello from the hooks');
      await chat.getByRole('button', { name: 'Send', exact: true }).click();
      await chat.getByText('Agent: Echo: Hello from the hooks').waitFor({ timeout: 20_000 });
      expect(await chat.locator('li[data-status]').allTextContents()).toEqual(['You: Hello from the hooks', 'Agent: Echo: Hello from the hooks']);
      expect(await hooksPage.locator('tickki-chat').count(), 'the widget, from the layout').toBe(1);
      await expectQuiet(hooksPage, hooksSeen);
    });
  }, 150_000);
});
