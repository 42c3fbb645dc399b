/**
 * What a visitor cannot see but relies on, in Chromium on a strict-CSP host page: hostile message
 * contents stay inert (from the visitor and from an agent), axe-core finds no serious or critical
 * violation inside the shadow root (light, dark, a light brand colour, right to left), the chat works
 * with the keyboard alone, the small-screen layout, and screenshots kept in `test/artifacts/`.
 */
import { mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { hasChromium, launchChromium } from '@tickki/browser-harness';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sandbox, waitFor, type RunningSandbox } from './helpers.js';
import { bubbles, sendText as send, untilPage as until, watchPage, widgetPages } from './page.js';

if (process.env.CI && !hasChromium) throw new Error('Chromium is not installed: apt-get install chromium');

const ARTIFACTS = fileURLToPath(new URL('./artifacts/', import.meta.url));

/** Message contents that must render as the text they are. */
const HOSTILE = [
  '<script>window.__pwned = "script"</script>',
  '<img src=x onerror="window.__pwned = \'img\'">',
  '<svg onload="window.__pwned = \'svg\'"></svg>',
  '<a href="javascript:window.__pwned = \'href\'">click me</a>',
  'javascript:window.__pwned="bare"',
  'JaVaScRiPt:window.__pwned="mixed"',
  'data:text/html,<script>window.__pwned="data"</script>',
  '"><iframe srcdoc="<script>parent.__pwned=1</script>"></iframe>',
  '<style>.panel{display:none!important}</style>',
  '<div style="position:fixed;inset:0;background:red;z-index:99">cover</div>',
  '</li></ol><button onclick="window.__pwned=1">x</button>',
  '[click](javascript:window.__pwned=1)',
  'https://example.com/?q="><script>window.__pwned=1</script>',
  'Invoice \u202Efdp.exe and \u2067nested\u2069 text',
  '{{constructor.constructor("window.__pwned=1")()}}',
];

/** The business's logo: a round mark with an initial. */
const LOGO_SVG = '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 64 64"><rect width="64" height="64" fill="#F59E0B"/><text x="32" y="44" font-family="Georgia,serif" font-size="36" font-weight="700" fill="#1F2937" text-anchor="middle">A</text></svg>';

describe.runIf(hasChromium)('safety, accessibility, layout (Chromium, strict CSP)', () => {
  let sb: RunningSandbox;
  let pages: Awaited<ReturnType<typeof widgetPages>>;
  let browser: Browser;

  beforeAll(async () => {
    mkdirSync(ARTIFACTS, { recursive: true });
    sb = await sandbox({ agent: { mode: 'off' }, config: { business: { name: 'Acme Support' }, presence: { agents_online: 2 } } });
    pages = await widgetPages(sb, {}, undefined, {
      '/fr-rtl': { locale: 'fr', dir: 'rtl', 'visitor-id': 'v_rtl' },
      '/light-brand': { 'primary-color': '#FDE68A', 'visitor-id': 'v_light' },
      '/dark': { theme: 'dark', 'visitor-id': 'v_dark' },
    });
    // a logo as a business would upload one, served from the page's origin
    pages.files['/logo.svg'] = ['image/svg+xml', LOGO_SVG];
    sb.control.patchConfig({ branding: { logo_url: `${pages.origin}/logo.svg` } });
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await pages?.close();
    await sb?.close();
  });

  const open = async (path = '/', options: Parameters<Browser['newContext']>[0] = {}) => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, ...options });
    const page = await context.newPage();
    const seen = await watchPage(page);
    await page.goto(pages.origin + path);
    await page.locator('tickki-chat .launcher').click();
    await page.locator('tickki-chat textarea').waitFor();
    await page.waitForFunction(() => !!document.querySelector('tickki-chat')?.shadowRoot?.querySelector('.presence'));
    return { context, page, seen };
  };
  const conversationOf = async (page: Page) => {
    const visitor = await page.evaluate(
      () => document.querySelector('tickki-chat')!.getAttribute('visitor-id') ?? localStorage.getItem(Object.keys(localStorage).find((k) => k.endsWith(':visitor'))!) ?? '',
    );
    return (await waitFor(() => sb.control.conversations().find((c) => c.visitor_id === visitor), 'conversation')).id;
  };
  const axe = async (page: Page) => {
    await page.addScriptTag({ url: '/axe.js' });
    return page.evaluate(async () => {
      const result = await (window as unknown as { axe: { run(context: unknown, options: unknown): Promise<{ violations: { id: string; impact: string; nodes: { target: unknown }[] }[]; passes: unknown[] }> } }).axe.run(
        { include: [['tickki-chat']] },
        { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'] } },
      );
      return { violations: result.violations.map((v) => ({ id: v.id, impact: v.impact, targets: v.nodes.map((n) => JSON.stringify(n.target)) })), passes: result.passes.length };
    });
  };
  const serious = (violations: { impact: string }[]) => violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');

  it('hostile contents from the visitor and from an agent render as inert text', async () => {
    const { context, page, seen } = await open();
    for (const text of HOSTILE) await send(page, text);
    await until(page, async () => (await bubbles(page)).filter((b) => b.status === 'sent').length === HOSTILE.length, 'visitor messages sent');
    const id = (await waitFor(() => sb.control.conversations()[0], 'conversation')).id;
    for (const text of HOSTILE) sb.control.reply(id, text, '<b onmouseover=alert(1)>Eve</b>');
    await until(page, async () => (await bubbles(page)).length === HOSTILE.length * 2, 'agent messages');
    await page.waitForTimeout(300);

    const shown = await bubbles(page);
    expect(shown.map((b) => b.text)).toEqual([...HOSTILE, ...HOSTILE]);
    const inspection = await page.evaluate(() => {
      const root = document.querySelector('tickki-chat')!.shadowRoot!;
      const panel = root.querySelector('.panel') as HTMLElement;
      return {
        pwned: (window as unknown as { __pwned?: unknown }).__pwned,
        dangerous: root.querySelectorAll('script, iframe, style, svg[onload], [onerror], [onclick], [onmouseover], [style*="position"]').length,
        strayButtons: [...root.querySelectorAll('.bubble button')].length,
        links: [...root.querySelectorAll('.bubble a')].map((a) => ({ href: a.getAttribute('href'), rel: a.getAttribute('rel'), target: a.getAttribute('target') })),
        panelVisible: getComputedStyle(panel).display !== 'none' && panel.getBoundingClientRect().height > 300,
        bubbleIsolation: [...new Set([...root.querySelectorAll('.bubble')].map((b) => getComputedStyle(b).unicodeBidi))],
        pageElements: document.body.querySelectorAll('*').length,
      };
    });
    expect(inspection.pwned).toBeUndefined();
    expect(inspection.dangerous).toBe(0);
    expect(inspection.strayButtons).toBe(0);
    expect(inspection.panelVisible).toBe(true);
    // a bidi override inside a message cannot reorder anything outside its bubble
    expect(inspection.bubbleIsolation).toEqual(['isolate']);
    expect(inspection.pageElements).toBe(5); // main, h1, p, script, tickki-chat: nothing leaked into the page
    expect(inspection.links.length).toBeGreaterThan(0);
    for (const link of inspection.links) {
      expect(link.href).toMatch(/^(https?:|mailto:)/);
      expect(link.rel).toBe('noopener noreferrer');
      expect(link.target).toBe('_blank');
    }
    expect(seen.violations).toEqual([]);
    expect(seen.errors).toEqual([]);
    await context.close();
  }, 90_000); // fifteen sends and fifteen replies

  it('axe-core: no serious or critical violation in the open panel, light and dark', async () => {
    for (const colorScheme of ['light', 'dark'] as const) {
      const { context, page } = await open('/', { colorScheme });
      await send(page, 'Do you ship to Canada? See https://example.com');
      await until(page, async () => (await bubbles(page)).some((b) => b.status === 'sent'), 'sent');
      sb.control.reply(await conversationOf(page), 'Yes, within 5 days.', 'Ana');
      await until(page, async () => (await bubbles(page)).length === 2, 'reply');
      const result = await axe(page);
      expect(serious(result.violations), `${colorScheme}: ${JSON.stringify(result.violations)}`).toEqual([]);
      expect(result.passes).toBeGreaterThan(10);
      await context.close();
    }
  }, 90_000); // two pages, each a chat and an axe-core run

  it('axe-core: a light custom brand colour gets dark text on it; French right to left', async () => {
    for (const path of ['/light-brand', '/fr-rtl', '/dark']) {
      const { context, page } = await open(path);
      await send(page, 'Bonjour');
      await until(page, async () => (await bubbles(page)).some((b) => b.status === 'sent'), 'sent');
      const result = await axe(page);
      expect(serious(result.violations), `${path}: ${JSON.stringify(result.violations)}`).toEqual([]);
      if (path === '/light-brand') {
        const colors = await page.locator('tickki-chat .me .bubble').evaluate((el) => [getComputedStyle(el).backgroundColor, getComputedStyle(el).color]);
        expect(colors).toEqual(['rgb(253, 230, 138)', 'rgb(17, 24, 39)']);
      }
      if (path === '/fr-rtl') {
        expect(await page.locator('tickki-chat textarea').getAttribute('placeholder')).toBe('Écrivez un message…');
        const side = await page.locator('tickki-chat .me').evaluate((el) => el.getBoundingClientRect().left - el.parentElement!.getBoundingClientRect().left);
        expect(side).toBeLessThan(40); // the visitor's messages sit on the left in RTL
      }
      await context.close();
    }
  }, 90_000); // three pages, each a chat and an axe-core run

  it('works with the keyboard alone: open, send, retry a failed message, close with Esc, focus back on the launcher', async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    const page = await context.newPage();
    await page.goto(pages.origin + '/');
    await page.locator('tickki-chat .launcher').waitFor();
    const focused = () => page.evaluate(() => {
      const el = document.activeElement?.shadowRoot?.activeElement;
      return el ? `${el.tagName.toLowerCase()}${el.className ? '.' + el.className : ''}:${el.getAttribute('aria-label') ?? el.textContent}` : document.activeElement?.tagName;
    });
    await page.keyboard.press('Tab');
    expect(await focused()).toBe('button.launcher:Open chat');
    await page.keyboard.press('Enter');
    await until(page, async () => (await focused()) === 'textarea:Write a message…', 'focus in the composer');
    await page.keyboard.type('Typed with the keyboard');
    await page.keyboard.press('Enter');
    await until(page, async () => (await bubbles(page)).some((b) => b.text === 'Typed with the keyboard' && b.status === 'sent'), 'sent');
    sb.control.setSuspended(true);
    await page.keyboard.type('This fails first');
    await page.keyboard.press('Enter');
    await until(page, async () => (await bubbles(page)).some((b) => b.status === 'failed'), 'failed');
    sb.control.setSuspended(false);
    // back from the composer (past the attach button and Discard) to Retry
    for (let i = 0; i < 4 && (await focused()) !== 'button.link:Retry'; i++) await page.keyboard.press('Shift+Tab');
    expect(await focused()).toBe('button.link:Retry');
    // the keyboard's focus ring shows on it (a button reset once took it off)
    const ring = await page.evaluate(() => getComputedStyle(document.activeElement!.shadowRoot!.activeElement!).outlineStyle);
    expect(ring).toBe('solid');
    await page.keyboard.press('Enter');
    await until(page, async () => (await bubbles(page)).some((b) => b.text === 'This fails first' && b.status === 'sent'), 'retried');
    await page.keyboard.press('Escape');
    expect(await page.locator('tickki-chat .panel').isHidden()).toBe(true);
    expect(await focused()).toBe('button.launcher:Open chat');
    expect(await page.locator('tickki-chat .launcher').getAttribute('aria-expanded')).toBe('false');
    await context.close();
  });

  it('full screen (375 px) the panel is a modal dialog: Tab and Shift+Tab wrap inside it, the page behind is inert until it closes; floating (1280 px) Tab may leave it', async () => {
    for (const width of [375, 1280]) {
      const { context, page } = await open('/', { viewport: { width, height: 740 } });
      // a focusable control of the host page after the widget, where an untrapped Tab would land
      await page.evaluate(() => document.body.insertAdjacentHTML('beforeend', '<a id="host-link" href="#x">Host link</a>'));
      const where = () =>
        page.evaluate(() => {
          const host = document.activeElement;
          const el = host?.shadowRoot?.activeElement;
          return host?.localName === 'tickki-chat' && el ? `${el.localName}:${el.getAttribute('aria-label') ?? el.textContent}` : `outside:${host?.id || host?.localName}`;
        });
      const panel = page.locator('tickki-chat .panel');
      await until(page, async () => (await where()) === 'textarea:Write a message…', 'focus in the composer');
      // the controls Tab visits, in order: from the composer forward until focus comes back or leaves
      const visited: string[] = [];
      for (let i = 0; i < 12; i++) {
        await page.keyboard.press('Tab');
        const at = await where();
        visited.push(at);
        if (at === 'textarea:Write a message…' || at.startsWith('outside:')) break;
      }
      // the page as it was when the panel opened is inert (the link added since is kept out by the Tab wrap)
      const inert = () => page.evaluate(() => ['main', 'tickki-chat'].map((s) => document.querySelector<HTMLElement>(s)!.inert));
      if (width < 480) {
        expect(await inert()).toEqual([true, false]);
        expect(visited.filter((v) => v.startsWith('outside:'))).toEqual([]);
        expect(await panel.getAttribute('aria-modal')).toBe('true');
        expect(visited.at(-1)).toBe('textarea:Write a message…'); // wrapped all the way round
        // after the panel's last control comes its first: Close chat
        const wrap = visited.indexOf('button:Close chat');
        expect(wrap).toBeGreaterThanOrEqual(0);
        const last = wrap > 0 ? visited[wrap - 1] : 'textarea:Write a message…';
        // Tab from the last control lands on the first; Shift+Tab from the first wraps back to the last
        await page.keyboard.press('Tab');
        expect(await where()).toBe('button:Close chat');
        await page.keyboard.press('Shift+Tab');
        expect(await where()).toBe(last);
        await page.keyboard.press('Tab');
        expect(await where()).toBe('button:Close chat');
        for (let i = 0; i < 10; i++) {
          await page.keyboard.press('Shift+Tab');
          expect((await where()).startsWith('outside:')).toBe(false);
        }
        await page.keyboard.press('Escape');
        expect(await panel.isHidden()).toBe(true);
        expect(await inert()).toEqual([false, false]);
      } else {
        expect(await inert()).toEqual([false, false]);
        expect(await panel.getAttribute('aria-modal')).toBeNull();
        expect(visited.at(-1)).toBe('outside:host-link'); // the visitor may go on using the page
      }
      await context.close();
    }
  });

  it('below 480 px the panel fills the screen, inputs do not zoom on iOS; screenshots at 375 and 1280 px, light and dark', async () => {
    for (const [width, height] of [
      [375, 740],
      [1280, 800],
    ] as const) {
      for (const colorScheme of ['light', 'dark'] as const) {
        const { context, page } = await open('/', { viewport: { width, height }, colorScheme, isMobile: width < 480, hasTouch: width < 480 });
        await send(page, 'Hi! My order #1042 has not arrived yet. Tracking: https://track.example.com/1042');
        await until(page, async () => (await bubbles(page)).some((b) => b.status === 'sent'), 'sent');
        const id = await conversationOf(page);
        sb.control.reply(id, 'Sorry about that! I can see it left our warehouse yesterday — it should arrive tomorrow.', 'Ana');
        await until(page, async () => (await bubbles(page)).length === 2, 'reply');
        sb.control.agentTyping(id, true, 'Ana');
        await until(page, async () => (await page.locator('tickki-chat .typing').textContent()) !== '', 'typing');
        await page.locator('tickki-chat textarea').fill('Great, thanks');
        if (width < 480) {
          const box = await page.locator('tickki-chat .panel').boundingBox();
          expect(box).toEqual({ x: 0, y: 0, width, height });
          expect(await page.locator('tickki-chat textarea').evaluate((el) => parseFloat(getComputedStyle(el).fontSize))).toBeGreaterThanOrEqual(16);
        }
        await page.screenshot({ path: `${ARTIFACTS}widget-${width}-${colorScheme}.png` });
        await context.close();
      }
    }
    // the closed launcher with an unread badge
    const { context, page } = await open('/', { viewport: { width: 1280, height: 800 } });
    await send(page, 'Anyone there?');
    await until(page, async () => (await bubbles(page)).some((b) => b.status === 'sent'), 'sent');
    await page.keyboard.press('Escape');
    sb.control.reply(await conversationOf(page), 'Yes! One moment.', 'Ana');
    await until(page, async () => (await page.locator('tickki-chat .badge').textContent()) === '1', 'badge');
    await page.screenshot({ path: `${ARTIFACTS}widget-1280-launcher-unread.png` });
    await context.close();
  }, 90_000); // five pages, each with a chat
});
