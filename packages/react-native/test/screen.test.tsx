/**
 * The drop-in screen against a real sandbox (HTTP + Pusher-protocol websocket), rendered with React
 * Native's jest preset: native modules through React Native's and their packages' own jest mocks,
 * the network real (pusher-js's React Native build over Node's WebSocket).
 */
import { AccessibilityInfo } from 'react-native';
import { fireEvent, render, screen, waitFor } from '@testing-library/react-native';
import { TickkiChatScreen } from '../src/index';
import { agentSays, freshDevice, setNetwork, startSandbox, stored, typeAndSend, untilReady, untilSubscribed, type Sandbox } from './helpers';

let sb: Sandbox;
beforeAll(async () => void (sb = await startSandbox(['--agent', 'echo', '--agent-delay', '0'])));
afterAll(() => sb?.close());
beforeEach(async () => {
  await sb.control('POST', '/reset');
  await sb.control('PATCH', '/agent', { mode: 'off' });
  await freshDevice();
});

const until = { timeout: 15_000 };

it('shows the branding, welcome and presence from /chat/config', async () => {
  await sb.control('PATCH', '/config', { business: { name: 'Harbor Books' }, branding: { primary_color: '#0F766E', welcome_message: 'Ahoy! Ask us anything.' } });
  await render(<TickkiChatScreen publishableKey={sb.key} baseUrl={sb.origin} visitorId="v_brand" />);
  expect(await screen.findByText('Harbor Books', {}, until)).toBeTruthy();
  expect(screen.getByRole('header', { name: 'Harbor Books' })).toBeTruthy();
  expect(await screen.findByText('Ahoy! Ask us anything.')).toBeTruthy();
  expect(screen.getByText('We typically reply in a few minutes')).toBeTruthy();
  // the send button wears the brand color
  expect(screen.getByRole('button', { name: 'Send' })).toHaveStyle({ backgroundColor: '#0F766E' });
});

it('sends a message and shows the scripted reply', async () => {
  await sb.control('PATCH', '/agent', { mode: 'echo', delay_ms: 0 });
  await render(<TickkiChatScreen publishableKey={sb.key} baseUrl={sb.origin} visitorId="v_send" />);
  await untilReady();
  await typeAndSend('Where is my order?', fireEvent);
  expect(screen.getByLabelText('Write a message…').props.value).toBe('');
  expect(await screen.findByText('Where is my order?')).toBeTruthy();
  expect(await screen.findByText('Echo: Where is my order?', {}, until)).toBeTruthy();
  await waitFor(() => expect(screen.queryByText('Sending…')).toBeNull());
  expect((await stored(sb, 'v_send')).map((m) => m.content)).toEqual(['Where is my order?', 'Echo: Where is my order?']);
});

it("shows an agent's reply from the control API, the typing indicator before it, and announces it", async () => {
  const announce = jest.spyOn(AccessibilityInfo, 'announceForAccessibility');
  await render(<TickkiChatScreen publishableKey={sb.key} baseUrl={sb.origin} visitorId="v_agent" />);
  await untilReady();
  await typeAndSend('Hello?', fireEvent);
  await waitFor(async () => expect(await stored(sb, 'v_agent')).toHaveLength(1), until);
  const id = await sb.conversationId('v_agent');
  // an agent's client repeats the signal while typing; the socket may still be subscribing
  for (let i = 0; i < 30 && !screen.queryByText('Sarah is typing…'); i++) {
    await sb.control('POST', `/conversations/${id}/typing`, { typing: true, agent_name: 'Sarah' });
    await screen.findByText('Sarah is typing…', {}, { timeout: 500 }).catch(() => undefined);
  }
  expect(screen.getByText('Sarah is typing…')).toBeTruthy();
  await agentSays(sb, 'v_agent', 'Hi, Sarah here. How can I help?');
  expect(await screen.findByText('Hi, Sarah here. How can I help?', {}, until)).toBeTruthy();
  // the reply ends "typing" at once (no wait for the expiry)
  expect(screen.queryByText('Sarah is typing…')).toBeNull();
  await waitFor(() => expect(announce).toHaveBeenCalledWith('New message from Northwind Outfitters: Hi, Sarah here. How can I help?'));
  expect(screen.getByLabelText('Northwind Outfitters: Hi, Sarah here. How can I help?', { exact: false })).toBeTruthy(); // then its time
});

it('keeps the text of a send the server refused, and retries it', async () => {
  await sb.control('PUT', '/faults', { http: { error_rate: 1, operations: ['sendMessage'] } });
  await render(<TickkiChatScreen publishableKey={sb.key} baseUrl={sb.origin} visitorId="v_retry" retry={{ retries: 1, baseMs: 20, maxMs: 40 }} />);
  await untilReady();
  await untilSubscribed(sb, 'v_retry');
  await typeAndSend('Please call me back', fireEvent);
  expect(await screen.findByText('Not sent', {}, until)).toBeTruthy();
  expect(screen.getByText('Please call me back')).toBeTruthy();
  expect(await stored(sb, 'v_retry')).toEqual([]);
  await sb.control('DELETE', '/faults');
  await fireEvent.press(await screen.findByRole('button', { name: 'Retry' }, until));
  await waitFor(() => expect(screen.queryByText('Not sent')).toBeNull(), until);
  await waitFor(async () => expect((await stored(sb, 'v_retry')).map((m) => m.content)).toEqual(['Please call me back']), until);
  expect(screen.queryByRole('button', { name: 'Retry' })).toBeNull();
});

it('discards a failed message on request', async () => {
  await sb.control('PUT', '/faults', { http: { error_rate: 1, operations: ['sendMessage'] } });
  await render(<TickkiChatScreen publishableKey={sb.key} baseUrl={sb.origin} visitorId="v_discard" retry={{ retries: 0, baseMs: 20, maxMs: 40 }} />);
  await untilReady();
  await untilSubscribed(sb, 'v_discard');
  await typeAndSend('never mind', fireEvent);
  await fireEvent.press(await screen.findByRole('button', { name: 'Discard' }, until));
  await waitFor(() => expect(screen.queryByText('never mind')).toBeNull(), until);
});

const OFFLINE = "You're offline — we'll send your messages when you're back.";

it('goes offline and recovers: the banner shows, the queued message goes out, the missed reply arrives', async () => {
  await render(<TickkiChatScreen publishableKey={sb.key} baseUrl={sb.origin} visitorId="v_offline" />);
  await untilReady();
  await typeAndSend('first', fireEvent);
  await waitFor(async () => expect(await stored(sb, 'v_offline')).toHaveLength(1), until);
  // the network goes away: nothing reaches the server, the socket drops, NetInfo says so
  await sb.control('PUT', '/faults', { http: { error_rate: 1 }, realtime: { refuseConnections: true } });
  await sb.control('POST', '/realtime/drop-connections', {});
  setNetwork(false);
  expect(await screen.findByText(OFFLINE, {}, until)).toBeTruthy();
  await typeAndSend('sent while offline', fireEvent);
  expect(await screen.findByText('sent while offline')).toBeTruthy();
  // an agent answers meanwhile: the broadcast cannot reach the phone
  await agentSays(sb, 'v_offline', 'Answered while you were away');
  // back online
  await sb.control('DELETE', '/faults');
  setNetwork(true);
  await waitFor(() => expect(screen.queryByText(OFFLINE)).toBeNull(), until);
  expect(await screen.findByText('Answered while you were away', {}, until)).toBeTruthy();
  await waitFor(async () => expect((await stored(sb, 'v_offline')).map((m) => m.content)).toContain('sent while offline'), until);
  await waitFor(() => expect(screen.queryByText('Sending…')).toBeNull(), until);
});

it('asks for name and email first when the business requires it, once', async () => {
  await sb.control('PATCH', '/config', { identification: { required_on_start: true } });
  await render(<TickkiChatScreen publishableKey={sb.key} baseUrl={sb.origin} visitorId="v_form" />);
  expect(await screen.findByText('Tell us who you are so we can get back to you.', {}, until)).toBeTruthy();
  expect(screen.queryByLabelText('Write a message…')).toBeNull();
  const start = screen.getByRole('button', { name: 'Start chat' });
  expect(start).toBeDisabled();
  await fireEvent.changeText(screen.getByLabelText('Name'), 'Ada Lovelace');
  await fireEvent.changeText(screen.getByLabelText('Email'), 'not-an-email');
  expect(screen.getByRole('button', { name: 'Start chat' })).toBeDisabled();
  await fireEvent.changeText(screen.getByLabelText('Email'), 'ada@example.com');
  await fireEvent.press(screen.getByRole('button', { name: 'Start chat' }));
  await untilReady();
  const { data } = await sb.control<{ data: { visitor_id: string; contact: { name: string; email: string } }[] }>('GET', '/conversations');
  expect(data.find((c) => c.visitor_id === 'v_form')?.contact).toMatchObject({ name: 'Ada Lovelace', email: 'ada@example.com' });
  // the next visit does not ask again
  await screen.unmount();
  await render(<TickkiChatScreen publishableKey={sb.key} baseUrl={sb.origin} visitorId="v_form" />);
  await untilReady();
  expect(screen.queryByText('Start chat')).toBeNull();
});

it('skips the form when the app already knows the visitor', async () => {
  await sb.control('PATCH', '/config', { identification: { required_on_start: true } });
  await render(<TickkiChatScreen publishableKey={sb.key} baseUrl={sb.origin} visitorId="v_known" name="Grace" email="grace@example.com" />);
  await untilReady();
  expect(screen.queryByText('Start chat')).toBeNull();
});

it('says "leave a message" when no agent is online, and the message still goes out', async () => {
  await sb.control('POST', '/agents/offline', {});
  await render(<TickkiChatScreen publishableKey={sb.key} baseUrl={sb.origin} visitorId="v_away" />);
  expect(await screen.findByText("We're away right now. Leave a message and we'll get back to you.", {}, until)).toBeTruthy();
  await untilReady();
  await typeAndSend('Call me tomorrow', fireEvent);
  await waitFor(async () => expect((await stored(sb, 'v_away')).map((m) => m.content)).toEqual(['Call me tomorrow']), until);
});

it('loads older pages at the top of the list', async () => {
  await render(<TickkiChatScreen publishableKey={sb.key} baseUrl={sb.origin} visitorId="v_older" />);
  await untilReady();
  await screen.unmount();
  for (let i = 1; i <= 60; i++) await agentSays(sb, 'v_older', `history ${i}`);
  await freshDevice();
  await render(<TickkiChatScreen publishableKey={sb.key} baseUrl={sb.origin} visitorId="v_older" />);
  const contents = () => (screen.getByTestId('tickki-messages').props.data as { content: string }[]).map((m) => m.content);
  // history comes 50 at a time; at the top of the list (here: no layout, so at once) the older page loads
  await waitFor(() => expect(contents().length).toBeGreaterThan(0), until);
  await waitFor(() => expect(contents()).toHaveLength(60), until);
  expect(contents()).toEqual(Array.from({ length: 60 }, (_, i) => `history ${60 - i}`));
});

it('says so when the chat cannot start, and starts again by itself', async () => {
  // two failed starts: the banner shows while each retry waits (1-2 s, then 2-4 s), long enough to be seen on a busy machine
  await sb.control('PUT', '/faults', { http: { error_next: 2, operations: ['startSession'] } });
  await render(<TickkiChatScreen publishableKey={sb.key} baseUrl={sb.origin} visitorId="v_restart" retry={{ retries: 0, baseMs: 10, maxMs: 10 }} />);
  expect(await screen.findByText("The chat couldn't start. Retrying…", {}, until)).toBeTruthy();
  await untilReady();
  expect(screen.queryByText("The chat couldn't start. Retrying…")).toBeNull();
});

it('lets "typing" expire when the agent goes quiet', async () => {
  await render(<TickkiChatScreen publishableKey={sb.key} baseUrl={sb.origin} visitorId="v_quiet" />);
  await untilReady();
  await typeAndSend('anyone there?', fireEvent);
  await waitFor(async () => expect(await stored(sb, 'v_quiet')).toHaveLength(1), until);
  const id = await sb.conversationId('v_quiet');
  for (let i = 0; i < 30 && !screen.queryByText(/typing…$/i); i++) {
    await sb.control('POST', `/conversations/${id}/typing`, { typing: true });
    await screen.findByText(/typing…$/i, {}, { timeout: 500 }).catch(() => undefined);
  }
  expect(screen.getByText(/typing…$/i)).toBeTruthy();
  const shown = Date.now();
  // no stop signal, no message: it goes by itself (TYPING_TTL_MS, 8 s)
  await waitFor(() => expect(screen.queryByText(/typing…$/i)).toBeNull(), { timeout: 15_000, interval: 250 });
  expect(Date.now() - shown).toBeGreaterThan(5000);
});
