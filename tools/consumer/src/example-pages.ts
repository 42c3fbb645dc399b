/** What a page said while a test drove it: console errors and warnings, uncaught errors, CSP violations. */
import type { Page } from 'playwright-core';
import { expect } from 'vitest';
import { findNode20 } from './node20.ts';
import { start, type Running } from './process.ts';

/** Everything worth failing a page test over, collected from before the first navigation. */
export interface PageWatch {
  /** `console.error` messages and uncaught errors. */
  errors: string[];
  /** `console.warn` messages. */
  warnings: string[];
  /** `securitypolicyviolation` events seen in the page: `directive blocked-uri`. */
  violations: string[];
}

/** Starts watching `page`; call before navigating. */
export async function watchPage(page: Page): Promise<PageWatch> {
  const seen: PageWatch = { errors: [], warnings: [], violations: [] };
  page.on('console', (message) => {
    const where = message.location().url;
    if (message.type() === 'error') seen.errors.push(`console.error: ${message.text()}${where ? ` (${where})` : ''}`);
    else if (message.type() === 'warning') seen.warnings.push(`console.warn: ${message.text()}`);
  });
  page.on('pageerror', (err) => seen.errors.push(`uncaught: ${err.message}`));
  await page.exposeFunction('__tickkiCspViolation', (text: string) => seen.violations.push(text));
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (e) => (window as unknown as { __tickkiCspViolation(t: string): void }).__tickkiCspViolation(`${e.violatedDirective} ${e.blockedURI}`));
  });
  return seen;
}

/** The sandbox from the consumer project's tarball install, on Node 20 and a free port; the scripted agent echoes. */
export async function startPackedSandbox(app: string): Promise<{ origin: string; process: Running }> {
  const sandbox = start(findNode20(), ['node_modules/@tickki/sandbox/bin/tickki-sandbox.js', '--port', '0', '--quiet', '--agent', 'echo', '--agent-delay', '200'], { cwd: app });
  const origin = (await sandbox.waitFor(/Base URL:\s+(http:\/\/127\.0\.0\.1:\d+)/))[1]!;
  return { origin, process: sandbox };
}

/** Opens the widget's launcher, sends `text` from its composer and waits for the scripted agent's echo. */
export async function chatThroughWidget(page: Page, text: string): Promise<void> {
  await page.locator('tickki-chat .launcher').click();
  const box = page.locator('tickki-chat textarea');
  await box.fill(text);
  await box.press('Enter');
  await page.locator('tickki-chat .bubble', { hasText: `Echo: ${text}` }).waitFor({ timeout: 20_000 });
}

/** React's hydration complaints, in development wording and as production's minified error numbers. */
const HYDRATION = /hydrat|Minified React error #(418|423|425)/i;

/** No error and no hydration complaint in the page's console, once React had a moment to report one. */
export async function expectQuiet(page: Page, seen: PageWatch): Promise<void> {
  await page.waitForTimeout(300);
  expect(seen.errors, page.url()).toEqual([]);
  expect([...seen.errors, ...seen.warnings].filter((m) => HYDRATION.test(m)), page.url()).toEqual([]);
}
