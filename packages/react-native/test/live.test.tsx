/**
 * The screen model (`ChatScreen` of `@tickki/chat-ui`) as the React Native screen renders it,
 * against a real sandbox: a start that cannot succeed, props that change while a start is in
 * flight (auth finishing after the screen mounted), logout, and the pre-chat form's contract.
 */
import AsyncStorage from '@react-native-async-storage/async-storage';
import { act, fireEvent, render, screen, waitFor } from '@testing-library/react-native';
import * as Tickki from '../src/index';
import { freshDevice, startSandbox, stored, typeAndSend, untilReady, type Sandbox } from './helpers';

const { TickkiChatScreen } = Tickki;
let sb: Sandbox;
beforeAll(async () => void (sb = await startSandbox(['--agent', 'off'])));
afterAll(() => sb?.close());
beforeEach(async () => {
  await sb.control('POST', '/reset');
  await freshDevice();
});

const until = { timeout: 15_000 };
const sleep = (ms: number) => act(() => new Promise<void>((r) => setTimeout(r, ms)));
const requests = async (operation: string) =>
  (await sb.control<{ data: { operation: string }[] }>('GET', '/requests')).data.filter((r) => r.operation === operation).length;
const sockets = async () => (await sb.control<{ data: { connections: number } }>('GET', '/realtime')).data.connections;
const contactOf = async (visitorId: string) =>
  (await sb.control<{ data: { visitor_id: string; contact: Record<string, unknown> | null }[] }>('GET', '/conversations')).data.find((c) => c.visitor_id === visitorId)?.contact;
/** Every value AsyncStorage holds, but the cached config. */
const kept = async () => {
  const keys = (await AsyncStorage.getAllKeys()).filter((k) => !k.endsWith(':config'));
  return (await Promise.all(keys.map(async (k) => `${k}=${await AsyncStorage.getItem(k)}`))).join('\n');
};

/** The agent answers the one conversation there is. */
const agentAnswers = async (content: string) => {
  const [conversation] = (await sb.control<{ data: { id: number }[] }>('GET', '/conversations')).data;
  await sb.control('POST', `/conversations/${conversation!.id}/messages`, { content, agent_name: 'Sarah' });
};

const UNAVAILABLE = "The chat isn't available right now.";

it('shows a start that cannot succeed (a revoked key), does not retry it, and retries on the button', async () => {
  await render(<TickkiChatScreen publishableKey="pk_test_revoked" baseUrl={sb.origin} visitorId="v_revoked" />);
  expect(await screen.findByText(UNAVAILABLE, {}, until)).toBeTruthy();
  expect(screen.queryByText("The chat couldn't start. Retrying…")).toBeNull();
  const before = await requests('startSession');
  await sleep(4500); // longer than the first backoffs of a failure that may pass
  expect(await requests('startSession')).toBe(before);
  await fireEvent.press(screen.getByRole('button', { name: 'Retry' }));
  await waitFor(async () => expect(await requests('startSession')).toBe(before + 1), until);
  expect(await screen.findByText(UNAVAILABLE, {}, until)).toBeTruthy();
});

it('ends on the newer session when visitorId, name and email change while a start is in flight, with one socket', async () => {
  await sb.control('PUT', '/faults', { http: { latency_ms: 600, operations: ['startSession'] } });
  await render(<TickkiChatScreen publishableKey={sb.key} baseUrl={sb.origin} visitorId="v_anonymous_1" />);
  await waitFor(async () => expect(await requests('startSession')).toBe(1), until); // the first start is on its way
  await sb.control('DELETE', '/faults');
  await screen.rerender(<TickkiChatScreen publishableKey={sb.key} baseUrl={sb.origin} visitorId="v_user_7" name="Dana" email="dana@example.com" />);
  await untilReady();
  await sleep(1000); // the slower, superseded start has come back meanwhile
  await untilReady();
  await typeAndSend('still here', fireEvent);
  await waitFor(async () => expect((await stored(sb, 'v_user_7')).map((m) => m.content)).toEqual(['still here']), until);
  expect(await contactOf('v_user_7')).toMatchObject({ name: 'Dana', email: 'dana@example.com' });
  // the superseded socket is dropped once its close handshake lands: wait for one, then check it stays one
  await waitFor(async () => expect(await sockets()).toBe(1), until);
  await sleep(200);
  expect(await sockets()).toBe(1);
});

it('sends name and email given while the session starts (auth finishing after mount) to the session', async () => {
  await sb.control('PUT', '/faults', { http: { latency_ms: 500, operations: ['startSession'] } });
  await render(<TickkiChatScreen publishableKey={sb.key} baseUrl={sb.origin} visitorId="v_late_auth" />);
  await waitFor(async () => expect(await requests('startSession')).toBe(1), until);
  await screen.rerender(<TickkiChatScreen publishableKey={sb.key} baseUrl={sb.origin} visitorId="v_late_auth" name="Grace" email="grace@example.com" />);
  await untilReady();
  await waitFor(async () => expect(await contactOf('v_late_auth')).toMatchObject({ name: 'Grace', email: 'grace@example.com' }), until);
  // sent to the session that was starting (identify), not by starting another one
  expect(await requests('startSession')).toBe(1);
  expect(await requests('identifyVisitor')).toBe(1);
  await sb.control('DELETE', '/faults');
  await typeAndSend('hello', fireEvent);
  await waitFor(async () => expect((await stored(sb, 'v_late_auth')).map((m) => m.content)).toEqual(['hello']), until);
});

it('logout() removes the conversation, the pre-chat answers and the session from the device; the form asks the next person', async () => {
  await sb.control('PATCH', '/config', { identification: { required_on_start: true } });
  await render(<TickkiChatScreen publishableKey={sb.key} baseUrl={sb.origin} />);
  await fireEvent.changeText(await screen.findByLabelText('Email', {}, until), 'ada@example.com');
  await fireEvent.press(screen.getByRole('button', { name: 'Start chat' }));
  await untilReady();
  await typeAndSend('my private question', fireEvent);
  await agentAnswers('your private answer');
  expect(await screen.findByText('your private answer', {}, until)).toBeTruthy();
  await waitFor(async () => expect(await kept()).toMatch(/your private answer/), until);
  expect(await kept()).toMatch(/ada@example\.com/);
  await act(() => Tickki.logout({ publishableKey: sb.key }));
  expect(await kept()).not.toMatch(/private question|private answer|ada@example\.com|"st_/);
  expect(await screen.findByRole('button', { name: 'Start chat' }, until)).toBeTruthy();
  expect(screen.queryByText('your private answer')).toBeNull();
  await waitFor(async () => expect(await sockets()).toBe(0), until);
});

it('logout() with no chat screen mounted clears the device all the same', async () => {
  await render(<TickkiChatScreen publishableKey={sb.key} baseUrl={sb.origin} visitorId="v_shared_phone" name="Ada" email="ada@example.com" />);
  await untilReady();
  await agentAnswers('your private answer');
  await waitFor(async () => expect(await kept()).toMatch(/your private answer/), until);
  await screen.unmount();
  await Tickki.logout({ publishableKey: sb.key, baseUrl: sb.origin, visitorId: 'v_shared_phone' });
  expect(await kept()).not.toMatch(/private answer|"st_/);
});

it('the pre-chat form requires the email only; the name is optional', async () => {
  await sb.control('PATCH', '/config', { identification: { required_on_start: true } });
  await render(<TickkiChatScreen publishableKey={sb.key} baseUrl={sb.origin} visitorId="v_email_only" />);
  expect(await screen.findByText('Tell us who you are so we can get back to you.', {}, until)).toBeTruthy();
  expect(screen.getByRole('button', { name: 'Start chat' })).toBeDisabled();
  await fireEvent.changeText(screen.getByLabelText('Name'), 'Ada');
  expect(screen.getByRole('button', { name: 'Start chat' })).toBeDisabled(); // a name alone is not enough
  await fireEvent.changeText(screen.getByLabelText('Name'), '');
  await fireEvent.changeText(screen.getByLabelText('Email'), 'ada@example.com');
  expect(screen.getByRole('button', { name: 'Start chat' })).toBeEnabled();
  await fireEvent.press(screen.getByRole('button', { name: 'Start chat' }));
  await untilReady();
  expect(await contactOf('v_email_only')).toMatchObject({ email: 'ada@example.com' });
});
