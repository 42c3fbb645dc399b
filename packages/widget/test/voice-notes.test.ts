/**
 * Voice notes and media, in Chromium against the sandbox: recording with Chromium's fake microphone
 * (`--use-fake-device-for-media-stream`, and `--use-fake-ui-for-media-stream` for the permission
 * prompt), the timer, send and cancel, the size limit, a refused microphone, a browser without
 * `MediaRecorder`, the feature switched off; attachments playing inline (ours and the agent's) and
 * the agent's picture as a thumbnail. The recorder is a chunk of its own: nothing of it loads
 * before the visitor presses record. Screenshots at 375 px, light and dark, go to `/tmp/shots/`.
 */
import { mkdirSync } from 'node:fs';
import { chromiumPath, hasChromium } from '@tickki/browser-harness';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { STRICT_CSP, sandbox, waitFor, type RunningSandbox } from './helpers.js';
import { recordAttribute, recordTexts, sendText, untilPage, watchPage, widgetPages } from './page.js';

/** The strict CSP, and the sandbox's signed attachment URLs allowed as media (a site does the same for its Tickki host). */
const MEDIA_CSP = `${STRICT_CSP}; media-src 'self' http://127.0.0.1:*`;
const SHOTS = '/tmp/shots/';
const RECORD = 'button[aria-label="Record a voice message"]';

/** The harness's flags (`launchChromium`), plus what a test gives. */
const launch = (args: string[]): Promise<Browser> =>
  chromium.launch({
    executablePath: chromiumPath,
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--no-first-run', '--disable-component-update', '--disable-sync', '--disable-quic', ...args],
  });

describe.runIf(hasChromium)('voice notes and media (Chromium, fake microphone)', () => {
  let sb: RunningSandbox;
  let pages: Awaited<ReturnType<typeof widgetPages>>;
  let browser: Browser;
  let visitor = 0;

  beforeAll(async () => {
    sb = await sandbox({
      agent: { mode: 'echo', delay_ms: 150, name: 'Ana' },
      config: { business: { name: 'Acme Support' }, features: { file_uploads: true, voice_notes: true } },
    });
    pages = await widgetPages(sb, {}, MEDIA_CSP);
    // a fresh visitor per page: each test has a conversation of its own
    for (let i = 1; i <= 12; i++) pages.files[`/v${i}`] = ['text/html; charset=utf-8', pages.files['/']![1].toString().replace('data-base-url', `data-visitor-id="v_voice_${i}" data-base-url`)];
    browser = await launch(['--use-fake-device-for-media-stream', '--use-fake-ui-for-media-stream']);
    mkdirSync(SHOTS, { recursive: true });
  });
  afterAll(async () => {
    await browser?.close();
    await pages?.close();
    await sb?.close();
  });

  interface Opened {
    page: Page;
    context: BrowserContext;
    seen: { violations: string[]; errors: string[] };
    /** Every URL the page asked for. */
    requests: string[];
    visitorId: string;
    close(): Promise<void>;
  }

  /** A fresh visitor's page with the panel open; the microphone granted unless `grant` is false. */
  const open = async (
    options: { on?: Browser; grant?: boolean; init?: () => void; width?: number; colorScheme?: 'light' | 'dark'; waitRecord?: boolean } = {},
  ): Promise<Opened> => {
    const n = ++visitor;
    const context = await (options.on ?? browser).newContext({
      viewport: { width: options.width ?? 1280, height: options.width ? 740 : 800 },
      colorScheme: options.colorScheme ?? 'light',
      ...(options.grant === false ? {} : { permissions: ['microphone'] }),
    });
    const page = await context.newPage();
    const seen = await watchPage(page);
    const requests: string[] = [];
    page.on('request', (r) => requests.push(r.url()));
    // keep every microphone stream the page gets, to check it is released
    await page.addInitScript(() => {
      const w = window as unknown as { __streams: MediaStream[] };
      w.__streams = [];
      const get = navigator.mediaDevices?.getUserMedia?.bind(navigator.mediaDevices);
      if (get) navigator.mediaDevices.getUserMedia = async (c) => (w.__streams.push(await get(c)), w.__streams.at(-1)!);
    });
    if (options.init) await page.addInitScript(options.init);
    await page.goto(`${pages.origin}/v${n}`);
    await page.locator('tickki-chat .launcher').click();
    await page.locator('tickki-chat textarea').waitFor();
    if (options.waitRecord !== false) await page.locator(`tickki-chat ${RECORD}`).waitFor();
    return { page, context, seen, requests, visitorId: `v_voice_${n}`, close: () => context.close() };
  };

  const conversationOf = async (visitorId: string) => (await waitFor(() => sb.control.conversations().find((c) => c.visitor_id === visitorId), 'the conversation')).id;
  const liveTracks = (page: Page) =>
    page.evaluate(() => (window as unknown as { __streams: MediaStream[] }).__streams.flatMap((s) => s.getTracks()).filter((t) => t.readyState === 'live').length);
  const recorderChunks = (requests: string[]) => requests.filter((url) => /tickki-chat-recorder-[\w-]+\.js$/.test(url));
  const timerText = (page: Page) => page.locator('tickki-chat .rec .time').textContent();
  /** The seconds of "Recording 0:07" or "0:07" (NaN for anything else). */
  const seconds = (text: string | null | undefined) => {
    const [, m, s] = /(?:^|\s)(\d+):(\d\d)$/.exec(text ?? '') ?? [];
    return m === undefined ? NaN : Number(m) * 60 + Number(s);
  };
  /** Waits until the timer shows at least `n` seconds: polled, it may be past the exact second already. */
  const recording = (page: Page, n: number, what: string) => untilPage(page, async () => seconds(await timerText(page)) >= n, what);
  /** A note's length against the last time the recorder showed (recorded in the page): the same, give or take the second it stopped in. */
  const expectLength = (text: string | null | undefined, shown: string[]) => {
    const last = seconds(shown.at(-1));
    expect(last).toBeGreaterThanOrEqual(1);
    expect(Math.abs(seconds(text) - last), `${text} after the recorder showed ${shown.at(-1)}`).toBeLessThanOrEqual(1);
  };
  const clean = (o: Opened) => {
    expect(o.seen.violations).toEqual([]);
    expect(o.seen.errors).toEqual([]);
  };

  it('records with the fake microphone, shows the time, sends the note as an audio attachment that plays inline', async () => {
    const o = await open();
    const { page } = o;
    const record = page.locator(`tickki-chat ${RECORD}`);
    expect(await record.getAttribute('title')).toBe('Record a voice message');
    // the recorder is its own chunk, not asked for until the visitor presses record
    expect(recorderChunks(o.requests)).toEqual([]);
    const times = await recordTexts(page, '.rec .time'); // every second it shows, from the first
    await record.click();
    await page.locator('tickki-chat .rec').waitFor();
    expect(recorderChunks(o.requests)).toHaveLength(1);
    expect((await times())[0]).toBe('Recording 0:00');
    // the box gives way to the recorder; Send takes the focus once recording
    expect(await page.locator('tickki-chat textarea').count()).toBe(0);
    await recording(page, 1, 'the timer to reach 0:01');
    expect(await page.evaluate(() => document.querySelector('tickki-chat')!.shadowRoot!.activeElement?.getAttribute('aria-label'))).toBe('Send voice message');
    expect(await liveTracks(page)).toBe(1);
    await page.waitForTimeout(300);
    await page.locator('tickki-chat button[aria-label="Send voice message"]').click();

    // uploaded as an attachment message: WebM/Opus, named by the time, the microphone released
    const id = await conversationOf(o.visitorId);
    const stored = await waitFor(() => sb.control.messages(id).find((m) => m.type === 'attachment'), 'the voice note stored');
    const [attachment] = stored.attachments!;
    expect(attachment!.mime_type).toBe('audio/webm');
    expect(attachment!.file_name).toMatch(/^voice-\d{4}-\d\d-\d\d-\d{6}\.webm$/);
    expect(attachment!.file_size).toBeGreaterThan(1000);
    expect(await liveTracks(page)).toBe(0);
    await page.locator('tickki-chat textarea').waitFor();

    // in the visitor's bubble: a player with the duration (WebM from MediaRecorder carries none: read through once)
    const note = page.locator('tickki-chat .list li.me .audio');
    await note.waitFor();
    await untilPage(page, async () => /^Voice message \d+:\d\d$/.test((await note.getAttribute('aria-label')) ?? ''), 'the duration of the note');
    const shown = await times();
    expectLength(await note.getAttribute('aria-label'), shown);
    expectLength(await note.locator('.len').textContent(), shown);
    // its file name is not repeated as text under it
    expect(await page.locator('tickki-chat .list li.me .bubble').last().textContent()).toBe(await note.textContent());
    const play = note.locator('button.play');
    expect(await play.getAttribute('aria-label')).toBe('Play');
    // a second or two of "Pause": recorded in the page, a poll from here may miss it
    const labels = await recordAttribute(page, '.list li.me .audio button.play', 'aria-label');
    await play.click();
    // it plays to the end and is ready to play again, at its duration
    await untilPage(page, async () => (await labels()).length >= 3, 'the note to play and end');
    expect(await labels()).toEqual(['Play', 'Pause', 'Play']);
    expectLength(await note.locator('.len').textContent(), shown);
    clean(o);
    await o.close();
  }, 90_000); // a recording, its upload, and playing it through

  it('cancel throws the recording away: nothing uploaded, the microphone released; Escape cancels too and keeps the panel open', async () => {
    const o = await open();
    const { page } = o;
    await page.locator('tickki-chat textarea').fill('half a thought');
    await page.locator(`tickki-chat ${RECORD}`).click();
    await recording(page, 1, 'recording');
    expect(await liveTracks(page)).toBe(1);
    await page.locator('tickki-chat button[aria-label="Cancel recording"]').click();
    await page.locator('tickki-chat textarea').waitFor();
    // what the visitor had typed is still there; the focus is back on the record button (in a task after the composer returns)
    expect(await page.locator('tickki-chat textarea').inputValue()).toBe('half a thought');
    const focused = () => page.evaluate(() => document.querySelector('tickki-chat')!.shadowRoot!.activeElement?.getAttribute('aria-label'));
    await untilPage(page, async () => (await focused()) === 'Record a voice message', 'the focus back on the record button', 5000);
    expect(await liveTracks(page)).toBe(0);

    await page.locator(`tickki-chat ${RECORD}`).click();
    await untilPage(page, async () => (await liveTracks(page)) === 1, 'recording again');
    await page.keyboard.press('Escape');
    await page.locator('tickki-chat textarea').waitFor();
    expect(await page.locator('tickki-chat .panel').isVisible()).toBe(true);
    // released by the recorder's cleanup, a moment after the composer is back
    await untilPage(page, async () => (await liveTracks(page)) === 0, 'the microphone released after Escape');

    // closing the panel while recording stops it too
    await page.locator(`tickki-chat ${RECORD}`).click();
    await untilPage(page, async () => (await liveTracks(page)) === 1, 'recording once more');
    await page.evaluate(() => document.querySelector('tickki-chat')!.close());
    await untilPage(page, async () => (await liveTracks(page)) === 0, 'the microphone released when the panel closed');

    await page.waitForTimeout(300);
    const id = await conversationOf(o.visitorId);
    expect(sb.control.messages(id).filter((m) => m.type === 'attachment')).toEqual([]);
    expect(sb.control.requests().filter((r) => r.path === `/api/v1/chat/sessions/${id}/attachments`)).toEqual([]);
    clean(o);
    await o.close();
  });

  it('stops short of limits.max_upload_kb and still sends what it has', async () => {
    sb.control.patchConfig({ limits: { max_upload_kb: 12 } });
    try {
      const o = await open();
      const { page } = o;
      // the dot's class from the start: it pulses ('on') while recording, which may be over before a poll sees it
      const dot = await recordAttribute(page, '.rec i', 'class');
      await page.locator(`tickki-chat ${RECORD}`).click();
      // 32 kbit/s is 4 KB a second: 12 KB is full within about three seconds; the dot stops pulsing
      await recording(page, 1, 'recording');
      await untilPage(page, async () => (await page.locator('tickki-chat .rec i').getAttribute('class')) !== 'on', 'the recorder to stop at the limit', 10_000);
      expect((await dot()).map((c) => c === 'on')).toEqual([false, true, false]); // not started yet, recording, stopped
      expect(await liveTracks(page)).toBe(0);
      const stoppedAt = await timerText(page);
      await page.waitForTimeout(1200);
      expect(await timerText(page)).toBe(stoppedAt);
      await page.locator('tickki-chat button[aria-label="Send voice message"]').click();
      const id = await conversationOf(o.visitorId);
      const stored = await waitFor(() => sb.control.messages(id).find((m) => m.type === 'attachment'), 'the capped note stored');
      expect(stored.attachments![0]!.file_size).toBeLessThanOrEqual(12 * 1024);
      expect(await liveTracks(page)).toBe(0);
      clean(o);
      await o.close();
    } finally {
      sb.control.patchConfig({ limits: { max_upload_kb: 5120 } });
    }
  });

  it('says so when the microphone is refused', async () => {
    // without the fake prompt, and without the permission, Chromium refuses the microphone
    const strict = await launch(['--use-fake-device-for-media-stream']);
    try {
      const o = await open({ on: strict, grant: false });
      const { page } = o;
      await page.locator(`tickki-chat ${RECORD}`).click();
      const notice = page.locator('tickki-chat p.notice[role=alert]');
      await notice.waitFor();
      expect(await notice.textContent()).toBe("Microphone access was refused. Allow it in your browser's site settings to record.");
      expect(await page.locator('tickki-chat textarea').count()).toBe(1);
      expect(await page.locator('tickki-chat .rec').count()).toBe(0);
      // typing clears it
      await page.locator('tickki-chat textarea').fill('ok');
      await notice.waitFor({ state: 'detached' });
      clean(o);
      await o.close();
    } finally {
      await strict.close();
    }
  }, 90_000); // a second Chromium started

  it('says so in a browser without MediaRecorder', async () => {
    const o = await open({ init: () => void delete (window as { MediaRecorder?: unknown }).MediaRecorder });
    const { page } = o;
    await page.locator(`tickki-chat ${RECORD}`).click();
    const notice = page.locator('tickki-chat p.notice[role=alert]');
    await notice.waitFor();
    expect(await notice.textContent()).toBe("Voice messages can't be recorded in this browser.");
    expect(await liveTracks(page)).toBe(0);
    expect(await page.evaluate(() => (window as unknown as { __streams: unknown[] }).__streams.length)).toBe(0);
    clean(o);
    await o.close();
  });

  it('has no record button when the business has voice notes off (or file uploads off)', async () => {
    for (const features of [{ voice_notes: false }, { voice_notes: true, file_uploads: false }]) {
      sb.control.patchConfig({ features });
      try {
        const o = await open({ waitRecord: false });
        await untilPage(o.page, async () => (await o.page.locator('tickki-chat .presence').count()) === 1, 'the config');
        await o.page.waitForTimeout(300);
        expect(await o.page.locator(`tickki-chat ${RECORD}`).count()).toBe(0);
        expect(await o.page.locator('tickki-chat button[aria-label="Attach a file"]').count()).toBe(features.file_uploads === false ? 0 : 1);
        expect(recorderChunks(o.requests)).toEqual([]);
        clean(o);
        await o.close();
      } finally {
        sb.control.patchConfig({ features: { voice_notes: true, file_uploads: true } });
      }
    }
  });

  it("shows the agent's picture as a thumbnail that opens full size, and plays the agent's audio", async () => {
    const o = await open();
    const { page } = o;
    await sendText(page, 'Can I see a photo of the lake?');
    const thumb = page.locator('tickki-chat .list li:not(.me) .file img');
    await thumb.waitFor();
    expect(await thumb.getAttribute('alt')).toBe('Image: lakeside.png');
    await page.waitForFunction(() => (document.querySelector('tickki-chat')!.shadowRoot!.querySelector('.list li:not(.me) .file img') as HTMLImageElement).naturalWidth === 480);
    const box = (await thumb.boundingBox())!;
    expect(box.width).toBeLessThanOrEqual(220);
    expect(box.height).toBeLessThanOrEqual(180);
    const link = page.locator('tickki-chat .list li:not(.me) .file a');
    expect(await link.getAttribute('target')).toBe('_blank');
    expect(await link.getAttribute('rel')).toBe('noopener noreferrer');
    expect(await link.getAttribute('href')).toMatch(new RegExp(`^${sb.origin}/attachments/\\d+/lakeside\\.png\\?`));
    // the bubble shows the picture alone, not its file name again
    expect(await page.locator('tickki-chat .list li:not(.me) .bubble').last().textContent()).toBe('');

    await sendText(page, 'And a voice note?');
    const note = page.locator('tickki-chat .list li:not(.me) .audio');
    await note.waitFor();
    await untilPage(page, async () => (await note.getAttribute('aria-label')) === 'Voice message 0:02', 'the duration of the WAV');
    const play = note.locator('button.play');
    const labels = await recordAttribute(page, '.list li:not(.me) .audio button.play', 'aria-label'); // "Pause" lasts two seconds at most
    await play.click();
    await untilPage(page, async () => (await labels()).includes('Pause'), 'the agent audio to play');
    await untilPage(page, async () => /^0:0[12]$/.test((await note.locator('.len').textContent()) ?? ''), 'the time to move');
    await play.click();
    await untilPage(page, async () => (await play.getAttribute('aria-label')) === 'Play', 'paused');
    clean(o);
    await o.close();
  });

  it('falls back to a link when the page does not allow the attachment host as media (media-src)', async () => {
    const strict = await widgetPages(sb, { 'visitor-id': 'v_voice_csp' });
    const context = await browser.newContext({ permissions: ['microphone'] });
    const page = await context.newPage();
    const seen = await watchPage(page);
    await page.goto(strict.origin);
    await page.locator('tickki-chat .launcher').click();
    await page.locator('tickki-chat textarea').waitFor();
    await sendText(page, 'voice');
    // the same link shows first while the media chunk loads: wait for the player, refused, to give way to it
    const link = page.locator('tickki-chat .list li:not(.me) .file a[aria-label="Attachment: voice-note.wav"]');
    const players = page.locator('tickki-chat .list .audio');
    await untilPage(page, async () => seen.violations.length > 0 && (await link.count()) === 1 && (await players.count()) === 0, 'the link in place of the refused player');
    expect(seen.violations.every((v) => v.startsWith('media-src'))).toBe(true);
    await context.close();
    await strict.close();
  });

  it("the sandbox's playground: voice notes switched on there, a note recorded, the agent's picture and audio under its CSP", async () => {
    const context = await browser.newContext({ permissions: ['microphone'] });
    const page = await context.newPage();
    const seen = await watchPage(page);
    sb.control.patchConfig({ features: { voice_notes: false } });
    try {
      await page.goto(sb.origin + '/');
      // the widget has seen the config with voice notes off (and keeps it): the button reloads without it
      await page.locator('tickki-chat .launcher').click();
      await page.locator('tickki-chat textarea').waitFor();
      expect(await page.locator(`tickki-chat ${RECORD}`).count()).toBe(0);
      await Promise.all([page.waitForEvent('load'), page.locator('[data-fault=voice]').click()]);
      expect(sb.control.config().features.voice_notes).toBe(true);
      // the panel left open comes back open after the reload
      await page.locator(`tickki-chat ${RECORD}`).waitFor();
      await sendText(page, 'A photo, please');
      await page.waitForFunction(() => (document.querySelector('tickki-chat')!.shadowRoot!.querySelector('.list li:not(.me) .file img') as HTMLImageElement | null)?.naturalWidth === 480);
      await sendText(page, 'Can you send a voice note?');
      const play = page.locator('tickki-chat .list li:not(.me) .audio button.play');
      const labels = await recordAttribute(page, '.list li:not(.me) .audio button.play', 'aria-label'); // "Pause" lasts two seconds at most
      await play.click();
      await untilPage(page, async () => (await labels()).includes('Pause'), 'the agent audio to play');
      await page.locator(`tickki-chat ${RECORD}`).click();
      await recording(page, 1, 'recording on the playground');
      await page.locator('tickki-chat button[aria-label="Send voice message"]').click();
      await page.locator('tickki-chat .list li.me .audio').waitFor();
      expect(seen.violations).toEqual([]);
      expect(seen.errors).toEqual([]);
    } finally {
      sb.control.patchConfig({ features: { voice_notes: true } });
      await context.close();
    }
  }, 90_000); // a reload, two replies with media, a recording

  it('screenshots at 375 px, light and dark: a note being recorded, a note played, a thumbnail', async () => {
    for (const colorScheme of ['light', 'dark'] as const) {
      const o = await open({ width: 375, colorScheme });
      const { page } = o;
      await sendText(page, 'Here is the tent I mean, a photo please?');
      await page.locator('tickki-chat .list li:not(.me) .file img').waitFor();
      await page.waitForFunction(() => (document.querySelector('tickki-chat')!.shadowRoot!.querySelector('.list li:not(.me) .file img') as HTMLImageElement).complete);
      await sendText(page, 'Could you say it in a voice note?');
      await page.locator('tickki-chat .list li:not(.me) .audio').waitFor();
      const times = await recordTexts(page, '.rec .time');
      await page.locator(`tickki-chat ${RECORD}`).click();
      await recording(page, 2, 'two seconds recorded');
      await page.screenshot({ path: `${SHOTS}voice-recording-${colorScheme}.png` });
      await page.locator('tickki-chat button[aria-label="Send voice message"]').click();
      const mine = page.locator('tickki-chat .list li.me .audio');
      await mine.waitFor();
      await untilPage(page, async () => /^Voice message \d+:\d\d$/.test((await mine.getAttribute('aria-label')) ?? ''), 'the duration');
      expectLength(await mine.getAttribute('aria-label'), await times());
      expect(seconds(await mine.getAttribute('aria-label'))).toBeGreaterThanOrEqual(2);
      // the agent's audio half played, paused: the bar shows where it is
      const theirs = page.locator('tickki-chat .list li:not(.me) .audio button.play');
      await theirs.click();
      await page.waitForTimeout(1200);
      await theirs.click();
      await mine.locator('button.play').click();
      await page.waitForTimeout(700);
      await page.screenshot({ path: `${SHOTS}voice-played-${colorScheme}.png` });
      await mine.locator('button.play').click();
      await page.locator('tickki-chat .list li:not(.me) .file img').scrollIntoViewIfNeeded();
      await page.screenshot({ path: `${SHOTS}voice-thumbnail-${colorScheme}.png` });
      clean(o);
      await o.close();
    }
  }, 90_000); // two pages, each with two replies with media, a recording and playing
});
