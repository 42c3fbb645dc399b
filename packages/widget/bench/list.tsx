// Browser entry of the update-cost benchmark: the panel's message list (keyed, one memoized item per
// message) with 5,000 messages, one new message at a time; against rendering the whole list afresh.
import { render } from 'preact';
import type { ChatMessage } from '@tickki/chat';
import { en } from '@tickki/chat-ui/strings/en';
import { MessageItem } from '../src/app/message-item.js';

const time = new Intl.DateTimeFormat('en', { hour: 'numeric', minute: '2-digit' });
const message = (i: number): ChatMessage => ({
  id: i,
  key: String(i),
  clientId: undefined,
  status: 'sent',
  direction: i % 2 ? 'outbound' : 'inbound',
  type: 'text',
  content: `Message ${i}: see https://example.com/orders/${i} for details`,
  createdAt: new Date(1_764_000_000_000 + i * 1000),
  attachments: [],
  isFromAgent: i % 2 === 1,
  error: undefined,
});
const noop = () => undefined;
const List = ({ messages }: { messages: readonly ChatMessage[] }) => (
  <ol class="list">
    {messages.map((m) => (
      <MessageItem key={m.key} message={m} strings={en} time={(d) => time.format(d)} onRetry={noop} onDiscard={noop} />
    ))}
  </ol>
);

/** Median ms of `runs` appends to a list of `size` messages; `fresh` renders each into a new container (a full re-render). */
(globalThis as Record<string, unknown>).bench = (size: number, runs: number, fresh: boolean): number[] => {
  let messages = Array.from({ length: size }, (_, i) => message(i + 1));
  let host = document.createElement('div');
  document.body.append(host);
  render(<List messages={messages} />, host);
  const times: number[] = [];
  for (let r = 0; r < runs; r++) {
    messages = [...messages, message(size + r + 1)];
    if (fresh) {
      render(null, host);
      host.remove();
      host = document.createElement('div');
      document.body.append(host);
    }
    const t0 = performance.now();
    render(<List messages={messages} />, host);
    times.push(performance.now() - t0);
  }
  render(null, host);
  host.remove();
  return times;
};
