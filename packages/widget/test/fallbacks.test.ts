/**
 * What only some visitors meet, in Chromium against the sandbox: the optional chime (Web Audio),
 * which sounds for an agent reply while the panel is closed or the tab hidden and at no other time,
 * with the unread count in the panel's title while hidden; and browsers
 * without constructable stylesheets, where the widget styles itself with `<style nonce>` under a
 * CSP that allows only that nonce.
 */
import { hasChromium, launchChromium } from '@tickki/browser-harness';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sandbox, STRICT_CSP, waitFor, type RunningSandbox } from './helpers.js';
import { bubbles, untilPage as until, watchPage, widgetPages } from './page.js';

if (process.env.CI && !hasChromium) throw new Error('Chromium is not installed: apt-get install chromium');

/** Records every oscillator the page starts (frequency in Hz), before any script of the page runs. */
function recordTones(): void {
  const tones: number[] = [];
  (window as unknown as { tones: number[] }).tones = tones;
  const start = OscillatorNode.prototype.start;
  OscillatorNode.prototype.start = function (this: OscillatorNode, ...args: Parameters<typeof start>) {
    tones.push(this.frequency.value);
    return start.apply(this, args);
  };
}

/** A browser without constructable stylesheets (Safari before 16.4). */
function withoutConstructableStylesheets(): void {
  delete (ShadowRoot.prototype as { adoptedStyleSheets?: unknown }).adoptedStyleSheets;
  delete (Document.prototype as { adoptedStyleSheets?: unknown }).adoptedStyleSheets;
}

const NONCE = 'dGlja2tpLXRlc3Q';
const NONCE_CSP = STRICT_CSP.replace("style-src 'self'", `style-src 'self' 'nonce-${NONCE}'`);

describe.runIf(hasChromium)('the chime and the <style nonce> fallback (Chromium)', () => {
  let sb: RunningSandbox;
  let browser: Browser;
  const servers: { close(): Promise<void> }[] = [];

  beforeAll(async () => {
    sb = await sandbox({ config: { business: { name: 'Acme Support' }, branding: { primary_color: '#0F766E' } } });
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    for (const s of servers) await s.close();
    await sb?.close();
  });

  const pageAt = async (data: Record<string, string>, csp = STRICT_CSP, init?: () => void, scriptAttributes = '') => {
    const pages = await widgetPages(sb, data, csp);
    servers.push(pages);
    const html = pages.files['/']!;
    html[1] = String(html[1]).replace('<script src=', `<script${scriptAttributes} src=`);
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    const page = await context.newPage();
    const seen = await watchPage(page);
    if (init) await page.addInitScript(init);
    await page.addInitScript(recordTones);
    await page.goto(pages.origin);
    return { page, seen, close: () => context.close() };
  };
  const tones = (page: Page) => page.evaluate(() => (window as unknown as { tones: number[] }).tones);
  const launcher = (page: Page) => page.locator('tickki-chat .launcher');
  const chatOnce = async (page: Page, visitor: string) => {
    await launcher(page).click();
    await page.locator('tickki-chat textarea').fill('Hello');
    await page.locator('tickki-chat textarea').press('Enter');
    await until(page, async () => (await bubbles(page)).some((b) => b.text === 'Hello' && b.status === 'sent'), 'the send');
    return (await waitFor(() => sb.control.conversations().find((c) => c.visitor_id === visitor), 'conversation')).id;
  };
  const reply = async (page: Page, id: number, text: string) => {
    sb.control.reply(id, text, 'Ana');
    await until(page, async () => (await bubbles(page)).some((b) => b.text === text), text);
  };

  it('with `sound`, a reply while the panel is closed chimes once (880 + 1320 Hz); nothing while open, nothing for the visitor’s own sends', async () => {
    const { page, seen, close } = await pageAt({ sound: '', 'visitor-id': 'v_sound' });
    const id = await chatOnce(page, 'v_sound');
    await reply(page, id, 'A reply while open');
    expect(await tones(page)).toEqual([]);

    await page.keyboard.press('Escape');
    await page.locator('tickki-chat .panel').waitFor({ state: 'hidden' });
    await reply(page, id, 'A reply while closed');
    await until(page, async () => (await tones(page)).length === 2, 'the chime');
    expect(await tones(page)).toEqual([880, 1320]);
    await page.waitForTimeout(300);
    expect(await tones(page)).toHaveLength(2);
    expect(seen.errors).toEqual([]);
    await close();
  });

  it('open in a hidden tab: a reply chimes and the panel title counts it as unread until the tab is shown', async () => {
    const { page, seen, close } = await pageAt({ sound: '', 'visitor-id': 'v_hidden_tab' });
    const id = await chatOnce(page, 'v_hidden_tab');
    const setVisibility = (state: 'hidden' | 'visible') =>
      page.evaluate((s) => {
        Object.defineProperty(document, 'visibilityState', { configurable: true, get: () => s });
        document.dispatchEvent(new Event('visibilitychange'));
      }, state);
    const title = () => page.locator('tickki-chat .title').textContent();
    await setVisibility('hidden');
    await reply(page, id, 'A reply in a hidden tab');
    await until(page, async () => (await title()) === 'Acme Support (1 unread)', 'the count in the title');
    // the chime's chunk loads after the count shows: both tones once it played
    await until(page, async () => (await tones(page)).length >= 2, 'the chime');
    expect(await tones(page)).toEqual([880, 1320]);
    await setVisibility('visible');
    await until(page, async () => (await title()) === 'Acme Support', 'the count cleared');
    expect(seen.errors).toEqual([]);
    await close();
  });

  it('without `sound`, a reply while the panel is closed is silent', async () => {
    const { page, close } = await pageAt({ 'visitor-id': 'v_silent' });
    const id = await chatOnce(page, 'v_silent');
    await page.keyboard.press('Escape');
    await page.locator('tickki-chat .panel').waitFor({ state: 'hidden' });
    await reply(page, id, 'A quiet reply');
    await page.waitForTimeout(300);
    expect(await tones(page)).toEqual([]);
    await close();
  });

  /** The widget's styles as the page sees them. */
  const look = (page: Page) =>
    page.evaluate(() => {
      const root = document.querySelector('tickki-chat')!.shadowRoot!;
      const panel = root.querySelector('.panel');
      return {
        adopted: 'adoptedStyleSheets' in root,
        styles: [...root.querySelectorAll('style')].map((s) => s.nonce),
        frame: getComputedStyle(root.querySelector('.root')!).position,
        launcher: getComputedStyle(root.querySelector('.launcher')!).backgroundColor,
        panel: panel ? getComputedStyle(panel).position : null,
      };
    });
  const expectStyledWithNonce = async (page: Page, seen: { violations: string[]; errors: string[] }) => {
    await until(page, async () => (await look(page)).frame === 'fixed', 'the launcher styled');
    // the default brand, or the configured one once the loader has read the config: styled either way
    expect(['rgb(79, 70, 229)', 'rgb(15, 118, 110)']).toContain((await look(page)).launcher);
    await launcher(page).click();
    await page.locator('tickki-chat textarea').waitFor();
    await until(page, async () => (await look(page)).launcher === 'rgb(15, 118, 110)', 'the brand from the config');
    const styled = await look(page);
    expect(styled.adopted).toBe(false);
    expect(styled.styles.length).toBeGreaterThanOrEqual(2); // the launcher's and the panel's
    expect(styled.styles.every((n) => n === NONCE)).toBe(true);
    expect(styled.panel).toBe('absolute');
    expect(seen.violations).toEqual([]);
    expect(seen.errors).toEqual([]);
  };

  it('without constructable stylesheets, styles itself with <style nonce> from `data-nonce`, under a CSP allowing only that nonce', async () => {
    const { page, seen, close } = await pageAt({ nonce: NONCE, 'visitor-id': 'v_nonce' }, NONCE_CSP, withoutConstructableStylesheets);
    await expectStyledWithNonce(page, seen);
    await close();
  });

  it('under a CSP that allows scripts by nonce only, the loader and the panel it loads run, and style themselves with the script tag’s nonce', async () => {
    const csp = NONCE_CSP.replace("script-src 'self'", `script-src 'nonce-${NONCE}'`);
    const { page, seen, close } = await pageAt({ 'visitor-id': 'v_script_nonce' }, csp, withoutConstructableStylesheets, ` nonce="${NONCE}"`);
    await expectStyledWithNonce(page, seen);
    await page.locator('tickki-chat textarea').fill('Hello under a nonce');
    await page.locator('tickki-chat textarea').press('Enter');
    await until(page, async () => (await bubbles(page)).some((b) => b.text === 'Hello under a nonce' && b.status === 'sent'), 'the send');
    await close();
  });

  it('the same page without the nonce: the CSP refuses the styles, and the page says so', async () => {
    const { page, seen, close } = await pageAt({ 'visitor-id': 'v_no_nonce' }, NONCE_CSP, withoutConstructableStylesheets);
    await page.locator('tickki-chat').waitFor({ state: 'attached' });
    await until(page, async () => seen.violations.some((v) => v.startsWith('style-src')), 'a style-src violation');
    expect((await look(page)).frame).not.toBe('fixed');
    await close();
  });
});
