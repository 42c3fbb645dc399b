/** Shared parts of the screen tests: a sandbox per file, a clean device per test, NetInfo's listeners. */
import AsyncStorage from '@react-native-async-storage/async-storage';
import NetInfo from '@react-native-community/netinfo';
import { screen, waitFor } from '@testing-library/react-native';
import { startSandbox, type Sandbox } from './sandbox';

export { startSandbox, type Sandbox };

/** A fresh device: empty AsyncStorage (no cached config, session or outbox). */
export async function freshDevice(): Promise<void> {
  await AsyncStorage.clear();
}

/** Tells every NetInfo listener (pusher-js's and the screen's) that the device went on- or offline. */
export function setNetwork(online: boolean): void {
  const add = NetInfo.addEventListener as unknown as jest.Mock;
  for (const [listener] of add.mock.calls as [(state: object) => void][]) {
    listener({ type: online ? 'wifi' : 'none', isConnected: online, isInternetReachable: online, details: null });
  }
}

/** The messages of a conversation as the sandbox stored them. */
export async function stored(sb: Sandbox, visitorId: string): Promise<{ content: string; direction: string }[]> {
  const id = await sb.conversationId(visitorId);
  return (await sb.control<{ data: { content: string; direction: string }[] }>('GET', `/conversations/${id}/messages`)).data;
}

/** Plays the agent: a reply through the control API (stored and broadcast). */
export async function agentSays(sb: Sandbox, visitorId: string, content: string, agentName = 'Sarah'): Promise<void> {
  const id = await sb.conversationId(visitorId);
  await sb.control('POST', `/conversations/${id}/messages`, { content, agent_name: agentName });
}

/**
 * Waits until the visitor's private channel has a subscriber on the sandbox. A new subscription
 * sends retryable failed messages again (`ChatSession` does so on every `subscribed`), so a test
 * about a failed message waits for this first, lest that retry race the test's own presses.
 */
export async function untilSubscribed(sb: Sandbox, visitorId: string): Promise<void> {
  await waitFor(async () => expect(await sb.subscribers(visitorId)).toBeGreaterThan(0), { timeout: 15_000 });
}

/** Waits until the session is up: the composer's field is editable. */
export async function untilReady(): Promise<void> {
  await waitFor(() => expect(screen.getByLabelText('Write a message…').props.editable).not.toBe(false), { timeout: 15_000 });
}

/** Types `text` and presses Send. */
export async function typeAndSend(text: string, fireEvent: typeof import('@testing-library/react-native').fireEvent): Promise<void> {
  await fireEvent.changeText(screen.getByLabelText('Write a message…'), text);
  await fireEvent.press(screen.getByRole('button', { name: 'Send' }));
}
