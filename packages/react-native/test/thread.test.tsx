/**
 * A readable thread against a real sandbox: quick messages from one side show one time, under the
 * last, while every bubble's accessibility label keeps its own; day headings ("Yesterday",
 * "Today") separate a history the sandbox's clock spread over two days.
 */
import { fireEvent, render, screen, waitFor } from '@testing-library/react-native';
import { timeOfDay } from '@tickki/chat-ui';
import { TickkiChatScreen } from '../src/index';
import { agentSays, freshDevice, startSandbox, stored, typeAndSend, untilReady, type Sandbox } from './helpers';

/** `typeAndSend` and `untilReady` for the French screen. */
const envoyer = async (text: string) => {
  await fireEvent.changeText(screen.getByLabelText('Écrivez un message…'), text);
  await fireEvent.press(screen.getByRole('button', { name: 'Envoyer' }));
};
const prêt = () => waitFor(() => expect(screen.getByLabelText('Écrivez un message…').props.editable).not.toBe(false), { timeout: 15_000 });

// days are the device's: a fixed zone keeps "yesterday" one calendar day back
process.env.TZ = 'UTC';

const DAY = 86_400_000;
const until = { timeout: 15_000 };
const time = timeOfDay('en');

let sb: Sandbox;
beforeAll(async () => void (sb = await startSandbox(['--agent', 'off'])));
afterAll(() => sb?.close());
beforeEach(async () => {
  await sb.control('POST', '/reset');
  await freshDevice();
});

/** The text of a `Text`. */
const textOf = (t: { props: { children?: unknown } }) => ([] as unknown[]).concat(t.props.children).join('');
const TIME = /^\d{1,2}:\d{2}\s[AP]M$/;
/** The times shown under bubbles (`3:15 PM`), in screen order; screen readers skip them (the labels have them). */
const shownTimes = () => {
  expect(screen.queryAllByText(TIME)).toEqual([]);
  return screen.queryAllByText(TIME, { includeHiddenElements: true }).map(textOf);
};

it('quick messages from one side show one time, under the last; each label keeps its time', async () => {
  await render(<TickkiChatScreen publishableKey={sb.key} baseUrl={sb.origin} visitorId="v_group" locale="en-US" />);
  await untilReady();
  const three = ['Hi!', 'I ordered a lamp', 'it came broken'];
  for (const text of three) await typeAndSend(text, fireEvent);
  await waitFor(async () => expect(await stored(sb, 'v_group')).toHaveLength(3), until);
  await waitFor(() => expect(screen.queryByText('Sending…')).toBeNull(), until);
  const at = (await sb.control<{ data: { content: string; created_at: string }[] }>('GET', `/conversations/${await sb.conversationId('v_group')}/messages`)).data.map((m) =>
    time(new Date(m.created_at)),
  );
  for (const [i, text] of three.entries()) expect(screen.getByLabelText(`You: ${text}. ${at[i]}`)).toBeTruthy();
  expect(shownTimes()).toEqual([at[2]]);

  // an agent's reply is a group of its own, with its time
  await agentSays(sb, 'v_group', 'Sorry to hear that!');
  expect(await screen.findByText('Sorry to hear that!', {}, until)).toBeTruthy();
  expect(shownTimes()).toHaveLength(2);
  expect(screen.getAllByRole('header', { name: 'Today' })).toHaveLength(1);
});

it('a history over two days has a "Yesterday" and a "Today" heading, above the first message of each', async () => {
  await render(<TickkiChatScreen publishableKey={sb.key} baseUrl={sb.origin} visitorId="v_days" locale="fr" />);
  await prêt();
  await sb.control('POST', '/clock', { advance_ms: -DAY });
  try {
    await envoyer('Mon colis est en retard');
    await waitFor(async () => expect(await stored(sb, 'v_days')).toHaveLength(1), until);
    await agentSays(sb, 'v_days', 'Je regarde avec le transporteur.');
    expect(await screen.findByText('Je regarde avec le transporteur.', {}, until)).toBeTruthy();
  } finally {
    await sb.control('POST', '/clock', { advance_ms: DAY });
  }
  await agentSays(sb, 'v_days', 'Il arrive cet après-midi.');
  expect(await screen.findByText('Il arrive cet après-midi.', {}, until)).toBeTruthy();
  expect(screen.getByRole('header', { name: 'Hier' })).toBeTruthy();
  expect(screen.getByRole('header', { name: "Aujourd'hui" })).toBeTruthy();
  // the FlatList holds the messages; each day's heading is drawn above its first message
  expect(screen.getByTestId('tickki-messages').props.data).toHaveLength(3);
  // (the inverted list holds the newest first; a heading comes before its message)
  const order = screen.queryAllByText(/Hier|Aujourd'hui|colis|transporteur|après-midi/).map(textOf);
  expect(order).toEqual(["Aujourd'hui", 'Il arrive cet après-midi.', 'Je regarde avec le transporteur.', 'Hier', 'Mon colis est en retard']);
});
