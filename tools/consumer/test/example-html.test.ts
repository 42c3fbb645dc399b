/**
 * examples/html-strict-csp from the tarballs: `npm run build` copies the script-tag build out of the
 * installed widget, `node server.mjs` serves the static page with `script-src 'self'; style-src 'self'`,
 * and in Chromium the widget, loaded from the page's own origin only, sends a message and shows the
 * sandbox agent's reply with no `securitypolicyviolation` event and no console error.
 */
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { hasChromium } from '@tickki/browser-harness';
import { describe, expect, it } from 'vitest';
import { chatThroughWidget, expectQuiet, watchPage } from '../src/example-pages.ts';
import { exampleSuite } from '../src/example-suite.ts';
import { exampleEnv, run } from '../src/examples.ts';
import { substitute } from '../src/readme.ts';

const suite = exampleSuite('html-strict-csp', { chat: true });
let built = false;

describe('examples/html-strict-csp (a static page, the script-tag widget self-hosted), from the tarballs', () => {
  it('npm run build copies tickki-chat.js and every chunk it loads out of the installed widget', async () => {
    const { dir } = suite.example;
    await suite.timings.time('build', () => run('npm', ['run', 'build'], dir, exampleEnv(), 60_000));
    const dist = join(dir, 'node_modules/@tickki/chat-widget/dist');
    const shipped = readdirSync(dist).filter((f) => /^tickki-chat[\w-]*\.js$/.test(f)).sort();
    expect(shipped).toEqual(expect.arrayContaining(['tickki-chat.js', 'tickki-chat-app.js']));
    expect(readdirSync(join(dir, 'public/tickki')).sort()).toEqual(shipped);
    built = true;
  });

  it.runIf(hasChromium)('under the strict CSP, the widget from its own origin chats with the sandbox: 0 securitypolicyviolation events', async () => {
    expect(built, 'npm run build did not pass').toBe(true);
    const { dir } = suite.example;
    // The page's one line of configuration, pointed at this run's sandbox.
    const page = join(dir, 'public/index.html');
    writeFileSync(page, substitute(readFileSync(page, 'utf8'), 'data-base-url="http://127.0.0.1:4010"', `data-base-url="${suite.sandboxOrigin}"`));
    await suite.timings.time('browser', async () => {
      const origin = await suite.serve('node', ['server.mjs'], /Serving public\//, { TICKKI_BASE_URL: suite.sandboxOrigin });
      const csp = (await fetch(`${origin}/`)).headers.get('content-security-policy') ?? '';
      expect(csp.split('; ')).toEqual(expect.arrayContaining(["script-src 'self'", "style-src 'self'", `connect-src 'self' ${suite.sandboxOrigin} ${suite.sandboxOrigin.replace('http', 'ws')}`]));
      expect(csp).not.toMatch(/unsafe-|nonce-|sha256-/);

      const browser = await suite.chromium();
      const tab = await browser.newPage();
      const seen = await watchPage(tab);
      const scripts: string[] = [];
      tab.on('request', (r) => void (r.resourceType() === 'script' && scripts.push(r.url())));
      await tab.goto(`${origin}/`);
      await chatThroughWidget(tab, 'Hello under a strict CSP');
      expect(seen.violations).toEqual([]);
      expect(scripts.length).toBeGreaterThan(1); // the loader, then the chat it loads
      expect(scripts.filter((url) => !url.startsWith(`${origin}/`)), 'scripts from elsewhere').toEqual([]);
      await expectQuiet(tab, seen);

      // The listener hears the policy: an inline style, which it forbids, is reported.
      await tab.evaluate(() => document.head.append(Object.assign(document.createElement('style'), { textContent: 'body { color: red }' })));
      await tab.waitForTimeout(200);
      expect(seen.violations).toEqual(['style-src-elem inline']);
    });
  }, 150_000);
});
