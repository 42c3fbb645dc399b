import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getAnalytics } from '../src/index.js';
import { chatFor, sandbox, serverIds, storeIds, unique, waitFor, type RunningSandbox } from './helpers.js';

let sb: RunningSandbox;
beforeAll(async () => {
  sb = await sandbox({ agent: { mode: 'echo', delay_ms: 50 } });
});
afterAll(() => sb.close());

describe('quickstart', () => {
  it('starts, sends, gets the echo once and the agent reply', async () => {
    const chat = chatFor(sb);
    const config = await chat.fetchConfig();
    expect(config.business.name).toBe('Northwind Outfitters');
    expect(config.limits.messageMaxLength).toBe(8000);
    const session = await chat.startSession({ visitorId: 'v_quick' });
    const states: string[] = [];
    session.on('connection', (c) => states.push(c.to));
    await session.ready;
    expect(session.connectionState).toBe('connected');
    await waitFor(() => session.syncState.status === 'synced', 'the gap fill after subscribing');

    const sent = await session.send('Hello!');
    expect(sent).toMatchObject({ status: 'sent', content: 'Hello!', direction: 'inbound' });
    expect(typeof sent.id).toBe('number');
    const reply = await waitFor(() => session.messages.find((m) => m.content === 'Echo: Hello!'), 'the agent reply');
    expect(reply.isFromAgent).toBe(true);
    // the REST answer and the broadcast echo are one message
    await new Promise((r) => setTimeout(r, 100));
    expect(session.messages.filter((m) => m.content === 'Hello!')).toHaveLength(1);
    expect(storeIds(session)).toEqual(serverIds(sb, session.conversationId));
    expect(unique(storeIds(session))).toBe(true);
    chat.dispose();
    expect(session.connectionState).toBe('closed');
  });

  it('notifies subscribers with immutable snapshots, sends typing at most every 3 s, identifies', async () => {
    const chat = chatFor(sb);
    const session = await chat.startSession({ visitorId: 'v_snap' });
    await session.ready;
    const snapshots: (readonly unknown[])[] = [];
    session.subscribe((s) => snapshots.push(s));
    const before = sb.control.requests().filter((r) => r.operation === 'sendTyping').length;
    for (let i = 0; i < 20; i++) session.typing();
    await session.send('one');
    await waitFor(() => session.messages.length >= 2, 'echo');
    expect(sb.control.requests().filter((r) => r.operation === 'sendTyping').length - before).toBe(1);
    expect(snapshots.length).toBeGreaterThan(0);
    expect(Object.isFrozen(snapshots.at(-1))).toBe(true);
    expect(snapshots[0]).not.toBe(snapshots.at(-1));
    const contact = await session.identify({ name: 'Ada', email: 'ada@example.com' });
    expect(contact).toMatchObject({ name: 'Ada', email: 'ada@example.com' });
    expect(session.contact).toEqual(contact);
    chat.dispose();
  });

  it('counts characters as the server does: 8000 emoji are 8000 characters (16,000 UTF-16 units)', async () => {
    const chat = chatFor(sb);
    const session = await chat.startSession({ visitorId: 'v_emoji' });
    await session.ready;
    const text = '😀'.repeat(8000);
    expect(text.length).toBe(16_000);
    expect(await session.send(text)).toMatchObject({ status: 'sent', content: text });
    expect(sb.control.messages(session.conversationId).map((m) => m.content)).toEqual([text]);
    chat.dispose();
  });

  it('refuses an empty or too long message before sending anything', async () => {
    const chat = chatFor(sb);
    const session = await chat.startSession({ visitorId: 'v_refuse' });
    await session.ready;
    await expect(session.send('   ')).rejects.toMatchObject({ code: 'empty_message' });
    await expect(session.send('x'.repeat(8001))).rejects.toMatchObject({ code: 'message_too_long' });
    await expect(session.send('😀'.repeat(8001))).rejects.toMatchObject({ code: 'message_too_long' });
    expect(session.messages).toHaveLength(0);
    chat.dispose();
    await expect(session.send('late')).rejects.toMatchObject({ code: 'disposed' });
  });

  it('uploads an attachment with progress, and refuses too large files or disabled uploads up front', async () => {
    const chat = chatFor(sb);
    const session = await chat.startSession({ visitorId: 'v_upload' });
    await session.ready;
    const progress: number[] = [];
    const file = new File([new Uint8Array(2048)], 'receipt.pdf', { type: 'application/pdf' });
    const attachment = await session.uploadAttachment(file, { onProgress: (p) => progress.push(p) });
    expect(attachment).toMatchObject({ fileName: 'receipt.pdf', mimeType: 'application/pdf', fileSize: 2048 });
    expect(progress).toEqual([0, 1]);
    await waitFor(() => session.messages.find((m) => m.type === 'attachment'), 'the attachment message');

    const uploads = () => sb.control.requests().filter((r) => r.operation === 'uploadAttachment').length;
    const before = uploads();
    const big = new Blob([new Uint8Array(5120 * 1024 + 1)]);
    await expect(session.uploadAttachment(big)).rejects.toMatchObject({ code: 'file_too_large' });
    sb.control.patchConfig({ features: { file_uploads: false } });
    try {
      await chat.fetchConfig({ force: true });
      await expect(session.uploadAttachment(file)).rejects.toMatchObject({ code: 'feature_disabled' });
    } finally {
      sb.control.patchConfig({ features: { file_uploads: true } });
    }
    expect(uploads()).toBe(before);
    chat.dispose();
  });

  it('walks older history by cursor', async () => {
    const chat = chatFor(sb);
    const session = await chat.startSession({ visitorId: 'v_history' });
    await session.ready;
    for (let i = 0; i < 120; i++) sb.control.reply(session.conversationId, `old ${i}`);
    chat.dispose();
    const again = chatFor(sb);
    const resumed = await again.startSession({ visitorId: 'v_history' });
    await resumed.ready;
    expect(resumed.messages).toHaveLength(50);
    expect(await resumed.loadOlder()).toBe(true);
    expect(resumed.messages).toHaveLength(100);
    // the fill after `subscribed` reads the 100 newest too: the next page is the one before them
    await waitFor(() => resumed.syncState.status === 'synced', 'synced');
    expect(await resumed.loadOlder()).toBe(false);
    expect(resumed.messages).toHaveLength(120);
    expect(resumed.hasOlder).toBe(false);
    expect(storeIds(resumed)).toEqual(serverIds(sb, resumed.conversationId));
    again.dispose();
  });

  it('batches analytics to the events endpoint', async () => {
    const chat = chatFor(sb);
    const analytics = getAnalytics(chat);
    analytics.screen('Checkout', 'https://shop.example/checkout'); // before the visitor is known: held
    await chat.startSession({ visitorId: 'v_events' });
    expect(getAnalytics(chat)).toBe(analytics); // one per chat
    analytics.tap('Contact support', { elementType: 'button' });
    await analytics.flush();
    const events = sb.control.events({ visitor_id: 'v_events' });
    expect(events.map((e) => e.event.type)).toEqual(['screen_view', 'tap']);
    analytics.track('goodbye'); // queued (under 20, before 5 s): dispose sends it
    chat.dispose();
    await waitFor(() => sb.control.events({ visitor_id: 'v_events' }).length === 3, 'the last batch, sent by dispose()');
    expect(analytics.queued).toBe(0);
  });
});
