/**
 * Issue 19, item 2, in Chromium on a strict-CSP page with the script-tag build: each language is a
 * chunk of its own that only a page showing it downloads (an English page none, a Japanese page the
 * Japanese one), Arabic lays the panel out right to left, plural forms follow the language's rules,
 * and a language chunk that cannot load leaves the panel in English, working. Screenshots of the
 * Japanese and the Arabic panel go to `test/artifacts/` (and `$SHOTS_DIR` when set).
 */
import { copyFileSync, mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { hasChromium, launchChromium } from '@tickki/browser-harness';
import { LANGUAGES } from '@tickki/chat-ui';
import { ar } from '@tickki/chat-ui/strings/ar';
import { en } from '@tickki/chat-ui/strings/en';
import { ja } from '@tickki/chat-ui/strings/ja';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sandbox, waitFor, type RunningSandbox } from './helpers.js';
import { bubbles, sendText, untilPage, watchPage, widgetPages } from './page.js';

if (process.env.CI && !hasChromium) throw new Error('Chromium is not installed: apt-get install chromium');

const ARTIFACTS = fileURLToPath(new URL('./artifacts/', import.meta.url));
/** `tickki-chat-ja-Bx1c.js` → `ja`, for the chunks of a language only (not, say, `tickki-chat-pre-chat-….js`). */
const language = (url: string) => {
  const name = /\/tickki-chat-([a-z]{2,3})-[\w-]+\.js$/.exec(url)?.[1];
  return name && (LANGUAGES as readonly string[]).includes(name) ? name : undefined;
};

describe.runIf(hasChromium)('languages (Chromium, script tag, strict CSP)', () => {
  let sb: RunningSandbox;
  let pages: Awaited<ReturnType<typeof widgetPages>>;
  let browser: Browser;

  beforeAll(async () => {
    mkdirSync(ARTIFACTS, { recursive: true });
    sb = await sandbox({ agent: { mode: 'off' }, config: { business: { name: 'Acme Support' }, presence: { agents_online: 2 } } });
    pages = await widgetPages(sb, {}, undefined, {
      '/ja': { locale: 'ja', 'visitor-id': 'v_ja' },
      '/ar': { locale: 'ar_EG', 'visitor-id': 'v_ar' },
      '/ru': { locale: 'ru', 'visitor-id': 'v_ru' },
      '/pl-missing': { locale: 'pl-PL', 'visitor-id': 'v_pl' },
    });
    // the chunks of every built-in language but English are there
    expect(Object.keys(pages.files).map(language).filter(Boolean).sort()).toEqual(LANGUAGES.filter((l) => l !== 'en').sort());
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await pages?.close();
    await sb?.close();
  });

  /** Opens the panel at `path`; `chunks` are the languages whose chunk the page requested. */
  const open = async (path: string, viewport = { width: 1280, height: 800 }) => {
    const context = await browser.newContext({ viewport, deviceScaleFactor: 2 });
    const page = await context.newPage();
    const seen = await watchPage(page);
    const chunks: string[] = [];
    /** The answers to those requests: `ja 200`, `pl 404`. */
    const answered: string[] = [];
    page.on('request', (request) => {
      const l = language(request.url());
      if (l) chunks.push(l);
    });
    page.on('response', (response) => {
      const l = language(response.url());
      if (l) answered.push(`${l} ${response.status()}`);
    });
    await page.goto(pages.origin + path);
    await page.locator('tickki-chat .launcher').click();
    await page.locator('tickki-chat textarea').waitFor();
    // the header's presence comes with the config (agents online, the length limit)
    await page.locator('tickki-chat .presence').waitFor();
    return { page, seen, chunks, answered, close: () => context.close() };
  };
  const placeholder = (page: Page) => page.locator('tickki-chat textarea').getAttribute('placeholder');
  const shot = async (page: Page, name: string) => {
    await page.waitForTimeout(400); // the panel's opening transition
    // the page, and the panel alone at twice the size
    const panel = await page.evaluate(() => {
      const { x, y, width, height } = document.querySelector('tickki-chat')!.shadowRoot!.querySelector('.panel')!.getBoundingClientRect();
      return { x, y, width, height };
    });
    for (const [file, clip] of [[name, undefined], [`${name}-panel`, panel]] as const) {
      await page.screenshot({ path: `${ARTIFACTS}${file}.png`, ...(clip && { clip }) });
      if (process.env.SHOTS_DIR) {
        mkdirSync(process.env.SHOTS_DIR, { recursive: true });
        copyFileSync(`${ARTIFACTS}${file}.png`, `${process.env.SHOTS_DIR}/${file}.png`);
      }
    }
  };
  /** The visitor (`visitor`) writes `text`, an agent (`agent`) replies `reply`: two bubbles. */
  const converse = async (page: Page, visitor: string, text: string, reply: string, agent: string) => {
    await sendText(page, text);
    const { id } = await waitFor(() => sb.control.conversations().find((c) => c.visitor_id === visitor), 'conversation');
    sb.control.reply(id, reply, agent);
    await untilPage(page, async () => (await bubbles(page)).length === 2, 'the reply');
  };
  /** How every page ends: the chunks of `languages` alone were requested, no CSP violation, no error; a screenshot named `name`. */
  const finish = async ({ page, seen, chunks, close }: Awaited<ReturnType<typeof open>>, languages: string[], name?: string) => {
    expect(chunks).toEqual(languages);
    expect(seen.violations).toEqual([]);
    expect(seen.errors).toEqual([]);
    if (name) await shot(page, name);
    await close();
  };

  it('an English page downloads no language', async () => {
    const opened = await open('/');
    expect(await placeholder(opened.page)).toBe(en.placeholder);
    await opened.page.waitForTimeout(300); // after the config (open waits for it), a moment for any chunk it would ask for
    await finish(opened, []);
  });

  it('Japanese: the Japanese chunk alone, the Japanese words', async () => {
    const opened = await open('/ja');
    const { page } = opened;
    await untilPage(page, async () => (await placeholder(page)) === ja.placeholder, 'the Japanese placeholder');
    const panel = () =>
      page.evaluate(() => {
        const root = document.querySelector('tickki-chat')!.shadowRoot!;
        return {
          send: root.querySelector('button.send')?.getAttribute('aria-label'),
          presence: root.querySelector('.presence')?.textContent,
          dir: getComputedStyle(root.querySelector('.panel')!).direction,
        };
      });
    // the words and the config come in either order: the panel as a whole once both are in
    const expected = { send: ja.send, presence: ja.online, dir: 'ltr' };
    await untilPage(page, async () => JSON.stringify(await panel()) === JSON.stringify(expected), 'the Japanese panel').catch(() => undefined); // the assertion says what differs
    expect(await panel()).toEqual(expected);
    await converse(page, 'v_ja', 'こんにちは、注文について質問があります。', 'お問い合わせありがとうございます。ご注文番号を教えていただけますか？', '佐藤');
    await finish(opened, ['ja'], 'languages-ja');
  });

  it('Arabic: the Arabic chunk alone, right to left', async () => {
    const opened = await open('/ar');
    const { page } = opened;
    await untilPage(page, async () => (await placeholder(page)) === ar.placeholder, 'the Arabic placeholder');
    await converse(page, 'v_ar', 'مرحبًا، لدي سؤال عن طلبي.', 'أهلًا بك! هل يمكنك إرسال رقم الطلب؟', 'سارة');
    const layout = await page.evaluate(() => {
      const root = document.querySelector('tickki-chat')!.shadowRoot!;
      const box = (selector: string) => root.querySelector(selector)!.getBoundingClientRect();
      const mine = box('.list > li.me .bubble');
      const theirs = box('.list > li:not(.me)[data-status] .bubble');
      const panel = box('.panel');
      return {
        dir: root.querySelector('[dir]')?.getAttribute('dir'),
        direction: getComputedStyle(root.querySelector('.panel')!).direction,
        // right to left: the visitor's own bubbles on the left, the agent's on the right
        mineLeft: mine.left - panel.left < panel.right - mine.right,
        theirsRight: panel.right - theirs.right < theirs.left - panel.left,
        // the close button at the header's left end
        closeLeft: box('.head button.icon').left - panel.left < panel.width / 2,
      };
    });
    expect(layout).toEqual({ dir: 'rtl', direction: 'rtl', mineLeft: true, theirsRight: true, closeLeft: true });
    await finish(opened, ['ar'], 'languages-ar');
  });

  it('Arabic on a phone: full screen, right to left, nothing wider than the screen', async () => {
    const opened = await open('/ar', { width: 375, height: 667 });
    const { page } = opened;
    await untilPage(page, async () => (await placeholder(page)) === ar.placeholder, 'the Arabic placeholder');
    await untilPage(page, async () => (await bubbles(page)).length === 2, 'the conversation');
    const overflow = await page.evaluate(() => {
      const root = document.querySelector('tickki-chat')!.shadowRoot!;
      return [...root.querySelectorAll('.panel *')].filter((el) => {
        const box = el.getBoundingClientRect();
        return box.width > 0 && (box.left < -1 || box.right > innerWidth + 1);
      }).length;
    });
    expect(overflow).toBe(0);
    await finish(opened, ['ar'], 'languages-ar-phone');
  });

  it('Japanese with no agent online: the first sentence of "away" in the header', async () => {
    sb.control.setAgentsOnline(0);
    try {
      const opened = await open('/ja');
      const away = opened.page.locator('tickki-chat .banner.away');
      await untilPage(opened.page, async () => (await away.count()) > 0 && (await away.textContent()) === ja.away, 'the Japanese away banner');
      expect(await opened.page.locator('tickki-chat .presence').textContent()).toBe('ただいま対応できません');
      await finish(opened, ['ja']);
    } finally {
      sb.control.setAgentsOnline(2);
    }
  });

  it('Russian plural forms in the characters-left counter', async () => {
    sb.control.patchConfig({ limits: { message_max_length: 30 } });
    try {
      const opened = await open('/ru');
      const { page } = opened;
      await untilPage(page, async () => (await placeholder(page)) !== en.placeholder, 'the Russian words');
      const count = page.locator('tickki-chat .count');
      // the count of this text, once the counter shows it (not the last text's)
      const left = async (n: number) => {
        await page.locator('tickki-chat textarea').fill('ж'.repeat(30 - n));
        await untilPage(page, async () => ((await count.count()) ? (await count.textContent())! : '').includes(` ${n} `), `the counter at ${n}`, 5000);
        return count.textContent();
      };
      expect([await left(1), await left(2), await left(0)]).toEqual(['Остался 1 символ', 'Осталось 2 символа', 'Осталось 0 символов']);
      await page.locator('tickki-chat textarea').fill('ж'.repeat(31));
      expect(await page.locator('tickki-chat .count.over').textContent()).toBe('Сообщение может содержать не более 30 символов.');
      await finish(opened, ['ru']);
    } finally {
      sb.control.patchConfig({ limits: { message_max_length: 8000 } });
    }
  });

  it('a language chunk that cannot load leaves the panel in English, and working', async () => {
    const name = Object.keys(pages.files).find((path) => language(path) === 'pl')!;
    const chunk = pages.files[name]!;
    delete pages.files[name]; // 404
    try {
      const opened = await open('/pl-missing');
      const { page } = opened;
      await untilPage(page, async () => opened.answered.includes('pl 404'), 'the Polish chunk refused');
      await page.waitForTimeout(300); // what a loaded chunk would change, it would have by now
      expect(await placeholder(page)).toBe(en.placeholder);
      await sendText(page, 'Hello from a page whose language did not load');
      await untilPage(page, async () => (await bubbles(page)).some((b) => b.status === 'sent'), 'sent');
      await finish(opened, ['pl']);
    } finally {
      pages.files[name] = chunk;
    }
  });
});
