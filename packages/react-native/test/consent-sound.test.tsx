/**
 * Consent mode and `sound` on the React Native screen, against the sandbox: before consent nothing is
 * read from or written to AsyncStorage and no request reaches the API; `sound` is called for an
 * agent's reply only while the visitor is not reading it.
 */
import { AppState } from 'react-native';
import AsyncStorage from '@react-native-async-storage/async-storage';
import { fireEvent, render, screen, waitFor } from '@testing-library/react-native';
import { TickkiChatScreen } from '../src/index';
import { agentSays, freshDevice, startSandbox, stored, typeAndSend, untilReady, type Sandbox } from './helpers';

let sb: Sandbox;
beforeAll(async () => void (sb = await startSandbox(['--agent', 'off'])));
afterAll(() => sb?.close());
beforeEach(async () => {
  await sb.control('POST', '/reset');
  await freshDevice();
});

const until = { timeout: 15_000 };
const apiRequests = async () => (await sb.control<{ data: unknown[] }>('GET', '/requests')).data.length;

it("consent required: the note in place of the chat, nothing stored, read or requested; the prop becoming 'given' starts it", async () => {
  const calls = (['getItem', 'setItem', 'removeItem', 'multiGet', 'multiSet', 'getAllKeys'] as const).filter((name) => name in AsyncStorage).map((name) => jest.spyOn(AsyncStorage, name as 'getItem'));
  calls.forEach((spy) => spy.mockClear());
  const before = await apiRequests();
  const view = await render(<TickkiChatScreen publishableKey={sb.key} baseUrl={sb.origin} visitorId="v_consent" consent="required" />);
  expect(await screen.findByText("The chat starts once you accept this site's privacy settings.", {}, until)).toBeTruthy();
  await new Promise((resolve) => setTimeout(resolve, 300));
  for (const spy of calls) expect(spy).not.toHaveBeenCalled();
  expect(await apiRequests()).toBe(before);

  await view.rerender(<TickkiChatScreen publishableKey={sb.key} baseUrl={sb.origin} visitorId="v_consent" consent="given" />);
  await untilReady();
  expect(screen.queryByText("The chat starts once you accept this site's privacy settings.")).toBeNull();
  expect(calls.some((spy) => spy.mock.calls.length > 0)).toBe(true);
  calls.forEach((spy) => spy.mockRestore());
});

it('sound: called for an agent reply that comes while the app is in the background, not for one the visitor reads', async () => {
  const sound = jest.fn();
  await render(<TickkiChatScreen publishableKey={sb.key} baseUrl={sb.origin} visitorId="v_sound" sound={sound} />);
  await untilReady();
  await typeAndSend('hi', fireEvent);
  await waitFor(async () => expect(await stored(sb, 'v_sound')).toHaveLength(1), until);
  await agentSays(sb, 'v_sound', 'Read while open');
  expect(await screen.findByText('Read while open', {}, until)).toBeTruthy();
  expect(sound).not.toHaveBeenCalled();

  const state = Object.getOwnPropertyDescriptor(AppState, 'currentState');
  Object.defineProperty(AppState, 'currentState', { value: 'background', configurable: true });
  try {
    await agentSays(sb, 'v_sound', 'Replied while away');
    await waitFor(() => expect(sound).toHaveBeenCalledTimes(1), until);
  } finally {
    if (state) Object.defineProperty(AppState, 'currentState', state);
  }
});
