/**
 * The screen's details against the sandbox: hostile text shown as plain text, the modal, languages
 * and right to left, dark mode, attachment refusals, and AppState / NetInfo wired to the core.
 */
import { AppState, Linking, useColorScheme } from 'react-native';
import NetInfo from '@react-native-community/netinfo';
import { act, fireEvent, render, screen, waitFor } from '@testing-library/react-native';
import { TickkiChatHost, TickkiChatModal, TickkiChatScreen } from '../src/index';
import { HOSTILE } from './hostile-corpus';
import { agentSays, freshDevice, startSandbox, stored, typeAndSend, untilReady, type Sandbox } from './helpers';

let sb: Sandbox;
beforeAll(async () => void (sb = await startSandbox(['--agent', 'off'])));
afterAll(() => sb?.close());
beforeEach(async () => {
  await sb.control('POST', '/reset');
  await sb.control('PATCH', '/agent', { mode: 'off' });
  await freshDevice();
});

const until = { timeout: 15_000 };

/** All text inside a bubble, as the visitor reads it. */
const textOf = (node: { children: unknown[] }): string =>
  node.children.map((c) => (typeof c === 'string' ? c : textOf(c as { children: unknown[] }))).join('');

it('shows hostile texts from the agent and the visitor as plain text, exactly as written', async () => {
  const open = jest.spyOn(Linking, 'openURL').mockResolvedValue(true);
  await render(<TickkiChatScreen publishableKey={sb.key} baseUrl={sb.origin} visitorId="v_hostile" />);
  await untilReady();
  await typeAndSend(HOSTILE[0]!, fireEvent);
  await waitFor(async () => expect(await stored(sb, 'v_hostile')).toHaveLength(1), until);
  for (const text of HOSTILE) await agentSays(sb, 'v_hostile', text);
  await agentSays(sb, 'v_hostile', 'Track it at https://example.com/track?id=1. Or mail help@example.com');
  await waitFor(() => expect(screen.getByTestId('tickki-messages').props.data).toHaveLength(HOSTILE.length + 2), until);
  // every bubble's text is its message, character for character (the list renders the newest first)
  for (const text of HOSTILE.slice(-8)) {
    const bubble = screen.getByLabelText(`Northwind Outfitters: ${text}`, { normalizer: (label) => label.replace(/\. \d{1,2}:\d{2}\s[AP]M$/, '') }); // its time left out
    expect(textOf(bubble as never)).toBe(text);
  }
  // the visitor's own (oldest, off screen) went out and is held as typed
  expect((await stored(sb, 'v_hostile'))[0]!.content).toBe(HOSTILE[0]);
  expect(screen.getByTestId('tickki-messages').props.data.at(-1)).toMatchObject({ content: HOSTILE[0], isFromAgent: false, status: 'sent' });
  // only http(s) and mailto become links; javascript: and data: never do
  const links = screen.getAllByRole('link');
  expect(links.map((l) => textOf(l as never))).toEqual(['https://example.com/track?id=1', 'help@example.com']);
  await fireEvent.press(links[0]!);
  expect(open).toHaveBeenCalledWith('https://example.com/track?id=1');
});

it('opens as a modal with one call and resolves when closed', async () => {
  await render(<TickkiChatHost />);
  expect(screen.queryByText('Northwind Outfitters')).toBeNull();
  const onClose = jest.fn();
  let closed = false;
  let shown!: Promise<void>;
  await act(async () => {
    shown = TickkiChatModal.show({ publishableKey: sb.key, baseUrl: sb.origin, visitorId: 'v_modal', onClose });
    void shown.then(() => (closed = true));
  });
  expect(await screen.findByText('Northwind Outfitters', {}, until)).toBeTruthy();
  await untilReady();
  await fireEvent.press(screen.getByRole('button', { name: 'Close chat' }));
  await shown;
  expect(closed).toBe(true);
  expect(onClose).toHaveBeenCalledTimes(1);
  expect(screen.queryByText('Northwind Outfitters')).toBeNull();
});

it('refuses show() without a host, with a message that says what to do', async () => {
  await expect(TickkiChatModal.show({ publishableKey: sb.key, visitorId: 'v_nohost' })).rejects.toThrow('<TickkiChatHost />');
});

it('speaks the language asked for, with overrides, and lays out right to left for Arabic', async () => {
  await render(<TickkiChatScreen publishableKey={sb.key} baseUrl={sb.origin} visitorId="v_fr" locale="fr-CA" strings={{ send: 'Go' }} />);
  expect(await screen.findByLabelText('Écrivez un message…', {}, until)).toBeTruthy();
  expect(screen.getByRole('button', { name: 'Go' })).toBeTruthy();
  expect(await screen.findByText('Nous répondons en général en quelques minutes', {}, until)).toBeTruthy();
  await screen.unmount();
  await render(<TickkiChatScreen publishableKey={sb.key} baseUrl={sb.origin} visitorId="v_ar" locale="ar" />);
  expect(await screen.findByLabelText('اكتب رسالة…', {}, until)).toBeTruthy();
  expect(screen.getByRole('button', { name: 'إرسال' })).toBeTruthy();
  expect(screen.getByTestId('tickki-chat')).toHaveStyle({ direction: 'rtl' });
});

it('follows the system color scheme, or the prop', async () => {
  // React Native's jest preset mocks useColorScheme (as 'light'): the device switches to dark
  jest.mocked(useColorScheme).mockReturnValue('dark');
  await render(<TickkiChatScreen publishableKey={sb.key} baseUrl={sb.origin} visitorId="v_dark" />);
  await untilReady();
  expect(screen.getByTestId('tickki-chat')).toHaveStyle({ backgroundColor: '#0B0F19' });
  await screen.unmount();
  await render(<TickkiChatScreen publishableKey={sb.key} baseUrl={sb.origin} visitorId="v_dark" colorScheme="light" />);
  await untilReady();
  expect(screen.getByTestId('tickki-chat')).toHaveStyle({ backgroundColor: '#F9FAFB' });
  jest.mocked(useColorScheme).mockReturnValue('light');
});

it('offers attachments only with a picker and the plan feature, and refuses a file over the limit before uploading', async () => {
  await sb.control('PATCH', '/config', { limits: { max_upload_kb: 1 } });
  const pickAttachment = jest.fn().mockResolvedValueOnce(null).mockResolvedValueOnce({ uri: 'file:///tmp/big.pdf', name: 'big.pdf', type: 'application/pdf', size: 4096 });
  await render(<TickkiChatScreen publishableKey={sb.key} baseUrl={sb.origin} visitorId="v_attach" pickAttachment={pickAttachment} />);
  await untilReady();
  const attach = screen.getByRole('button', { name: 'Attach a file' });
  await fireEvent.press(attach); // cancelled
  await fireEvent.press(attach);
  expect(await screen.findByText('Files can be at most 1 KB.', {}, until)).toBeTruthy();
  expect(pickAttachment).toHaveBeenCalledTimes(2);
  expect((await sb.control<{ data: { operation: string }[] }>('GET', '/requests')).data.some((r) => r.operation === 'uploadAttachment')).toBe(false);
  await screen.unmount();
  await sb.control('PATCH', '/config', { features: { file_uploads: false } });
  await freshDevice();
  await render(<TickkiChatScreen publishableKey={sb.key} baseUrl={sb.origin} visitorId="v_attach2" pickAttachment={pickAttachment} />);
  await untilReady();
  expect(screen.queryByRole('button', { name: 'Attach a file' })).toBeNull();
});

it('wires AppState and NetInfo to the core: back to the foreground and back online, missed replies arrive', async () => {
  // React Native's jest mock of AppState records its listeners: the test plays the system with them
  jest.mocked(AppState.addEventListener).mockClear();
  (NetInfo.addEventListener as jest.Mock).mockClear();
  await render(<TickkiChatScreen publishableKey={sb.key} baseUrl={sb.origin} visitorId="v_life" />);
  await untilReady();
  const listeners = jest.mocked(AppState.addEventListener).mock.calls.map(([, listener]) => listener as (state: string) => void);
  expect(listeners.length).toBeGreaterThan(0);
  // the screen subscribed to NetInfo (pusher-js's React Native build does too)
  expect((NetInfo.addEventListener as jest.Mock).mock.calls.length).toBeGreaterThanOrEqual(2);
  await typeAndSend('hi', fireEvent);
  await waitFor(async () => expect(await stored(sb, 'v_life')).toHaveLength(1), until);
  // the phone sleeps; its socket goes half-open (no broadcast gets through), an agent replies
  await act(async () => listeners.forEach((l) => l('background')));
  await sb.control('POST', '/realtime/stall-connections', {});
  await agentSays(sb, 'v_life', 'Replied while the app slept');
  const before = (await sb.control<{ data: { operation: string }[] }>('GET', '/requests')).data.filter((r) => r.operation === 'listMessages').length;
  // foreground: the core checks the socket and fills the gap
  await act(async () => listeners.forEach((l) => l('active')));
  expect(await screen.findByText('Replied while the app slept', {}, until)).toBeTruthy();
  const after = (await sb.control<{ data: { operation: string }[] }>('GET', '/requests')).data.filter((r) => r.operation === 'listMessages').length;
  expect(after).toBeGreaterThan(before);
});

it('hides its header under a navigator that has one', async () => {
  await render(<TickkiChatScreen publishableKey={sb.key} baseUrl={sb.origin} visitorId="v_noheader" header={false} />);
  await untilReady();
  expect(await screen.findByText('Hi! How can we help?', {}, until)).toBeTruthy();
  expect(screen.queryByRole('header')).toBeNull();
});

it("keeps clear of the notch and the home indicator: insets from the app's SafeAreaProvider, or given", async () => {
  const { SafeAreaProvider } = require('react-native-safe-area-context') as typeof import('react-native-safe-area-context');
  const metrics = { frame: { x: 0, y: 0, width: 390, height: 844 }, insets: { top: 47, right: 0, bottom: 34, left: 0 } };
  await render(
    <SafeAreaProvider initialMetrics={metrics}>
      <TickkiChatScreen publishableKey={sb.key} baseUrl={sb.origin} visitorId="v_insets" />
    </SafeAreaProvider>,
  );
  await untilReady();
  // the header's background runs under the status bar, its text starts below it; the composer sits above the home indicator
  expect(screen.getByTestId('tickki-header')).toHaveStyle({ paddingTop: 57 });
  expect(screen.getByTestId('tickki-composer')).toHaveStyle({ paddingBottom: 34 });
  await screen.unmount();
  await render(<TickkiChatScreen publishableKey={sb.key} baseUrl={sb.origin} visitorId="v_insets" safeAreaInsets={{ bottom: 20 }} />);
  await untilReady();
  expect(screen.getByTestId('tickki-composer')).toHaveStyle({ paddingBottom: 20 });
});

it('counts down to the length limit and keeps an over-long text in the field, unsendable', async () => {
  await sb.control('PATCH', '/config', { limits: { message_max_length: 20 } });
  await render(<TickkiChatScreen publishableKey={sb.key} baseUrl={sb.origin} visitorId="v_long" />);
  await untilReady();
  const field = screen.getByLabelText('Write a message…');
  await fireEvent.changeText(field, '   ');
  expect(screen.getByRole('button', { name: 'Send' })).toBeDisabled();
  await fireEvent.changeText(field, '👍'.repeat(18)); // 18 characters (36 UTF-16 units)
  expect(screen.getByText('Characters left: 2')).toBeTruthy();
  expect(screen.getByRole('button', { name: 'Send' })).toBeEnabled();
  await fireEvent.changeText(field, 'x'.repeat(21));
  expect(screen.getByText('Messages can be at most 20 characters.')).toBeTruthy();
  expect(screen.getByRole('button', { name: 'Send' })).toBeDisabled();
  await fireEvent.press(screen.getByRole('button', { name: 'Send' }));
  expect(screen.getByLabelText('Write a message…').props.value).toBe('x'.repeat(21));
  expect(await stored(sb, 'v_long')).toEqual([]);
});
