/** The widget in a page: the script-tag build served under a strict CSP, and helpers to read its shadow DOM. */
import { readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import type { Page } from 'playwright-core';
import { STRICT_CSP, servePages, type RunningSandbox } from './helpers.js';

const DIST = fileURLToPath(new URL('../dist/', import.meta.url));
const dist = (file: string) => readFileSync(DIST + file);
const require = createRequire(import.meta.url);

/** A host page: some content, the host's own hostile-ish CSS, and the script tag. */
export function hostPage(sb: RunningSandbox, data: Record<string, string> = {}): string {
  const attrs = Object.entries({ 'publishable-key': sb.demoKey, 'base-url': sb.origin, ...data })
    .map(([k, v]) => ` data-${k}="${v.replace(/"/g, '&quot;')}"`)
    .join('');
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>Acme shop</title><link rel="stylesheet" href="/host.css"></head>
<body><main><h1>Acme shop</h1><p>Our products are great. Ask us anything in the chat.</p></main>
<script src="/tickki-chat.js"${attrs} async></script></body></html>`;
}

/** CSS a careless host page might have: it must not reach into the widget. */
const HOST_CSS = `body{font-family:Georgia,serif;margin:40px;color:#333}
button{background:hotpink!important;border:5px solid lime}*{letter-spacing:3px}p{color:red}textarea{font-size:8px}ol{list-style:upper-roman}`;

/** Serves the host page (strict CSP), the script-tag build and axe-core from one origin. */
export async function widgetPages(sb: RunningSandbox, data: Record<string, string> = {}, csp = STRICT_CSP, more: Record<string, Record<string, string>> = {}) {
  const extra = Object.fromEntries(Object.entries(more).map(([path, d]) => [path, ['text/html; charset=utf-8', hostPage(sb, d)] as [string, string]]));
  return servePages(
    {
      ...extra,
      '/': ['text/html; charset=utf-8', hostPage(sb, data)],
      '/host.css': ['text/css', HOST_CSS],
      ...Object.fromEntries(readdirSync(DIST).filter((f) => /^tickki-chat[\w-]*\.js$/.test(f)).map((f) => [`/${f}`, ['text/javascript', dist(f)] as [string, Buffer]])),
      '/axe.js': ['text/javascript', readFileSync(require.resolve('axe-core/axe.min.js'))],
    },
    { 'content-security-policy': csp },
  );
}

/** Collects CSP violations and page errors; call before navigating. */
export async function watchPage(page: Page): Promise<{ violations: string[]; errors: string[] }> {
  const seen = { violations: [] as string[], errors: [] as string[] };
  await page.exposeFunction('__cspViolation', (text: string) => seen.violations.push(text));
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (e) => (window as unknown as { __cspViolation(t: string): void }).__cspViolation(`${e.violatedDirective} ${e.blockedURI}`));
  });
  page.on('pageerror', (e) => seen.errors.push(e.message));
  return seen;
}

/** The widget's message bubbles as text, with status and side. */
export function bubbles(page: Page): Promise<{ text: string; status: string; mine: boolean }[]> {
  return page.evaluate(() => {
    const root = document.querySelector('tickki-chat')!.shadowRoot!;
    return [...root.querySelectorAll('.list > li[data-status]')].map((li) => ({
      text: li.querySelector('.bubble')!.textContent ?? '',
      status: li.getAttribute('data-status') ?? '',
      mine: li.classList.contains('me'),
    }));
  });
}

/**
 * Records every text the widget's `selector` shows from now on (a `MutationObserver` in the page),
 * for states too short-lived to poll from here: the agent typing, an upload's progress. Returns a
 * reader of what was recorded.
 */
export const recordTexts = (page: Page, selector: string) => record(page, selector) as Promise<() => Promise<string[]>>;

/**
 * Records every value the `attribute` of the widget's `selector` takes from now on (`null` while the
 * element is there without it), for states too short-lived to poll from here: a player's "Pause",
 * the recorder's pulsing dot. Returns a reader of what was recorded.
 */
export const recordAttribute = (page: Page, selector: string, attribute: string) => record(page, selector, attribute);

/** What {@link recordTexts} and {@link recordAttribute} do: the text, or the attribute's value, at every change while the element is there. */
async function record(page: Page, selector: string, attribute?: string): Promise<() => Promise<(string | null)[]>> {
  const name = `recorded ${selector} [${attribute ?? 'text'}]`;
  await page.evaluate(([selector, attribute, name]) => {
    const root = document.querySelector('tickki-chat')!.shadowRoot!;
    const shown: (string | null)[] = ((window as unknown as Record<string, (string | null)[]>)[name] = []);
    const read = () => {
      const el = root.querySelector(selector);
      const value = el && (attribute ? el.getAttribute(attribute) : el.textContent);
      if (el && shown.at(-1) !== value) shown.push(value);
    };
    read();
    new MutationObserver(read).observe(root, { subtree: true, childList: true, characterData: true, attributes: true });
  }, [selector, attribute, name] as const);
  return () => page.evaluate((name) => (window as unknown as Record<string, (string | null)[]>)[name]!, name);
}

/** Polls `check` until it holds; after `timeoutMs` fails with `what` and the list the widget shows. */
export async function untilPage(page: Page, check: () => Promise<boolean>, what: string, timeoutMs = 15_000): Promise<void> {
  for (let end = Date.now() + timeoutMs; !(await check()); await page.waitForTimeout(50))
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}; the list shows ${JSON.stringify(await bubbles(page).catch(() => 'nothing'))}`);
}

/**
 * Types `text` in the composer and presses Enter, then waits until the widget took it: the box
 * empties once the session is up and the message is in the list, as a visitor would wait before
 * typing the next one.
 */
export async function sendText(page: Page, text: string): Promise<void> {
  const box = page.locator('tickki-chat textarea');
  await box.fill(text);
  await box.press('Enter');
  await untilPage(page, async () => (await box.inputValue()) === '', `the widget to take "${text}"`);
}

/**
 * Polls `read` until it gives the same value `polls` times in a row, `everyMs` apart, and returns
 * it: for a count that settles after more arrives in the background (a gap fill after subscribing).
 */
export async function untilSettled<T>(page: Page, read: () => Promise<T>, what: string, polls = 3, everyMs = 100, timeoutMs = 15_000): Promise<T> {
  let value = await read();
  for (let same = 1, end = Date.now() + timeoutMs; same < polls; ) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what} to settle; last ${JSON.stringify(value)}`);
    await page.waitForTimeout(everyMs);
    const next = await read();
    same = JSON.stringify(next) === JSON.stringify(value) ? same + 1 : 1;
    value = next;
  }
  return value;
}
