import { render, screen } from '@testing-library/react-native';
import { TickkiChatScreen } from '../src/index';
import { startSandbox, type Sandbox } from './sandbox';

let sb: Sandbox;
beforeAll(async () => void (sb = await startSandbox(['--agent', 'echo', '--agent-delay', '0'])));
afterAll(() => sb?.close());

it('starts, sends and shows the scripted reply', async () => {
  await render(<TickkiChatScreen publishableKey={sb.key} baseUrl={sb.origin} visitorId="v_smoke" />);
  expect(await screen.findByText('Hi! How can we help?')).toBeTruthy();
});
