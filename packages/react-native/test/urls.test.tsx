/**
 * URLs from the server are checked before React Native opens or loads them: an attachment opens
 * only with an http(s) URL, the business's logo shows only from one (`httpUrl` of `@tickki/chat-ui`,
 * as in the widget). A `javascript:` or `file:` URL is neither opened nor shown.
 */
import { Linking } from 'react-native';
import type { ChatMessage } from '@tickki/chat';
import { fireEvent, render, screen } from '@testing-library/react-native';
import { TickkiChatScreen } from '../src/index';
import { MessageBubble } from '../src/message-bubble';
import { freshDevice, startSandbox, untilReady, type Sandbox } from './helpers';

let sb: Sandbox;
beforeAll(async () => void (sb = await startSandbox(['--agent', 'off'])));
afterAll(() => sb?.close());
beforeEach(async () => {
  await sb.control('POST', '/reset');
  await freshDevice();
});

const withAttachment = (signedUrl: string): ChatMessage => ({
  id: 1,
  key: '1',
  direction: 'outbound',
  type: 'attachment',
  content: 'see the file',
  createdAt: new Date(),
  isFromAgent: true,
  status: 'sent',
  clientId: undefined,
  error: undefined,
  attachments: [{ id: 9, fileName: 'invoice.pdf', mimeType: 'application/pdf', fileSize: 10, signedUrl }],
});

it('opens an http(s) attachment, and shows any other as its name, not a link', async () => {
  const open = jest.spyOn(Linking, 'openURL').mockResolvedValue(true);
  await render(<MessageBubble message={withAttachment('https://files.example/invoice.pdf')} agentName="Sarah" />);
  await fireEvent.press(screen.getByRole('link', { name: 'Attachment: invoice.pdf' }));
  expect(open).toHaveBeenCalledWith('https://files.example/invoice.pdf');
  for (const url of ['javascript:alert(document.cookie)', 'file:///data/user/0/app/secrets.db', 'JavaScript:alert(1)', ' javascript:alert(1)', 'intent://x#Intent;end', 'data:text/html,<b>x</b>']) {
    open.mockClear();
    await screen.unmount();
    await render(<MessageBubble message={withAttachment(url)} agentName="Sarah" />);
    expect(screen.queryByRole('link')).toBeNull();
    await fireEvent.press(screen.getByText('invoice.pdf'));
    expect(open).not.toHaveBeenCalled();
  }
  open.mockRestore();
});

it("shows the business's logo only from an http(s) URL", async () => {
  for (const [logo, shown] of [
    ['javascript:alert(1)', false],
    ['file:///etc/passwd', false],
    ['https://cdn.example/logo.png', true],
  ] as const) {
    await sb.control('PATCH', '/config', { branding: { logo_url: logo } });
    await freshDevice();
    await render(<TickkiChatScreen publishableKey={sb.key} baseUrl={sb.origin} visitorId="v_logo" />);
    await untilReady();
    expect(await screen.findByText('Northwind Outfitters')).toBeTruthy();
    if (shown) expect(screen.getByTestId('tickki-logo').props.source).toEqual({ uri: logo });
    else expect(screen.queryByTestId('tickki-logo')).toBeNull();
    await screen.unmount();
  }
});
