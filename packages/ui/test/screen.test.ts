/**
 * The screen model against a real sandbox, along the paths real pages and apps take: a reload, a
 * second tab, a changed key or visitor, a login during a start, a revoked key, a sign-out.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ChatScreen } from '../src/index.js';
import { sandbox, screenFor, screenOptions, sessionStarts, sharedStorage, sleep, waitFor, type RunningSandbox } from './helpers.js';

let sb: RunningSandbox;
let screens: ChatScreen[] = [];
beforeEach(async () => {
  sb = await sandbox();
});
afterEach(async () => {
  for (const s of screens) s.dispose();
  screens = [];
  await sb.close();
});

const open = async (...args: Parameters<typeof screenFor>) => {
  const screen = await screenFor(...args);
  screens.push(screen);
  return screen;
};
const ready = (screen: ChatScreen) => waitFor(() => screen.state.view.status === 'ready', 'the session ready');
const sockets = () => sb.control.realtimeStats().connections;
/**
 * One socket, and it stays one: the sandbox drops a replaced socket only once its close handshake
 * lands (a while on a busy machine), so first wait for the one, then check that no other comes.
 */
const oneSocket = async (holdMs = 100) => {
  await waitFor(() => sockets() === 1, 'one socket (the replaced one closed)');
  await sleep(holdMs);
  expect(sockets()).toBe(1);
};

describe('unread', () => {
  it('a reply that came after the first visit is still unread on the next page (it was saved as unseen)', async () => {
    const device = sharedStorage();
    const first = await open(sb, device.tab());
    first.setOpen(true);
    await ready(first);
    await first.send('Where is my order?');
    first.setOpen(false);
    sb.control.reply(first.state.view.session!.conversationId, 'It ships today.');
    await waitFor(() => first.state.unread === 1, 'the badge on the first page');
    first.dispose();

    const next = await open(sb, device.tab()); // the next page load
    expect(next.state.unread).toBe(1); // the kept count, before anything loads
    await ready(next);
    await sleep(50);
    expect(next.state.unread).toBe(1);
  });

  it('tabs agree: a reply read in one tab is read in the other', async () => {
    const device = sharedStorage();
    const a = await open(sb, device.tab());
    a.setOpen(true);
    await ready(a);
    await a.send('hello');
    const b = await open(sb, device.tab()); // a second tab, closed: it starts for the unread count
    await ready(b);
    a.setOpen(false);
    sb.control.reply(a.state.view.session!.conversationId, 'Hi!');
    await waitFor(() => a.state.unread === 1 && b.state.unread === 1, 'both tabs count the reply');
    b.setOpen(true); // read in tab B
    await waitFor(() => a.state.unread === 0, 'tab A hears that it was read');
    expect(b.state.unread).toBe(0);
  });
});

describe('live changes', () => {
  it('a new publishable key or base URL replaces the chat: the old one is disposed, the new one starts, state keyed by the new key', async () => {
    sb.control.addKey({ key: 'pk_test_second_business' });
    const device = sharedStorage();
    const screen = await open(sb, device.tab());
    screen.setOpen(true);
    await ready(screen);
    const firstConversation = screen.state.view.session!.conversationId;
    screen.update({ publishableKey: 'pk_test_second_business' });
    await waitFor(() => screen.state.view.status === 'ready' && screen.state.view.session!.conversationId !== firstConversation, 'the new chat');
    await oneSocket();
    expect([...device.data.keys()].some((k) => k === 'tickki-widget:pk_test_second_business')).toBe(true);
    expect(await screen.send('to the second business')).toBe(true);
    await waitFor(() => sb.control.messages(screen.state.view.session!.conversationId).length === 1, 'the message');
    expect(sb.control.messages(firstConversation)).toHaveLength(0);
  });

  it('a new key while the screen still boots: the superseded boot stops, only the new chat starts', async () => {
    sb.control.addKey({ key: 'pk_test_second_business' });
    const device = sharedStorage();
    const screen = new ChatScreen(screenOptions(sb, device.tab()));
    screens.push(screen);
    const boot = screen.boot();
    screen.setOpen(true);
    screen.update({ publishableKey: 'pk_test_second_business' }); // before the first boot read anything
    await boot;
    await ready(screen);
    await oneSocket(200); // and the superseded boot had time to start another
    expect(sessionStarts(sb)).toBe(1);
    expect([...device.data.keys()].filter((k) => k.startsWith(`tickki-widget:${sb.demoKey}`))).toEqual([]); // nothing kept for the first key
  });

  it('a new visitor id (a login) moves the chat to that visitor: their messages land in their conversation', async () => {
    const device = sharedStorage();
    const screen = await open(sb, device.tab());
    screen.setOpen(true);
    await ready(screen);
    const anonymous = screen.state.view.session!.conversationId;
    screen.update({ visitorId: 'user_42' });
    await waitFor(() => screen.state.view.status === 'ready' && screen.state.view.session!.visitorId === 'user_42', "the user's session");
    await screen.send('logged in now');
    const mine = screen.state.view.session!.conversationId;
    expect(mine).not.toBe(anonymous);
    await waitFor(() => sb.control.messages(mine).length === 1, 'the message');
    expect(sb.control.messages(anonymous)).toHaveLength(0);
    await oneSocket();
  });

  it('a visitor id that changes while a start is in flight ends on the newer session, live, with one socket', async () => {
    const device = sharedStorage();
    sb.control.setFaults({ http: { latency_ms: 300, operations: ['startSession'] } });
    const screen = await open(sb, device.tab(), { visitorId: 'anonymous_1' });
    screen.setOpen(true);
    await sleep(50); // the first start is on its way
    sb.control.setFaults({ http: { latency_ms: 0 } });
    screen.update({ visitorId: 'user_7' });
    await waitFor(() => screen.state.view.status === 'ready' && screen.state.view.session!.visitorId === 'user_7', 'the newer session');
    // the slower start has come back (the sandbox logs a request once answered) and its answer was
    // dropped: still the newer session, with one socket
    await waitFor(() => sessionStarts(sb) >= 2, 'the slower start answered');
    await oneSocket();
    expect(screen.state.view.session!.visitorId).toBe('user_7');
    expect(await screen.send('still here')).toBe(true);
    expect(sockets()).toBe(1);
  });

  it('identify() during a session start is not lost: the server has the contact', async () => {
    const device = sharedStorage();
    sb.control.setFaults({ http: { latency_ms: 200, operations: ['startSession'] } });
    const screen = await open(sb, device.tab());
    screen.setOpen(true);
    await sleep(20);
    const contact = await screen.identify({ name: 'Dana', email: 'dana@example.com' });
    expect(contact).toMatchObject({ name: 'Dana', email: 'dana@example.com' });
    const [conversation] = sb.control.conversations();
    expect(conversation!.contact).toMatchObject({ name: 'Dana', email: 'dana@example.com' });
  });
});

describe('events and presence', () => {
  it('`message` fires once per message that is sent or received, never for a failed send, and for a retry once it is sent', async () => {
    const screen = await open(sb, sharedStorage().tab());
    screen.setOpen(true);
    await ready(screen);
    const heard: string[] = [];
    screen.on('message', (m) => heard.push(`${m.isFromAgent ? 'agent' : 'visitor'}: ${m.content}`));
    sb.control.setFaults({ http: { error_rate: 1, operations: ['sendMessage'] } });
    const failed = (await screen.state.view.session!.send('first try'))!;
    expect(failed.status).toBe('failed');
    await sleep(50);
    expect(heard).toEqual([]);
    sb.control.clearFaults();
    screen.retry(failed.clientId!);
    await waitFor(() => heard.length === 1, 'the retried message');
    sb.control.reply(screen.state.view.session!.conversationId, 'Got it');
    await waitFor(() => heard.length === 2, 'the reply');
    await sleep(100);
    expect(heard).toEqual(['visitor: first try', 'agent: Got it']);
  });

  it('`message` fires for a text sent while the session was still starting, and for the reply that came before it was ready', async () => {
    const agent = await sandbox({ agent: { mode: 'echo', delay_ms: 0, typing: false } });
    try {
      agent.control.setFaults({ http: { latency_ms: 300, operations: ['listMessages'] } }); // history is slow: ready comes late
      const screen = await open(agent, sharedStorage().tab());
      const heard: string[] = [];
      screen.on('message', (m) => heard.push(m.content));
      screen.setOpen(true);
      await waitFor(() => screen.state.view.session, 'a session, not ready yet');
      expect(screen.state.view.status).toBe('starting');
      await screen.send('sent while starting');
      await ready(screen);
      await waitFor(() => heard.length === 2, 'both messages');
      expect(heard).toEqual(['sent while starting', 'Echo: sent while starting']);
    } finally {
      await agent.close();
    }
  });

  it('agents online is refreshed while the chat is open and on screen, not while closed', async () => {
    const screen = await open(sb, sharedStorage().tab(), { presenceRefreshMs: 100 });
    screen.setOpen(true);
    await ready(screen);
    expect(screen.state.away).toBe(false);
    sb.control.patchConfig({ presence: { agents_online: 0 } });
    await waitFor(() => screen.state.away, 'away, while open');
    screen.setOpen(false);
    sb.control.patchConfig({ presence: { agents_online: 2 } });
    const configs = () => sb.control.requests().filter((r) => r.operation === 'getConfig').length;
    const before = configs();
    await sleep(350);
    expect(configs()).toBe(before);
    expect(screen.state.away).toBe(true);
  });
});

describe('pre-chat form', () => {
  it('asks for an email when identification is required (a name alone is not enough), then starts', async () => {
    sb.control.patchConfig({ identification: { required_on_start: true } });
    const screen = await open(sb, sharedStorage().tab());
    screen.setOpen(true);
    await waitFor(() => screen.state.configKnown, 'the config');
    expect(screen.state.needsForm).toBe(true);
    void screen.identify({ name: 'Ada' });
    await sleep(50);
    expect(screen.state.needsForm).toBe(true);
    expect(screen.state.view.status).toBe('idle');
    void screen.identify({ email: 'ada@example.com' });
    await ready(screen);
    expect(screen.state.needsForm).toBe(false);
    expect(sb.control.conversations()[0]!.contact).toMatchObject({ name: 'Ada', email: 'ada@example.com' });
  });
});

describe('start failures', () => {
  it('a permanent failure (a revoked key) is shown and not retried; restart() tries again', async () => {
    const device = sharedStorage();
    const screen = await open(sb, device.tab(), { publishableKey: 'pk_test_revoked' });
    screen.setOpen(true);
    await waitFor(() => screen.state.failed, 'the failure');
    expect(screen.state.failed!.code).toBe('invalid_api_key');
    expect(screen.state.banner).toBeUndefined(); // shown as failed, not as "retrying"

    const before = sessionStarts(sb);
    await sleep(3000); // longer than the first retry of a failure that may pass
    expect(sessionStarts(sb)).toBe(before);
    screen.restart();
    await waitFor(() => sessionStarts(sb) > before, 'the restart');
  });

  it('a failure that may pass is retried with backoff, with the banner saying so, until it starts', async () => {
    const device = sharedStorage();
    sb.control.setFaults({ http: { error_next: 4, operations: ['startSession'] } });
    const screen = await open(sb, device.tab());
    screen.setOpen(true);
    await waitFor(() => screen.state.banner === 'startFailed', 'the banner');
    await waitFor(() => screen.state.view.status === 'ready', 'the start, retried', 20_000);
    expect(screen.state.banner).toBeUndefined();
  }, 30_000);
});

describe('logout', () => {
  it('removes everything of the visitor from the device; the next person starts a new conversation', async () => {
    const device = sharedStorage();
    const screen = await open(sb, device.tab());
    screen.setOpen(true);
    await ready(screen);
    await screen.identify({ name: 'Ada', email: 'ada@example.com' });
    await screen.send('my private question');
    const before = screen.state.view.session!.conversationId;
    // the kept messages are written (a second after the send): logout has them to remove
    await waitFor(() => [...device.data].some(([k, v]) => k.endsWith(':messages') && v.includes('my private question')), 'the kept messages written');
    await screen.logout();
    const kept = [...device.data.entries()].filter(([k]) => !k.endsWith(':config'));
    expect(kept.map(([k, v]) => `${k}=${v}`).join('\n'), 'what is left').not.toMatch(/Ada|private question|"st_/);
    expect(screen.state.view.session).toBeUndefined();
    await waitFor(() => sockets() === 0, 'the socket closed');
    screen.setOpen(true);
    await ready(screen);
    expect(screen.state.view.session!.conversationId).not.toBe(before);
    expect(screen.state.view.messages).toEqual([]);
  });
});
