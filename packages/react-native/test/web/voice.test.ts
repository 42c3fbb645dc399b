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
    await page.goto(`${site.origin}/?${new URLSearchParams({ key: sb.key, base: sb.origin, visitor, voice: '1', scheme: colorScheme })}`);
    await page.getByLabel('Write a message…').waitFor({ timeout: 15_000 });
    return page;
  };
  const send = async (page: Page, text: string) => {
    await page.getByLabel('Write a message…').fill(text);
    await page.getByRole('button', { name: 'Send', exact: true }).click();
  };

  for (const colorScheme of ['light', 'dark'] as const) {
    it(`records, sends and plays a note; the agent's picture and audio (${colorScheme})`, async () => {
      const visitor = `v_web_voice_${colorScheme}`;
      const page = await open(visitor, colorScheme);
      // subscribed before asking: the agent's attachments come with the broadcast
      await page.waitForTimeout(1500);
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
      await page.getByText('Recording 0:02').waitFor({ timeout: 10_000 });
      await page.screenshot({ path: resolve(SHOTS, `voice-recording-${colorScheme}-375.png`) });
      await page.getByRole('button', { name: 'Send voice message' }).click();

      const id = await sb.conversationId(visitor);
      const stored = async () => (await sb.control<{ data: { attachments?: { file_name: string; mime_type: string; file_size: number }[] }[] }>('GET', `/conversations/${id}/messages`)).data.flatMap((m) => m.attachments ?? []);
      for (let i = 0; i < 100 && !(await stored()).some((a) => a.mime_type === 'audio/webm'); i++) await page.waitForTimeout(100);
      const note = (await stored()).find((a) => a.mime_type === 'audio/webm')!;
      expect(note.file_name).toMatch(/^voice-\d{4}-\d\d-\d\d-\d{6}\.webm$/);
      expect(note.file_size).toBeGreaterThan(1000);

      // ours plays inline with the web player: its duration learnt, play toggles to pause
      const plays = page.getByRole('button', { name: 'Play' });
      await page.waitForFunction(() => document.querySelectorAll('[aria-label="Play"]').length === 2, undefined, { timeout: 15_000 });
      await page.getByText(/^0:0[23]$/).nth(1).waitFor({ timeout: 15_000 });
      await plays.last().click();
      await page.getByRole('button', { name: 'Pause' }).waitFor();
      await theirs.click();
      await page.waitForTimeout(900);
      await page.getByRole('button', { name: 'Pause' }).first().click();
      await page.screenshot({ path: resolve(SHOTS, `voice-played-${colorScheme}-375.png`) });
      expect(page.errors).toEqual([]);
      await page.context().close();
    });
  }
});
