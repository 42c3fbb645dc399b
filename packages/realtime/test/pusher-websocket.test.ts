/// <reference lib="dom" />
/**
 * `@tickki/chat-realtime/pusher-websocket` as shipped (`dist/pusher-websocket.js`): pusher-js's own
 * sources with the websocket-only runtime. In Chromium, this package on it (pusher-js aliased to
 * it, as the README tells bundler users to do) against the sandbox: it connects, authorizes and
 * joins the private channel, receives `MessageCreated`, comes back after the server drops every
 * socket and after it refuses new ones for a while (Pusher 4100), and names what it leaves out
 * when that is reached.
 */
import { fileURLToPath } from 'node:url';
import { hasChromium, launchChromium, serveStatic, type StaticServer } from '@tickki/browser-harness';
import type { Browser, Page } from 'playwright-core';
import { rolldown } from 'rolldown';
import { sandbox, waitFor, type RunningSandbox } from '@tickki/testkit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

if (process.env.CI && !hasChromium) throw new Error('Chromium is not installed: apt-get install chromium');

interface Seen {
  states: string[];
  messages: string[];
  errors: string[];
  subscribed: boolean[];
}

/** The page's script: this package and the generated client, with `pusher-js` resolved to the shipped build. */
async function bundle(): Promise<string> {
  const build = await rolldown({
    input: fileURLToPath(new URL('pusher-websocket-page.js', import.meta.url)),
    platform: 'browser',
    logLevel: 'warn',
    resolve: { alias: { 'pusher-js': fileURLToPath(new URL('../dist/pusher-websocket.js', import.meta.url)) } },
  });
  const { output } = await build.generate({ format: 'esm', codeSplitting: false });
  await build.close();
  return output[0].code;
}

describe.runIf(hasChromium)('@tickki/chat-realtime/pusher-websocket (Chromium, against the sandbox)', () => {
  let sb: RunningSandbox;
  let pages: StaticServer;
  let browser: Browser;
  let page: Page;
  const errors: string[] = [];
  const seen = () => page.evaluate(() => (window as unknown as { seen: Seen }).seen);
  const until = async (check: (s: Seen) => boolean, what: string, timeoutMs = 15_000) => {
    const end = Date.now() + timeoutMs;
    while (!check(await seen())) {
      if (Date.now() > end) throw new Error(`timed out waiting for ${what}: ${JSON.stringify(await seen())}`);
      await page.waitForTimeout(50);
    }
  };

  beforeAll(async () => {
    sb = await sandbox();
    pages = await serveStatic({
      '/': ['text/html; charset=utf-8', '<!doctype html><title>realtime</title><script type="module" src="/page.js"></script>'],
      '/page.js': ['text/javascript', await bundle()],
    });
    browser = await launchChromium();
    page = await browser.newPage();
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(`${pages.origin}/?key=${sb.demoKey}&base=${encodeURIComponent(sb.origin)}`);
    await page.waitForFunction(() => 'conversationId' in window);
  });
  afterAll(async () => {
    await browser?.close();
    await pages?.close();
    await sb?.close();
  });

  it('carries the websocket transport alone', async () => {
    expect(await page.evaluate(() => Object.keys((window as unknown as { Pusher: { Runtime: { Transports: object } } }).Pusher.Runtime.Transports))).toEqual(['ws']);
  });

  it('connects, joins the private channel and receives a reply', async () => {
    await until((s) => s.subscribed.length === 1 && s.states.at(-1) === 'connected', 'connected and subscribed');
    const id = await page.evaluate(() => (window as unknown as { conversationId: number }).conversationId);
    sb.control.reply(id, 'Hello from the console', 'Ana');
    await until((s) => s.messages.includes('Hello from the console'), 'the reply');
  });

  it('comes back when the server drops every socket, and receives what is sent after', async () => {
    const id = await page.evaluate(() => (window as unknown as { conversationId: number }).conversationId);
    expect(sb.control.dropConnections()).toBeGreaterThan(0);
    await until((s) => s.subscribed.length === 2 && s.subscribed[1] === true && s.states.at(-1) === 'connected', 'resubscribed');
    sb.control.reply(id, 'After the drop', 'Ana');
    await until((s) => s.messages.includes('After the drop'), 'the reply after the drop');
  });

  it('retries while the server refuses new sockets (Pusher 4100) and joins again when it accepts', async () => {
    const id = await page.evaluate(() => (window as unknown as { conversationId: number }).conversationId);
    const refused = () => sb.control.faults().counters.connections_refused!;
    const refusedBefore = refused();
    sb.control.setFaults({ realtime: { refuseConnections: 'pusher' } });
    sb.control.dropConnections();
    await until((s) => s.states.at(-1) !== 'connected', 'leaves connected');
    await waitFor(() => refused() >= refusedBefore + 2, 'an attempt refused, and its retry too');
    expect((await seen()).subscribed).toHaveLength(2); // no subscription while refused
    sb.control.clearFaults();
    // the paced retries are seconds apart
    await until((s) => s.subscribed.length === 3 && s.states.at(-1) === 'connected', 'resubscribed after the refusals', 20_000);
    sb.control.reply(id, 'After the refusals', 'Ana');
    await until((s) => s.messages.includes('After the refusals'), 'the reply after the refusals');
  }, 90_000); // its waits add up past the default 60 s

  it('names what the build leaves out when it is reached', async () => {
    const messages = await page.evaluate(() => {
      type Client = { signin(): void; subscribe(name: string): unknown; disconnect(): void };
      const P = (window as unknown as { Pusher: new (key: string, options: object) => Client }).Pusher;
      const base = { cluster: 'x', wsHost: '127.0.0.1', enabledTransports: ['ws'] };
      const attempt = (run: () => unknown) => {
        try {
          run();
          return 'no error';
        } catch (e) {
          return (e as Error).message;
        }
      };
      const pusher = new P('key', base);
      pusher.disconnect();
      return [
        attempt(() => pusher.signin()),
        attempt(() => pusher.subscribe('presence-room')),
        attempt(() => pusher.subscribe('private-encrypted-room')),
        attempt(() => new P('key', { ...base, enableStats: true }).disconnect()),
        attempt(() => new P('key', { ...base, authorizer: () => ({ authorize() {} }) }).disconnect()),
      ];
    });
    expect(messages).toEqual([
      'pusher-js: user sign-in is not part of this build',
      'pusher-js: presence channels are not part of this build',
      // pusher-js's own refusal, before the build's (no `nacl` given)
      expect.stringContaining('Tried to subscribe to a private-encrypted- channel but no nacl implementation available'),
      'pusher-js: stats (`enableStats`) are not part of this build',
      'pusher-js: the deprecated `authorizer` option is not part of this build',
    ]);
    expect(errors).toEqual([]);
  });

  it('logs through Pusher.log and to the console with logToConsole, without links to pusher.com', async () => {
    const consoleLines: string[] = [];
    const onConsole = (m: { type(): string; text(): string }) => m.type() === 'warning' && consoleLines.push(m.text());
    page.on('console', onConsole);
    const lines = await page.evaluate(() => {
      type Channel = { trigger(event: string, data: unknown): unknown };
      const P = (window as unknown as { Pusher: { log?: (line: string) => void; logToConsole: boolean; new (key: string, options: object): { subscribe(name: string): Channel; disconnect(): void } } }).Pusher;
      const lines: string[] = [];
      const pusher = new P('key', { cluster: 'x', wsHost: '127.0.0.1', enabledTransports: ['ws'] });
      pusher.disconnect();
      const channel = pusher.subscribe('private-room');
      P.log = (line) => lines.push(line);
      channel.trigger('client-hello', {}); // before the subscription succeeded: a warning
      delete P.log;
      P.logToConsole = true;
      channel.trigger('client-hello', {});
      P.logToConsole = false;
      return lines;
    });
    page.off('console', onConsole);
    const warning = "Pusher : Client event triggered before channel 'subscription_succeeded' event . ";
    expect(lines).toEqual([warning]);
    expect(consoleLines).toEqual([warning]);
  });
});
