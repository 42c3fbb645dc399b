/**
 * The widget on a site without React: a fresh project installs only the widget's tarball and the
 * `@tickki/*` packages it depends on (followed from the packed manifests), with npm's default peer
 * handling, as `npm i @tickki/chat-widget` will. React is then nowhere in the installed tree
 * (`require.resolve('react')` fails there), and a page bundled from `import '@tickki/chat-widget'`
 * (rolldown, split into chunks as an app's bundler does) chats with the packed sandbox in Chromium.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { hasChromium, launchChromium, serveStatic, type StaticServer } from '@tickki/browser-harness';
import { rolldown } from 'rolldown';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { chatThroughWidget, expectQuiet, startPackedSandbox, watchPage } from '../src/example-pages.ts';
import type { Running } from '../src/process.ts';
import { ROOT } from '../src/readme.ts';

if (process.env.CI && !hasChromium) throw new Error('Chromium is not installed: apt-get install chromium');

const app = inject('app');
const packed = inject('packed');
const dir = join(dirname(app), 'widget-without-react');

/** The page's code: the package's one import, then the element as a site would add it. */
const PAGE = `import '@tickki/chat-widget';
const params = new URLSearchParams(location.search);
const chat = document.createElement('tickki-chat');
chat.setAttribute('publishable-key', 'pk_test_tickki_sandbox');
chat.setAttribute('base-url', params.get('base'));
document.body.append(chat);
`;

/** `@tickki/chat-widget` and the `@tickki/*` packages its dependencies reach, by name. */
function widgetClosure(): string[] {
  const names = new Set<string>();
  const visit = (name: string) => {
    if (names.has(name)) return;
    names.add(name);
    const found = packed.find((p) => p.name === name);
    if (!found) throw new Error(`${name} was not packed`);
    const manifest = JSON.parse(readFileSync(join(ROOT, found.dir, 'package.json'), 'utf8')) as { dependencies?: Record<string, string> };
    for (const dep of Object.keys(manifest.dependencies ?? {})) if (dep.startsWith('@tickki/')) visit(dep);
  };
  visit('@tickki/chat-widget');
  return [...names].sort();
}

let sandbox: { origin: string; process: Running } | undefined;
let pages: StaticServer | undefined;

beforeAll(async () => {
  mkdirSync(join(dir, 'src'), { recursive: true });
  const tarballs = widgetClosure().map((name) => packed.find((p) => p.name === name)!);
  const manifest = { name: 'site-without-react', private: true, type: 'module', dependencies: Object.fromEntries(tarballs.map((p) => [p.name, `file:${p.tarball}`])) };
  writeFileSync(join(dir, 'package.json'), `${JSON.stringify(manifest, null, 2)}\n`);
  // npm's defaults: required peers are installed, optional ones (the widget's `react`) are not
  execFileSync('npm', ['install', '--no-audit', '--no-fund', '--prefer-offline', '--loglevel=error'], {
    cwd: dir,
    stdio: 'pipe',
    env: { ...process.env, npm_config_workspaces: undefined, npm_config_workspace: undefined } as NodeJS.ProcessEnv,
  });
  writeFileSync(join(dir, 'src/page.js'), PAGE);
}, 120_000);

afterAll(async () => {
  await pages?.close();
  await sandbox?.process.stop();
});

describe('the widget on a site without React, from the tarballs', () => {
  it('installs no react: require.resolve("react") fails in the project, and no react is in its lockfile', () => {
    const lock = JSON.parse(readFileSync(join(dir, 'package-lock.json'), 'utf8')) as { packages: Record<string, { peer?: boolean }> };
    const reacts = Object.keys(lock.packages).filter((path) => /(^|\/)node_modules\/(react|react-dom)$/.test(path));
    // who brings it, if anything does: the packages that list react as a dependency or required peer
    const askers = Object.entries(lock.packages)
      .filter(([, entry]) => {
        const e = entry as { dependencies?: Record<string, string>; peerDependencies?: Record<string, string>; peerDependenciesMeta?: Record<string, { optional?: boolean }> };
        return !!e.dependencies?.react || (!!e.peerDependencies?.react && !e.peerDependenciesMeta?.react?.optional);
      })
      .map(([path]) => path.replace(/^.*node_modules\//, ''));
    expect({ reacts, askers }).toEqual({ reacts: [], askers: [] });
    expect(existsSync(join(dir, 'node_modules/react'))).toBe(false);
    expect(() => createRequire(join(dir, 'package.json')).resolve('react')).toThrow(/Cannot find module 'react'/);
  });

  it.runIf(hasChromium)('a page bundled from @tickki/chat-widget chats with the sandbox in Chromium', async () => {
    const build = await rolldown({ input: join(dir, 'src/page.js'), platform: 'browser', logLevel: 'silent', cwd: dir });
    const { output } = await build.generate({ format: 'esm', dir: 'out', entryFileNames: 'page.js', chunkFileNames: '[name]-[hash].js' });
    await build.close();
    const files: Record<string, [string, string]> = {
      '/': ['text/html', '<!doctype html><html lang="en"><title>A site without React</title><link rel="icon" href="data:,"><body><script type="module" src="/page.js"></script></body></html>'],
    };
    for (const chunk of output) if (chunk.type === 'chunk') files[`/${chunk.fileName}`] = ['text/javascript', chunk.code];
    const code = Object.values(files).map(([, body]) => body).join('\n');
    expect(code).not.toMatch(/react\.(production|development)|__SECRET_INTERNALS|__CLIENT_INTERNALS/); // no React inside
    pages = await serveStatic(files);
    sandbox = await startPackedSandbox(app);

    const browser = await launchChromium();
    try {
      const page = await browser.newPage();
      const seen = await watchPage(page);
      const scripts: string[] = [];
      page.on('request', (r) => void (r.resourceType() === 'script' && scripts.push(new URL(r.url()).pathname)));
      await page.goto(`${pages.origin}/?base=${encodeURIComponent(sandbox.origin)}`);
      await chatThroughWidget(page, 'Hello from a site without React');
      expect(scripts.length).toBeGreaterThan(1); // the element, then the chat it loads as a chunk of its own
      await expectQuiet(page, seen);
    } finally {
      await browser.close();
    }
  }, 90_000);
});
