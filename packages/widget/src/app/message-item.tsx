import { Component } from 'preact';
import type { ChatMessage } from '@tickki/chat';
import { format, httpUrl, linkify, type ChatStrings } from '@tickki/chat-ui';
import type { AttachmentViewProps } from './attachment.js';
import { lazy } from './lazy.js';

/** Pictures and voice notes as a chunk of their own; meanwhile (or when it cannot load), a link with the file's name. */
const AttachmentView = lazy(
  () => import('./attachment.js').then((m) => m.AttachmentView),
  ({ attachment: a, strings: s }: AttachmentViewProps) => {
    const href = httpUrl(a.signedUrl);
    return href ? (
      <a href={href} target="_blank" rel="noopener noreferrer" aria-label={format(s.attachment, { name: a.fileName })}>
        <bdi>{a.fileName}</bdi>
      </a>
    ) : (
      <bdi>{a.fileName}</bdi>
    );
  },
);

/** Props of {@link MessageItem}. */
export interface MessageItemProps {
  message: ChatMessage;
  strings: ChatStrings;
  /** Formats a message's time (`timeFormatter` of `@tickki/chat-ui`). */
  time: (d: Date) => string;
  /** Ends its group (`threadRows`): the time shows under it; inside a group, only screen readers get it. */
  last?: boolean;
  onRetry(clientId: string): void;
  onDiscard(clientId: string): void;
}

/**
 * One message. Text only: the content is split into text and checked links (http, https, mailto)
 * and rendered as text nodes; nothing a visitor or an agent types becomes markup. Re-renders only
 * when its message object changes (messages are replaced, never mutated).
 */
export class MessageItem extends Component<MessageItemProps> {
  override shouldComponentUpdate(next: MessageItemProps): boolean {
    return next.message !== this.props.message || next.strings !== this.props.strings || next.last !== this.props.last;
  }

  override render({ message: m, strings: s, time, last = true, onRetry, onDiscard }: MessageItemProps) {
    const mine = !m.isFromAgent;
    // a failed message keeps Retry and Discard in sight
    const grouped = !last && m.status !== 'failed';
    return (
      <li class={(mine ? 'me ' : '') + m.status + (grouped ? ' g' : '')} data-status={m.status}>
        <span class="sr">{mine ? s.you : s.agent}:</span>
        <div class="bubble" dir="auto" part={mine ? 'bubble visitor' : 'bubble agent'}>
          {m.attachments.length ? (
            <div class="file">
              {m.attachments.map((a) => (
                <AttachmentView key={a.id} attachment={a} strings={s} />
              ))}
            </div>
          ) : null}
          {/* an attachment message's text is its file name, which the attachment shows already */}
          {m.content && !m.attachments.some((a) => a.fileName === m.content)
            ? linkify(m.content).map((seg, i) =>
                seg.href ? (
                  <a key={i} href={seg.href} target="_blank" rel="noopener noreferrer">
                    {seg.text}
                  </a>
                ) : (
                  seg.text
                ),
              )
            : null}
        </div>
        <div class={grouped ? 'meta sr' : 'meta'}>
          {m.status === 'pending' ? (
            <span>{s.sending}</span>
          ) : m.status === 'failed' ? (
            <>
              <span role="status">{s.failed}</span>
              <button type="button" class="link" onClick={() => onRetry(m.clientId!)}>
                {s.retry}
              </button>
              <button type="button" class="link" onClick={() => onDiscard(m.clientId!)}>
                {s.discard}
              </button>
            </>
          ) : (
            <time dateTime={m.createdAt.toISOString()}>{time(m.createdAt)}</time>
          )}
        </div>
      </li>
    );
  }
}
