/**
 * examples/vite-react from the tarballs: `tsc -b` with the react-ts template's strict settings (and
 * its TypeScript, the native compiler), `vite build`, then the build under `vite preview` in
 * Chromium: the app's own box on the hooks and the widget each send a message and show the sandbox
 * agent's reply, with no console error.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { hasChromium } from '@tickki/browser-harness';
import { describe, expect, it } from 'vitest';
import { chatThroughWidget, expectQuiet, watchPage } from '../src/example-pages.ts';
import { exampleSuite } from '../src/example-suite.ts';
import { exampleEnv, filesUnder, run } from '../src/examples.ts';

const suite = exampleSuite('vite-react', { chat: true });
let built = false;

describe('examples/vite-react (Vite 8, React 19, TypeScript), from the tarballs', () => {
  it('tsc -b (the template strict settings) and vite build pass', async () => {
    const { dir } = suite.example;
    const env = exampleEnv({ VITE_TICKKI_BASE_URL: suite.sandboxOrigin }); // built into the bundle, as a production key would be
    await suite.timings.time('build', async () => {
      expect((await run('npx', ['tsc', '-b'], dir, env, 120_000)).trim(), 'tsc -b diagnostics').toBe('');
      expect(await run('npx', ['vite', 'build'], dir, env, 120_000)).toMatch(/✓ built in/);
    });
    const js = filesUnder(join(dir, 'dist'), /\.js$/).map((f) => readFileSync(f, 'utf8'));
    expect(js.some((code) => code.includes('X-Tickki-Session')), 'the chat is in the build').toBe(true);
    built = true;
  }, 150_000);

  it.runIf(hasChromium)("vite preview: the app's own box on the hooks and the widget chat with the sandbox; no console error", async () => {
    expect(built, 'the build did not pass').toBe(true);
    await suite.timings.time('browser', async () => {
      const origin = await suite.serve('npx', ['vite', 'preview', '--port', '{port}', '--strictPort', '--host', '127.0.0.1'], /Local:/);
      const browser = await suite.chromium();
      const page = await browser.newPage();
      const seen = await watchPage(page);
      await page.goto(`${origin}/`);

      const box = page.getByRole('region', { name: 'Ask us' });
      await box.getByLabel('Your question').fill('Hello from the hooks');
      await box.getByRole('button', { name: 'Ask', exact: true }).click(); // enabled once the session is up
      await box.locator('li.agent', { hasText: 'Echo: Hello from the hooks' }).waitFor({ timeout: 20_000 });
      expect(await box.locator('li').allTextContents()).toEqual(['Hello from the hooks', 'Echo: Hello from the hooks']);

      await chatThroughWidget(page, 'Hello from Vite');
      await expectQuiet(page, seen);
    });
  }, 150_000);
});
