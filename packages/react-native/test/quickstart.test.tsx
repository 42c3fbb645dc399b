/**
 * The root README's React Native quickstart, run as written: its three code blocks are taken from
 * the README, only the sandbox's port changed, and rendered against the sandbox.
 */
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { fireEvent, render, screen, waitFor, act } from '@testing-library/react-native';
import { freshDevice, startSandbox, stored, type Sandbox } from './helpers';

const README = readFileSync(resolve(__dirname, '../../../README.md'), 'utf8');
const start = README.indexOf('## React Native quickstart');
const end = README.indexOf('\n## ', start + 1);
const section = README.slice(start, end < 0 ? undefined : end);
const blocks = [...section.matchAll(/```tsx\n([\s\S]*?)```/g)].map((m) => m[1]!);
const DIR = resolve(__dirname, '.quickstart');

let sb: Sandbox;
beforeAll(async () => {
  sb = await startSandbox(['--agent', 'echo', '--agent-delay', '0']);
  mkdirSync(DIR, { recursive: true });
});
afterAll(async () => {
  await sb?.close();
  rmSync(DIR, { recursive: true, force: true });
});
beforeEach(() => freshDevice());

/** Writes README block `n` as a module (the sandbox's port swapped in) and loads it. */
function load(n: number): Record<string, React.ComponentType<{ userId: string }>> {
  const file = resolve(DIR, `block${n}.tsx`);
  writeFileSync(file, blocks[n]!.replaceAll('http://127.0.0.1:4010', sb.origin));
  return require(file);
}

it('has the three blocks: drop-in, modal, headless', () => {
  expect(blocks).toHaveLength(3);
  expect(blocks[0]).toContain('<TickkiChatScreen');
  expect(blocks[1]).toContain('TickkiChatModal.show');
  expect(blocks[2]).toContain('useChatSession');
});

it('drop-in screen', async () => {
  const { SupportScreen } = load(0);
  await render(<SupportScreen userId="v_qs_screen" />);
  await waitFor(() => expect(screen.getByLabelText('Write a message…').props.editable).not.toBe(false), { timeout: 15_000 });
  await fireEvent.changeText(screen.getByLabelText('Write a message…'), 'Hello from the quickstart');
  await fireEvent.press(screen.getByRole('button', { name: 'Send' }));
  expect(await screen.findByText('Echo: Hello from the quickstart', {}, { timeout: 15_000 })).toBeTruthy();
});

it('one-call modal', async () => {
  const { HelpButton } = load(1);
  await render(<HelpButton userId="v_qs_modal" />);
  await act(async () => void fireEvent.press(screen.getByText('Help')));
  expect(await screen.findByText('Northwind Outfitters', {}, { timeout: 15_000 })).toBeTruthy();
  await fireEvent.press(screen.getByRole('button', { name: 'Close chat' }));
  await waitFor(() => expect(screen.queryByText('Northwind Outfitters')).toBeNull());
});

it('headless', async () => {
  const { MyChat } = load(2);
  await render(<MyChat userId="v_qs_headless" />);
  expect(screen.getByText('idle…')).toBeTruthy();
  // the connection line goes away once connected
  await waitFor(() => expect(screen.queryByText(/…$/)).toBeNull(), { timeout: 15_000 });
  await fireEvent.changeText(screen.getByPlaceholderText('Message'), 'Hi, headless');
  await waitFor(() => expect(screen.getByRole('button', { name: 'Send' })).toBeEnabled());
  await fireEvent.press(screen.getByRole('button', { name: 'Send' }));
  expect(screen.getByPlaceholderText('Message').props.value).toBe('');
  expect(await screen.findByText('Agent: Echo: Hi, headless', {}, { timeout: 15_000 })).toBeTruthy();
  expect(screen.getByText('You: Hi, headless')).toBeTruthy();
  expect((await stored(sb, 'v_qs_headless')).map((m) => m.content)).toEqual(['Hi, headless', 'Echo: Hi, headless']);
});
