import { existsSync, mkdirSync, readdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import { hasChromium, launchChromium } from '@tickki/browser-harness';
import type { Browser, BrowserContext } from 'playwright-core';
import { buildSite, docsRoot } from '../scripts/site.ts';

export { hasChromium, launchChromium };

/** The built site `npm run build` (turbo's `build` task) leaves. */
export const siteDir = join(docsRoot, 'dist');

/** Screenshots and other artefacts of the browser tests (gitignored). */
export const artefactsDir = join(docsRoot, 'test-artifacts');
mkdirSync(artefactsDir, { recursive: true });

if (process.env.CI && !hasChromium) throw new Error('Chromium is not installed: apt-get install chromium');

/** Builds the site when it is not built yet (a direct `vitest run`; turbo builds it before `test`). */
export async function ensureBuilt(): Promise<string> {
  if (!existsSync(join(siteDir, 'index.html'))) await buildSite({ verbose: false });
  return siteDir;
}

/** Every HTML page of a built site, as paths relative to its root (`api/operations/getconfig/`, `404.html`). */
export function pagesOf(dir: string): string[] {
  const pages: string[] = [];
  const walk = (folder: string) => {
    for (const entry of readdirSync(folder, { withFileTypes: true })) {
      const path = join(folder, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (entry.name.endsWith('.html')) {
        const rel = relative(dir, path).split('\\').join('/');
        pages.push(rel.endsWith('index.html') ? rel.slice(0, -'index.html'.length) : rel);
      }
    }
  };
  walk(dir);
  return pages.sort();
}

/** Whether a URL stays on this machine. */
export const isLoopback = (url: string): boolean => {
  if (url.startsWith('data:') || url.startsWith('blob:') || url.startsWith('about:')) return true;
  try {
    return new URL(url).hostname === '127.0.0.1';
  } catch {
    return false;
  }
};

/** What a page did that a test counts against it. */
export interface PageWatch {
  consoleErrors: string[];
  outsideRequests: string[];
}

/**
 * A browser context that refuses (and records) every request leaving 127.0.0.1, and records
 * console errors and uncaught exceptions of every page opened in it.
 */
export async function watchedContext(browser: Browser, options: Parameters<Browser['newContext']>[0] = {}): Promise<{ context: BrowserContext; watch: PageWatch }> {
  const context = await browser.newContext(options);
  const watch: PageWatch = { consoleErrors: [], outsideRequests: [] };
  await context.route('**/*', (route) => {
    const url = route.request().url();
    if (isLoopback(url)) return route.continue();
    watch.outsideRequests.push(url);
    return route.abort('blockedbyclient');
  });
  context.on('page', (page) => {
    page.on('console', (message) => {
      if (message.type() === 'error') watch.consoleErrors.push(`${page.url()}: ${message.text()}`);
    });
    page.on('pageerror', (error) => watch.consoleErrors.push(`${page.url()}: ${error.message}`));
  });
  return { context, watch };
}

/** The repository root. */
export const repoRootForTests = join(docsRoot, '../..');
