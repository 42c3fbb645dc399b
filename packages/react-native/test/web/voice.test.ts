/**
 * Voice notes and media through react-native-web in Chromium against the sandbox: a note recorded
 * with the app's recorder (here `MediaRecorder` on Chromium's fake microphone), uploaded and played
 * inline by the screen's web player; the agent's audio and picture. Screenshots at phone size,
 * light and dark, go to test/web/screenshots/ (not committed).
 */
import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromiumPath, hasChromium, serveStatic, type StaticServer } from '@tickki/browser-harness';
import { startSandbox, type Sandbox } from '../sandbox';
import { bundlePage } from './build';

const SHOTS = resolve(__dirname, 'screenshots');
const run = hasChromium ? describe : describe.skip;

run('voice notes and media in react-native-web (Chromium, fake microphone)', () => {
  let sb: Sandbox;
  let site: StaticServer;
  let browser: Browser;

  beforeAll(async () => {
    mkdirSync(SHOTS, { recursive: true });
    const js = await bundlePage();
    sb = await startSandbox(['--agent', 'echo', '--agent-delay', '200']);
    await sb.control('PATCH', '/config', { features: { file_uploads: true, voice_notes: true } });
    const html = `<!doctype html><html><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<title>Chat</title><style>html,body,#root{height:100%;margin:0}#root{display:flex}</style></head>
<body><div id="root"></div><script type="module" src="/app.js"></script></body></html>`;
    site = await serveStatic({ '/': ['text/html', html], '/app.js': ['text/javascript', js] });
    // the harness's flags, and a fake microphone that needs no prompt
    browser = await chromium.launch({
      executablePath: chromiumPath,
      headless: true,
      args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--no-first-run', '--disable-component-update', '--disable-sync', '--disable-quic', '--use-fake-device-for-media-stream', '--use-fake-ui-for-media-stream'],
    });
  });
  afterAll(async () => {
    await browser?.close();
    await site?.close();
    await sb?.close();
  });

  const open = async (visitor: string, colorScheme: 'light' | 'dark'): Promise<Page & { errors: string[] }> => {
    const context = await browser.newContext({ viewport: { width: 375, height: 812 }, deviceScaleFactor: 2, colorScheme, permissions: ['microphone'] });
    const page = Object.assign(await context.newPage(), { errors: [] as string[] });
    page.on('pageerror', (e) => page.errors.push(String(e)));
    // the notes play until paused (the web player makes an Audio per note): a note of 2-3 s may
    // otherwise end on a busy machine before the test presses its Pause
    await page.addInitScript(() => {
      const Native = window.Audio;
      window.Audio = Object.assign(function (src?: string) {
        const audio = new Native(src);
        audio.loop = true;
        return audio;
      }, { prototype: Native.prototype }) as unknown as typeof Audio;
    });
    await page.goto(`${site.origin}/?${new URLSearchParams({ key: sb.key, base: sb.origin, visitor, voice: '1', scheme: colorScheme })}`);
    await page.getByLabel('Write a message…').waitFor({ timeout: 15_000 });
    return page;
  };
  /** Waits until the sandbox has a subscriber on the visitor's private channel. */
  const subscribed = (visitor: string) => expect.poll(() => sb.subscribers(visitor), { timeout: 15_000, interval: 50 }).toBeGreaterThan(0);
  const send = async (page: Page, text: string) => {
    await page.getByLabel('Write a message…').fill(text);
    await page.getByRole('button', { name: 'Send', exact: true }).click();
  };

  for (const colorScheme of ['light', 'dark'] as const) {
    it(`records, sends and plays a note; the agent's picture and audio (${colorScheme})`, async () => {
      const visitor = `v_web_voice_${colorScheme}`;
      const page = await open(visitor, colorScheme);
      // subscribed before asking: the agent's attachments come with the broadcast
      await subscribed(visitor);
      await send(page, 'A photo of the lake?');
      const picture = page.getByRole('link', { name: 'Image: lakeside.png' });
      await picture.waitFor({ timeout: 15_000 });
      expect(await picture.getAttribute('href')).toMatch(new RegExp(`^${sb.origin}/attachments/\\d+/lakeside\\.png\\?`));
      expect(await picture.getAttribute('target')).toBe('_blank');
      await page.waitForFunction(() => [...document.images].some((img) => img.src.includes('lakeside.png') && img.complete && img.naturalWidth === 480));

      await send(page, 'And a voice note?');
      const theirs = page.getByRole('button', { name: 'Play' }).first();
      await theirs.waitFor({ timeout: 15_000 });
      await page.getByText('0:02').first().waitFor({ timeout: 15_000 });

      await page.getByRole('button', { name: 'Record a voice message' }).click();
      // at least 2 s recorded: "0:02" shows for a second only and Playwright's retries back off to
      // 500 ms, so the page is polled every frame for the time, and the seconds it showed are kept
      const recorded = Number(
        await (
          await page.waitForFunction(
            () => {
              const m = /Recording 0:(\d\d)/.exec(document.body.innerText);
              return m && Number(m[1]) >= 2 ? m[1] : false;
            },
            undefined,
            { timeout: 10_000 },
          )
        ).jsonValue(),
      );
      await page.screenshot({ path: resolve(SHOTS, `voice-recording-${colorScheme}-375.png`) });
      await page.getByRole('button', { name: 'Send voice message' }).click();

      const id = await sb.conversationId(visitor);
      const stored = async () => (await sb.control<{ data: { attachments?: { file_name: string; mime_type: string; file_size: number }[] }[] }>('GET', `/conversations/${id}/messages`)).data.flatMap((m) => m.attachments ?? []);
      for (let i = 0; i < 100 && !(await stored()).some((a) => a.mime_type === 'audio/webm'); i++) await page.waitForTimeout(100);
      const note = (await stored()).find((a) => a.mime_type === 'audio/webm')!;
      expect(note.file_name).toMatch(/^voice-\d{4}-\d\d-\d\d-\d{6}\.webm$/);
      expect(note.file_size).toBeGreaterThan(1000);

      // ours plays inline with the web player: its duration learnt, play toggles to pause (the list is
      // inverted: its DOM holds the newest first, ours before theirs)
      const plays = page.getByRole('button', { name: 'Play' });
      await page.waitForFunction(() => document.querySelectorAll('[aria-label="Play"]').length === 2, undefined, { timeout: 15_000 });
      // the time recorded (sent a moment after the page showed it)
      const times = page.getByText(/^0:\d\d$/);
      const time = (s: number) => `0:${String(s).padStart(2, '0')}`;
      await expect.poll(() => times.first().textContent(), { timeout: 15_000 }).toBeOneOf([time(recorded), time(recorded + 1)]);
      expect(await times.nth(1).textContent()).toBe('0:02'); // theirs
      // the agent's answer to the note lands below it and moves the list: a click meanwhile may miss
      await page.getByText(/^Got your file: voice-/).waitFor({ timeout: 15_000 });
      await plays.first().click();
      await page.getByRole('button', { name: 'Pause' }).waitFor();
      // one note at a time: playing theirs (the one Play left) pauses ours
      const buttons = () => page.evaluate(() => [...document.querySelectorAll('[aria-label="Play"], [aria-label="Pause"]')].map((b) => b.getAttribute('aria-label')));
      await theirs.click();
      await expect.poll(buttons, { timeout: 15_000 }).toEqual(['Play', 'Pause']); // ours, theirs
      await page.screenshot({ path: resolve(SHOTS, `voice-played-${colorScheme}-375.png`) });
      await page.getByRole('button', { name: 'Pause' }).click();
      await expect.poll(buttons, { timeout: 15_000 }).toEqual(['Play', 'Play']);
      expect(page.errors).toEqual([]);
      await page.context().close();
    });
  }
});
