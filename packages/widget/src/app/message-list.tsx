import { useLayoutEffect, useRef } from 'preact/hooks';
import { keepAtBottom } from './viewport.js';
import { threadRows, type ChatScreen, type ScreenState } from '@tickki/chat-ui';
import type { Words } from './hooks.js';
import { MessageItem } from './message-item.js';

/** Props of {@link MessageList}. */
export interface MessageListProps {
  screen: ChatScreen;
  state: ScreenState;
  words: Words;
  name: string;
  open: boolean;
  /** Changes when the visitor opens the panel: the list goes to the newest message. */
  focusKey: number;
  /** After Retry or Discard (their button goes away): focus the composer. */
  onAct(): void;
}

/**
 * The messages, oldest first, after the welcome (or the "older messages" button), in groups (one
 * time under a group) with a heading where the day changes (`threadRows`). Stays at the
 * bottom while the visitor is there (and for their own new message); keeps the position when older
 * history lands above; only the visitor scrolling up loads more.
 */
export function MessageList({ screen, state: { view, config }, words: { s, time, locale }, name, open, focusKey, onAct }: MessageListProps) {
  const { messages, typing, session, hasOlder, status } = view;
  const list = useRef<HTMLOListElement>(null);
  const atBottom = useRef(true);
  const anchor = useRef<number | undefined>(undefined);
  const loadingOlder = useRef(false);
  const lastTop = useRef(0);
  const touched = useRef(false);
  useLayoutEffect(() => {
    const el = list.current;
    if (!el) return;
    if (anchor.current !== undefined) {
      el.scrollTop = el.scrollHeight - anchor.current;
      anchor.current = undefined;
    } else if (atBottom.current || messages.at(-1)?.status === 'pending') el.scrollTop = el.scrollHeight;
  }, [messages, typing, open]);
  // the newest message stays in sight when the list shrinks (the keyboard comes up)
  useLayoutEffect(() => (list.current ? keepAtBottom(list.current) : undefined), []);
  useLayoutEffect(() => {
    const el = list.current;
    if (!focusKey || !el) return;
    atBottom.current = true;
    el.scrollTop = el.scrollHeight;
  }, [focusKey]);
  const loadOlder = () => {
    const el = list.current;
    if (!session || !hasOlder || loadingOlder.current || !el) return;
    loadingOlder.current = true;
    anchor.current = el.scrollHeight - el.scrollTop;
    // each load brings the page just before the oldest shown; `hasOlder` is current when it lands
    session
      .loadOlder()
      .catch(() => (anchor.current = undefined))
      .finally(() => (loadingOlder.current = false));
  };
  const touch = () => (touched.current = true);
  return (
    <ol
      ref={list}
      class="list"
      aria-label={name}
      tabIndex={0}
      onWheel={touch}
      onTouchStart={touch}
      onKeyDown={touch}
      onPointerDown={touch}
      onScroll={(e) => {
        const el = e.currentTarget;
        atBottom.current = el.scrollHeight - el.scrollTop - el.clientHeight < 40;
        if (el.scrollTop < 60 && el.scrollTop < lastTop.current && touched.current) loadOlder();
        lastTop.current = el.scrollTop;
      }}
    >
      {hasOlder && status === 'ready' ? (
        <li key="older">
          <button type="button" class="older" onClick={loadOlder}>
            {s.loadOlder}
          </button>
        </li>
      ) : (
        <li class="welcome" key="welcome">
          <div class="bubble" dir="auto">
            {config?.branding.welcomeMessage ?? ''}
          </div>
        </li>
      )}
      {threadRows(messages, { strings: s, locale }).map((r) =>
        r.kind === 'day' ? (
          <li key={r.key} class="day">
            <h3>{r.label}</h3>
          </li>
        ) : (
          <MessageItem
            key={r.key}
            message={r.message}
            last={r.last}
            strings={s}
            time={time}
            onRetry={(id) => {
              onAct();
              screen.retry(id);
            }}
            onDiscard={(id) => {
              onAct();
              screen.discard(id);
            }}
          />
        ),
      )}
    </ol>
  );
}
