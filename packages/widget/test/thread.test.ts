/**
 * A readable thread, in Chromium against the sandbox: quick messages from one side form a group with
 * one visible time (each message keeps its own for screen readers), and day headings ("Yesterday",
 * "Today", a date) separate a history the sandbox's clock spread over days. Screenshots (narrow and
 * wide, light and dark) are kept in `test/artifacts/thread-*.png`.
 */
import { mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { hasChromium, launchChromium } from '@tickki/browser-harness';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sandbox, waitFor, type RunningSandbox } from './helpers.js';
import { bubbles, sendText, untilPage, watchPage, widgetPages } from './page.js';

if (process.env.CI && !hasChromium) throw new Error('Chromium is not installed: apt-get install chromium');

const ARTIFACTS = fileURLToPath(new URL('./artifacts/', import.meta.url));
const DAY = 86_400_000;

/** Each message of the list: its text, whether its time is in sight, and its time's text. */
const rows = (page: Page) =>
  page.evaluate(() =>
    [...document.querySelector('tickki-chat')!.shadowRoot!.querySelectorAll('.list > li[data-status]')].map((li) => {
      const time = li.querySelector('time');
      return {
        text: li.querySelector('.bubble')!.textContent,
        time: time?.textContent ?? '',
        // visually hidden text is a clipped 1 px box
        shown: !!time && time.parentElement!.getBoundingClientRect().width > 1,
        bottom: li.querySelector('.bubble')!.getBoundingClientRect().bottom,
        top: li.querySelector('.bubble')!.getBoundingClientRect().top,
      };
    }),
  );
const days = (page: Page) => page.evaluate(() => [...document.querySelector('tickki-chat')!.shadowRoot!.querySelectorAll('.list > li.day')].map((li) => li.textContent));

describe.runIf(hasChromium)('a readable thread (Chromium, strict CSP)', () => {
  let sb: RunningSandbox;
  let pages: Awaited<ReturnType<typeof widgetPages>>;
  let browser: Browser;
  const contexts: BrowserContext[] = [];

  beforeAll(async () => {
    mkdirSync(ARTIFACTS, { recursive: true });
    sb = await sandbox({ config: { business: { name: 'Acme Support' }, branding: { primary_color: '#0F766E', welcome_message: 'Hello! Ask us anything.' } } });
    pages = await widgetPages(sb, {}, undefined, {
      '/quick': { 'visitor-id': 'v_quick' },
      '/days': { 'visitor-id': 'v_days' },
      '/days-fr': { 'visitor-id': 'v_days', locale: 'fr' },
      '/days-dark': { 'visitor-id': 'v_days', theme: 'dark' },
    });
    browser = await launchChromium();
  });
  afterAll(async () => {
    for (const context of contexts) await context.close();
    await browser?.close();
    await pages?.close();
    await sb?.close();
  });

  /** The panel open on `path`, in UTC (days are the device's: a fixed zone keeps them fixed). */
  const open = async (path: string, options: Parameters<Browser['newContext']>[0] = {}) => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, timezoneId: 'UTC', locale: 'en-US', ...options });
    contexts.push(context); // closed after all if a test stops before it closes it
    const page = await context.newPage();
    const seen = await watchPage(page);
    await page.goto(pages.origin + path);
    await page.locator('tickki-chat .launcher').click();
    await page.locator('tickki-chat textarea').waitFor();
    const close = async () => {
      contexts.splice(contexts.indexOf(context), 1);
      await context.close();
    };
    return { page, seen, close };
  };
  const conversation = (visitor: string) => waitFor(() => sb.control.conversations().find((c) => c.visitor_id === visitor), `the conversation of ${visitor}`);
  const sent = (page: Page, count: number) => untilPage(page, async () => (await bubbles(page)).filter((b) => b.status === 'sent').length === count, `${count} messages sent`);

  it('five quick messages show one time, under the last; each keeps its time for screen readers', async () => {
    const { page, seen, close } = await open('/quick');
    const five = ['Hi!', 'I ordered a lamp', 'order 1042', 'it came broken', 'can you help?'];
    for (const text of five) await sendText(page, text);
    await sent(page, 5);
    let shown = await rows(page);
    expect(shown.map((r) => r.text)).toEqual(five);
    expect(shown.map((r) => r.shown)).toEqual([false, false, false, false, true]);
    for (const r of shown) expect(r.time).toMatch(/^\d{1,2}:\d{2}\s?[AP]M$/);
    // grouped bubbles sit closer together than groups do
    expect(shown[1]!.top - shown[0]!.bottom).toBeLessThanOrEqual(3);

    // what a screen reader reads: every message with its time
    const tree = await page.locator('tickki-chat .list').ariaSnapshot();
    for (const r of shown) expect(tree).toContain(`- listitem:\n    - text: "You: ${r.text}"\n    - time: ${r.time.replace(/\s/g, ' ')}`);

    // an agent's reply is a group of its own, with its time; one heading for the day
    const { id } = await conversation('v_quick');
    sb.control.reply(id, 'Sorry to hear that!');
    sb.control.reply(id, 'A new one ships today.');
    await sent(page, 7);
    shown = await rows(page);
    expect(shown.map((r) => r.shown)).toEqual([false, false, false, false, true, false, true]);
    expect(shown[5]!.top - shown[4]!.bottom).toBeGreaterThan(12);
    expect(await days(page)).toEqual(['Today']);
    await expect(page.getByRole('heading', { name: 'Today', level: 3 }).count()).resolves.toBe(1);
    expect(seen.violations).toEqual([]);
    expect(seen.errors).toEqual([]);
    await close();
  });

  it('a history over days: a date, "Yesterday" and "Today" headings, in the thread and after a reload; in French', async () => {
    const { page, seen, close } = await open('/days');
    try {
      // ten days ago
      sb.control.advanceClock(-10 * DAY);
      await sendText(page, 'Do you ship to Canada?');
      await sent(page, 1);
      const { id } = await conversation('v_days');
      sb.control.reply(id, 'We do, in 5 to 7 days.', 'Ana');
      await sent(page, 2);
      // yesterday
      sb.control.advanceClock(9 * DAY);
      for (const text of ['Hello again', 'My parcel is late', 'Tracking says Montreal']) await sendText(page, text);
      await sent(page, 5);
      sb.control.reply(id, 'Let me check with the carrier.', 'Ana');
      await sent(page, 6);
    } finally {
      sb.control.advanceClock(-(sb.control.state().clock_offset_ms as number));
    }
    // today
    const { id } = await conversation('v_days');
    sb.control.reply(id, 'Good news: it is out for delivery.', 'Ana');
    sb.control.reply(id, 'It should reach you this afternoon.', 'Ana');
    await sent(page, 8);
    await sendText(page, 'Thank you!');
    await sent(page, 9);

    const tenDaysAgo = new Date(Date.now() - 10 * DAY).toLocaleDateString('en-US', { dateStyle: 'medium', timeZone: 'UTC' });
    expect(await days(page)).toEqual([tenDaysAgo, 'Yesterday', 'Today']);
    const order = await page.evaluate(() => [...document.querySelector('tickki-chat')!.shadowRoot!.querySelectorAll('.list > li.day, .list > li[data-status]')].map((li) => li.querySelector('.bubble')?.textContent ?? `# ${li.textContent}`));
    expect(order).toEqual([
      `# ${tenDaysAgo}`,
      'Do you ship to Canada?',
      'We do, in 5 to 7 days.',
      '# Yesterday',
      'Hello again',
      'My parcel is late',
      'Tracking says Montreal',
      'Let me check with the carrier.',
      '# Today',
      'Good news: it is out for delivery.',
      'It should reach you this afternoon.',
      'Thank you!',
    ]);
    expect((await rows(page)).map((r) => r.shown)).toEqual([true, true, false, false, true, true, false, true, true]);
    // the days are headings: a screen reader can jump from day to day
    for (const name of [tenDaysAgo, 'Yesterday', 'Today']) await expect(page.getByRole('heading', { name, level: 3 }).count()).resolves.toBe(1);

    // axe-core finds nothing serious or critical in the thread (headings in order, contrast of the separators)
    await page.addScriptTag({ url: '/axe.js' });
    const violations = await page.evaluate(async () => {
      const axe = (window as unknown as { axe: { run(context: unknown, options: unknown): Promise<{ violations: { id: string; impact: string }[] }> } }).axe;
      const result = await axe.run({ include: [['tickki-chat']] }, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21aa', 'best-practice'] } });
      return result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => v.id);
    });
    expect(violations).toEqual([]);

    // the same history loaded from the server
    await page.reload();
    await page.locator('tickki-chat .launcher').click();
    await sent(page, 9);
    expect(await days(page)).toEqual([tenDaysAgo, 'Yesterday', 'Today']);
    expect(seen.violations).toEqual([]);
    expect(seen.errors).toEqual([]);
    await close();

    const french = await open('/days-fr', { locale: 'fr-FR' });
    const fr = french.page;
    await sent(fr, 9);
    await untilPage(fr, async () => (await days(fr)).includes('Hier'), 'French headings');
    expect(await days(fr)).toEqual([new Date(Date.now() - 10 * DAY).toLocaleDateString('fr', { dateStyle: 'medium', timeZone: 'UTC' }), 'Hier', "Aujourd'hui"]);
    await french.close();
  }, 90_000); // nine messages over three days, axe-core, a reload, a second page

  it('screenshots: the grouped thread with day headings, 375 px and 1280 px, light and dark', async () => {
    for (const [name, viewport] of [
      ['narrow', { width: 375, height: 740 }],
      ['wide', { width: 1280, height: 800 }],
    ] as const) {
      for (const colorScheme of ['light', 'dark'] as const) {
        const { page, close } = await open(colorScheme === 'dark' ? '/days-dark' : '/days', { viewport, colorScheme, isMobile: name === 'narrow', hasTouch: name === 'narrow' });
        await sent(page, 9);
        await page.locator('tickki-chat textarea').blur();
        await page.waitForTimeout(300);
        await page.screenshot({ path: `${ARTIFACTS}thread-${name}-${colorScheme}.png` });
        // the oldest day's heading, scrolled to
        await page.evaluate(() => document.querySelector('tickki-chat')!.shadowRoot!.querySelector('.list')!.scrollTo(0, 0));
        await page.waitForTimeout(200);
        await page.screenshot({ path: `${ARTIFACTS}thread-${name}-${colorScheme}-top.png` });
        await close();
      }
    }
  }, 90_000); // four pages, each with the history of nine
});
