/**
 * The panel and the viewport, in Chromium on a strict-CSP host page: it fits with any
 * `--tickki-offset`, is full screen on short landscape screens, follows the visual viewport (the
 * on-screen keyboard) with `followViewport`, and `lockPageScroll` holds the page still behind it and
 * gives it back exactly. `followViewport` and `lockPageScroll` (src/app/full-screen.ts) are loaded into
 * the page as a script of their own and called on the element's frame, as the panel calls them.
 * Screenshots (keyboard up, landscape, offset 80 px; light and dark) are kept in `test/artifacts/`.
 */
import { mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { hasChromium, launchChromium } from '@tickki/browser-harness';
import type { Browser, BrowserContextOptions, Page } from 'playwright-core';
import { rolldown } from 'rolldown';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sandbox, waitFor, type RunningSandbox } from './helpers.js';
import { bubbles, hostPage, sendText as send, untilPage as until, watchPage, widgetPages } from './page.js';

if (process.env.CI && !hasChromium) throw new Error('Chromium is not installed: apt-get install chromium');

const ARTIFACTS = fileURLToPath(new URL('./artifacts/', import.meta.url));
const OFFSETS = [0, 40, 80, 160];

/** What the page sees of the panel: boxes of the panel, its header and composer, and the viewports. */
interface Layout {
  panel: DOMRect;
  head: DOMRect;
  composer: DOMRect;
  textarea: DOMRect;
  width: number;
  height: number;
  visual: { top: number; height: number };
}

type Viewport = import('../src/app/viewport.js').ViewportLike;
interface TestWindow {
  tkViewport: typeof import('../src/app/viewport.js') & typeof import('../src/app/full-screen.js');
  fakeViewport?: EventTarget & { height: number; offsetTop: number };
  stop?: () => void;
  unlocks?: (() => void)[];
}

describe.runIf(hasChromium)('the panel in the viewport (Chromium, strict CSP)', () => {
  let sb: RunningSandbox;
  let pages: Awaited<ReturnType<typeof widgetPages>>;
  let browser: Browser;

  beforeAll(async () => {
    mkdirSync(ARTIFACTS, { recursive: true });
    sb = await sandbox({ agent: { mode: 'off' }, config: { business: { name: 'Acme Support' }, presence: { agents_online: 2 } } });
    pages = await widgetPages(sb);
    const withCss = (path: string, css: string) => {
      pages.files[`${path}.css`] = ['text/css', css];
      pages.files[path] = ['text/html; charset=utf-8', hostPage(sb).replace('</head>', `<link rel="stylesheet" href="${path}.css"></head>`)];
    };
    // the page moves the launcher with the documented custom property
    for (const offset of OFFSETS) withCss(`/offset-${offset}`, `tickki-chat{--tickki-offset:${offset}px}`);
    // a long page that scrolls smoothly: giving its scroll back must still land exactly, at once
    withCss('/long', 'main{block-size:4000px}html{scroll-behavior:smooth}');
    // viewport.ts and full-screen.ts as the page's own script (same origin, so the strict CSP allows it)
    const modules = ['viewport', 'full-screen'].map((name) => fileURLToPath(new URL(`../src/app/${name}.ts`, import.meta.url)));
    const entry = '\0tk-viewport';
    const build = await rolldown({
      input: entry,
      platform: 'browser',
      logLevel: 'silent',
      plugins: [{ name: 'tk-viewport', resolveId: (id) => (id === entry ? id : null), load: (id) => (id === entry ? modules.map((m) => `export * from ${JSON.stringify(m)};`).join('\n') : null) }],
    });
    const { output } = await build.generate({ format: 'iife', name: 'tkViewport' });
    await build.close();
    pages.files['/viewport.js'] = ['text/javascript', output[0].code];
    // a logo in the header, to see it in the compact header of short screens
    pages.files['/mark.svg'] = ['image/svg+xml', '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 8 8"><rect width="8" height="8" fill="#0EA5E9"/><circle cx="4" cy="4" r="2" fill="#fff"/></svg>'];
    sb.control.patchConfig({ branding: { logo_url: `${pages.origin}/mark.svg` } });
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await pages?.close();
    await sb?.close();
  });

  const open = async (path: string, options: BrowserContextOptions) => {
    const context = await browser.newContext(options);
    const page = await context.newPage();
    const seen = await watchPage(page);
    await page.goto(pages.origin + path);
    await page.addScriptTag({ url: '/viewport.js' });
    await page.locator('tickki-chat .launcher').click();
    await page.locator('tickki-chat textarea').waitFor();
    await page.waitForFunction(() => !!document.querySelector('tickki-chat')?.shadowRoot?.querySelector('.presence'));
    return { context, page, errors: seen.errors, seen };
  };
  const mobile = (width: number, height: number): BrowserContextOptions => ({ viewport: { width, height }, isMobile: true, hasTouch: true });

  const layout = (page: Page): Promise<Layout> =>
    page.evaluate(() => {
      const root = document.querySelector('tickki-chat')!.shadowRoot!;
      const box = (selector: string) => root.querySelector(selector)!.getBoundingClientRect().toJSON() as DOMRect;
      return {
        panel: box('.panel'),
        head: box('.head'),
        composer: box('.composer'),
        textarea: box('.composer textarea'),
        width: innerWidth,
        height: innerHeight,
        visual: { top: visualViewport!.offsetTop, height: visualViewport!.height },
      };
    });
  /** The header and the composer are wholly inside the area from `top` to `bottom` (and the window's width). */
  const expectInside = (l: Layout, top = 0, bottom = l.height, what = '') => {
    for (const part of [l.head, l.composer]) {
      expect(part.top, `${what} top`).toBeGreaterThanOrEqual(top - 0.5);
      expect(part.bottom, `${what} bottom`).toBeLessThanOrEqual(bottom + 0.5);
      expect(part.left, `${what} left`).toBeGreaterThanOrEqual(-0.5);
      expect(part.right, `${what} right`).toBeLessThanOrEqual(l.width + 0.5);
      expect(part.height, `${what} height`).toBeGreaterThan(30);
    }
  };
  /** What the panel does when full screen and open: follow the viewport, keep the list at its bottom. */
  const follow = (page: Page) =>
    page.evaluate(() => {
      const w = window as unknown as TestWindow;
      const root = document.querySelector('tickki-chat')!.shadowRoot!;
      const stops = [w.tkViewport.followViewport(root.querySelector('.root')!), w.tkViewport.keepAtBottom(root.querySelector('.list')!)];
      w.stop = () => stops.forEach((stop) => stop());
    });
  /** The newest message's bottom and the list's: the newest is in view when the first is not below the second. */
  const newest = (page: Page) =>
    page.evaluate(() => {
      const root = document.querySelector('tickki-chat')!.shadowRoot!;
      return { bubble: root.querySelector('.list > li:last-child .bubble')!.getBoundingClientRect().bottom, list: root.querySelector('.list')!.getBoundingClientRect().bottom };
    });
  /** Two frames: whatever the last resize or scroll set off (resize observers) has run. */
  const frames = (page: Page) => page.evaluate(() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done))));
  /** A short conversation to look at: the visitor's question, the agent's reply, typing. */
  const converse = async (page: Page) => {
    await send(page, 'Hi! My order #1042 has not arrived yet. Tracking: https://track.example.com/1042');
    await until(page, async () => (await bubbles(page)).some((b) => b.status === 'sent'), 'sent');
    const visitor = await page.evaluate(() => localStorage.getItem(Object.keys(localStorage).find((k) => k.endsWith(':visitor'))!) ?? '');
    const id = (await waitFor(() => sb.control.conversations().find((c) => c.visitor_id === visitor), 'conversation')).id;
    sb.control.reply(id, 'Sorry about that! I can see it left our warehouse yesterday — it should arrive tomorrow.', 'Ana');
    await until(page, async () => (await bubbles(page)).length === 2, 'reply');
  };

  it('fits the viewport with any --tickki-offset (0, 40, 80, 160 px; 1280×800 floating, 375×667 full screen): header and composer fully visible', async () => {
    for (const [width, height] of [
      [1280, 800],
      [375, 667],
    ] as const) {
      for (const offset of OFFSETS) {
        const { context, page, errors } = await open(`/offset-${offset}`, width < 480 ? mobile(width, height) : { viewport: { width, height } });
        const l = await layout(page);
        expectInside(l, 0, height, `${width}×${height} offset ${offset}`);
        if (width > 480) {
          // floating: above the launcher, which sits `offset` from the corner, and still a usable size
          await page.mouse.move(0, 0); // the launcher grows under the pointer: measured once back at rest
          const atRest = () => page.locator('tickki-chat .launcher').evaluate((el) => !el.matches(':hover') && el.getAnimations().length === 0);
          await until(page, atRest, 'the launcher at rest', 5000);
          const launcher = await page.locator('tickki-chat .launcher').boundingBox();
          expect(launcher!.y + launcher!.height).toBeCloseTo(height - offset, 0);
          expect(l.panel.bottom).toBeLessThanOrEqual(launcher!.y);
          expect(l.panel.right).toBeCloseTo(width - offset, 0);
          expect(l.panel.height).toBeCloseTo(Math.min(640, height - offset - 92), 0); // all the room up to 20 px from the top
        } else {
          expect(l.panel).toMatchObject({ x: 0, y: 0, width, height });
        }
        expect(errors).toEqual([]);
        await context.close();
      }
    }
  }, 120_000);

  it('is full screen on a short landscape screen (844×390, and a 1280×480 window), not a floating panel', async () => {
    for (const [width, height, options] of [
      [844, 390, mobile(844, 390)],
      [1280, 480, { viewport: { width: 1280, height: 480 } }],
    ] as const) {
      const { context, page } = await open('/offset-80', options);
      const l = await layout(page);
      expect(l.panel).toMatchObject({ x: 0, y: 0, width, height });
      expectInside(l, 0, height, `${width}×${height}`);
      expect(await page.locator('tickki-chat .launcher').isVisible()).toBe(false); // the header's close button closes it
      await context.close();
    }
  });

  it('follows the viewport when the keyboard shrinks it (375×667 → 375×367): the composer and the newest message stay visible, and it comes back', async () => {
    const { context, page } = await open('/', mobile(375, 667));
    await converse(page);
    await follow(page);
    await page.locator('tickki-chat textarea').focus();
    await page.setViewportSize({ width: 375, height: 367 });
    await page.waitForFunction(() => visualViewport!.height === 367);
    await frames(page); // the viewport's resize event, then the list's resize observer
    let l = await layout(page);
    expectInside(l, 0, 367, 'keyboard up');
    expect(l.panel).toMatchObject({ y: 0, height: 367 });
    const shown = await newest(page);
    expect(shown.bubble).toBeLessThanOrEqual(shown.list);
    expect(await page.evaluate(() => document.querySelector('tickki-chat')!.shadowRoot!.querySelector<HTMLElement>('.root')!.style.getPropertyValue('--tk-vvh'))).toBe('367px');
    await page.setViewportSize({ width: 375, height: 667 });
    await page.waitForFunction(() => visualViewport!.height === 667);
    await frames(page); // the viewport's resize event, which the panel follows, fires in the next frame
    l = await layout(page);
    expect(l.panel).toMatchObject({ y: 0, height: 667 });
    // stopping removes the properties: the panel falls back to 100dvh
    const left = await page.evaluate(() => {
      (window as unknown as TestWindow).stop!();
      return document.querySelector('tickki-chat')!.shadowRoot!.querySelector<HTMLElement>('.root')!.style.getPropertyValue('--tk-vvh');
    });
    expect(left).toBe('');
    await context.close();
  });

  it('follows the visual viewport when only it shrinks, as on iOS (the page keeps its size, the keyboard covers 300 px and the page is scrolled by 120 px)', async () => {
    const { context, page } = await open('/', mobile(375, 667));
    // the panel's own follower of the real viewport first (its chunk loads after the panel opens),
    // lest its first update overwrite the fake's
    await page.waitForFunction(() => document.querySelector('tickki-chat')!.shadowRoot!.querySelector<HTMLElement>('.root')!.style.getPropertyValue('--tk-vvh') !== '');
    await page.evaluate(() => {
      const w = window as unknown as TestWindow;
      const fake = Object.assign(new EventTarget(), { height: 667, offsetTop: 0 });
      w.fakeViewport = fake;
      w.stop = w.tkViewport.followViewport(document.querySelector('tickki-chat')!.shadowRoot!.querySelector('.root')!, fake as unknown as Viewport);
      Object.assign(fake, { height: 367, offsetTop: 120 });
      fake.dispatchEvent(new Event('resize'));
      fake.dispatchEvent(new Event('scroll'));
    });
    let l = await layout(page);
    expect(l.height).toBe(667); // the layout viewport did not change
    expectInside(l, 120, 487, 'visual viewport 120–487');
    expect(l.panel).toMatchObject({ y: 120, height: 367 });
    await page.evaluate(() => {
      const fake = (window as unknown as TestWindow).fakeViewport!;
      Object.assign(fake, { height: 667, offsetTop: 0 });
      fake.dispatchEvent(new Event('resize'));
    });
    l = await layout(page);
    expect(l.panel).toMatchObject({ y: 0, height: 667 });
    // once stopped, events change nothing
    await page.evaluate(() => {
      const w = window as unknown as TestWindow;
      w.stop!();
      Object.assign(w.fakeViewport!, { height: 200, offsetTop: 50 });
      w.fakeViewport!.dispatchEvent(new Event('resize'));
    });
    expect((await layout(page)).panel).toMatchObject({ y: 0, height: 667 });
    await context.close();
  });

  it("lockPageScroll locks the page's scroll and gives it back exactly, however many hold it", async () => {
    // a floating panel (1280×800), which does not lock the page itself: only this copy of the helper does
    const { context, page, seen } = await open('/long', { viewport: { width: 1280, height: 800 } });
    await page.keyboard.press('Escape');
    for (const styled of [false, true]) {
      await page.evaluate((styled) => {
        document.body.removeAttribute('style');
        if (styled) document.body.style.setProperty('position', 'relative'); // the page's own inline style, to keep
        scrollTo({ top: 1234, behavior: 'instant' });
      }, styled);
      const bodyStyle = await page.evaluate(() => document.body.getAttribute('style'));
      const mainTop = () => page.evaluate(() => document.querySelector('main')!.getBoundingClientRect().top);
      const before = await mainTop();
      await page.locator('tickki-chat .launcher').click();
      await page.evaluate(() => {
        const w = window as unknown as TestWindow;
        w.unlocks = [w.tkViewport.lockPageScroll(), w.tkViewport.lockPageScroll()]; // two holders
      });
      // the page stays where it was (give or take its first child's top margin, which no longer
      // collapses through the fixed body), hidden behind the panel
      const locked = await mainTop();
      expect(Math.abs(locked - before)).toBeLessThan(25);
      // the page cannot be scrolled, by the wheel or the touch of a finger past the panel's list, or a script
      await page.mouse.move(180, 300);
      await page.mouse.wheel(0, 800);
      await page.evaluate(() => scrollBy({ top: 500, behavior: 'instant' }));
      await page.waitForTimeout(200);
      expect(await mainTop()).toBe(locked);
      // the first holder lets go: still locked
      await page.evaluate(() => (window as unknown as TestWindow).unlocks![0]!());
      await page.evaluate(() => scrollBy({ top: 500, behavior: 'instant' }));
      expect(await mainTop()).toBe(locked);
      await page.locator('tickki-chat .head .icon[aria-label]').last().click(); // the header's close button
      await page.evaluate(() => {
        const w = window as unknown as TestWindow;
        w.unlocks![1]!();
        w.unlocks![1]!(); // twice does nothing more
        w.unlocks![0]!();
      });
      expect(await page.evaluate(() => scrollY)).toBe(1234);
      expect(await mainTop()).toBe(before);
      expect(await page.evaluate(() => [document.documentElement.getAttribute('style'), document.body.getAttribute('style')])).toEqual([null, bodyStyle]);
      // and the page scrolls again
      await page.evaluate(() => scrollBy({ top: 100, behavior: 'instant' }));
      expect(await page.evaluate(() => scrollY)).toBe(1334);
    }
    expect(seen).toEqual({ violations: [], errors: [] }); // the strict CSP let every change through
    await context.close();
  });

  it('the full-screen panel itself locks the page, follows the visual viewport and makes the page inert while open (844×390)', async () => {
    const { context, page, seen } = await open('/long', mobile(844, 390));
    await page.keyboard.press('Escape');
    await page.evaluate(() => scrollTo({ top: 700, behavior: 'instant' }));
    await page.locator('tickki-chat .launcher').click();
    await page.locator('tickki-chat .panel').waitFor();
    const opened = await page.evaluate(() => ({
      body: document.body.style.position,
      vvh: document.querySelector('tickki-chat')!.shadowRoot!.querySelector<HTMLElement>('.root')!.style.getPropertyValue('--tk-vvh'),
      inert: document.querySelector('main')!.closest('[inert]') !== null,
    }));
    expect(opened).toEqual({ body: 'fixed', vvh: '390px', inert: true });
    await page.keyboard.press('Escape');
    await page.locator('tickki-chat .panel').waitFor({ state: 'hidden' });
    const closed = await page.evaluate(() => ({ y: scrollY, style: document.body.getAttribute('style'), inert: document.querySelector('[inert]') !== null }));
    expect(closed).toEqual({ y: 700, style: null, inert: false });
    expect(seen).toEqual({ violations: [], errors: [] });
    await context.close();
  });

  it('screenshots: 375 px with the keyboard up, 844×390 landscape, offset 80 px at 1280×800; light and dark', async () => {
    for (const colorScheme of ['light', 'dark'] as const) {
      for (const [name, path, options] of [
        ['375x367-keyboard', '/', mobile(375, 667)],
        ['844x390-landscape', '/', mobile(844, 390)],
        ['1280x800-offset-80', '/offset-80', { viewport: { width: 1280, height: 800 } }],
      ] as const) {
        const { context, page } = await open(path, { ...options, colorScheme });
        await converse(page);
        await page.locator('tickki-chat textarea').fill('Great, thanks');
        await follow(page);
        if (name.includes('keyboard')) {
          await page.setViewportSize({ width: 375, height: 367 });
          await page.waitForFunction(() => visualViewport!.height === 367);
          await frames(page);
        }
        expectInside(await layout(page), 0, options.viewport!.height === 667 ? 367 : options.viewport!.height, name);
        await page.screenshot({ path: `${ARTIFACTS}viewport-${name}-${colorScheme}.png` });
        await context.close();
      }
    }
  }, 120_000);
});
