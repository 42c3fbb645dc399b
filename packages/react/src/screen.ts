import { useCallback, useEffect, useRef, useState, useSyncExternalStore } from 'react';
import { localStorageAdapter, memoryStorage, type ChatMessage } from '@tickki/chat';
import { ChatScreen, type ChatScreenOptions, type ScreenState, type UiStorage } from '@tickki/chat-ui';

/** Options of {@link useChatScreen}: the screen's options, the open state and the events. */
export interface UseChatScreenOptions extends Omit<ChatScreenOptions, 'storage'> {
  /**
   * Where the screen's state, the anonymous visitor id and (unless `chat.storage` says otherwise)
   * the chat's data are kept. Default: `chat.storage`, else `localStorage` where there is one, else memory.
   */
  storage?: UiStorage | undefined;
  /** The chat is on screen (default `true`): the session starts and replies count as seen; `false` keeps counting unread. */
  open?: boolean | undefined;
  /** A message sent, or received after the history loaded: once each. */
  onMessage?: ((message: ChatMessage) => void) | undefined;
  /** The unread count changed. */
  onUnread?: ((count: number) => void) | undefined;
}

/** What {@link useChatScreen} returns. */
export interface ChatScreenHandle {
  /** The screen's snapshot: the chat's view, config, `failed`, `banner`, `unread`, `needsForm`, `uploads`, `notice`, … */
  state: ScreenState;
  /** The screen, for its methods: `send`, `retry`, `discard`, `upload`, `identify`, `restart`, `setVisible`, … */
  screen: ChatScreen;
  /**
   * Ends the visitor's chat on this device (`ChatScreen.logout()`: session token, kept and unsent
   * messages, contact fields, unread state, anonymous id). An anonymous screen that is still open
   * starts afresh as a new visitor; a screen given a `visitorId` stays empty until that prop changes.
   */
  logout: () => Promise<void>;
}

/** Web Storage when the platform has it (a browser), else memory. */
function defaultStorage(): UiStorage {
  try {
    const storage = (globalThis as { localStorage?: Storage }).localStorage;
    if (storage) return localStorageAdapter(storage);
  } catch {
    // blocked storage (privacy mode): memory
  }
  return memoryStorage();
}

/** The first options, made into the screen's: one storage for the screen and the chat. */
function screenOptions(options: UseChatScreenOptions): ChatScreenOptions {
  const { open: _open, onMessage: _message, onUnread: _unread, ...rest } = options;
  const storage = options.storage ?? options.chat?.storage ?? defaultStorage();
  return { ...rest, storage, chat: { ...options.chat, storage: options.chat?.storage ?? storage } };
}

/**
 * A chat screen's behaviour ({@link ChatScreen} of `@tickki/chat-ui`) for a React component: one
 * screen per mount, booted in an effect (never during a server render), disposed on unmount a tick
 * later, so StrictMode's mount → unmount → mount keeps one chat and one socket. Changed
 * `publishableKey`, `baseUrl`, `visitorId`, `name`, `email`, `phone` or `consent` go to `screen.update()` (a
 * new key or visitor: the old chat is disposed, the new one started; `consent` becoming `given`: the chat may start); `storage`, `chat` and
 * `presenceRefreshMs` are read once.
 *
 * ```tsx
 * const { state, screen } = useChatScreen({ publishableKey: 'pk_live_…', visitorId: user?.id });
 * if (state.failed) return <button onClick={() => screen.restart()}>Retry</button>;
 * ```
 */
export function useChatScreen(options: UseChatScreenOptions): ChatScreenHandle {
  const { publishableKey, baseUrl, visitorId, name, email, phone, consent, open = true } = options;
  // creating a screen has no side effect: a render thrown away costs nothing
  const [screen] = useState(() => new ChatScreen(screenOptions(options)));
  const latest = useRef({ options, open });
  useEffect(() => void (latest.current = { options, open }));

  const disposeTimer = useRef<ReturnType<typeof setTimeout>>(undefined);
  useEffect(() => {
    clearTimeout(disposeTimer.current);
    void screen.boot();
    const stops = [
      screen.on('message', (m) => latest.current.options.onMessage?.(m)),
      screen.on('unread', (n) => latest.current.options.onUnread?.(n)),
    ];
    return () => {
      for (const stop of stops) stop();
      disposeTimer.current = setTimeout(() => screen.dispose(), 0);
    };
  }, [screen]);

  useEffect(() => screen.update({ publishableKey, baseUrl, visitorId, name, email, phone, consent }), [screen, publishableKey, baseUrl, visitorId, name, email, phone, consent]);
  // a new key or visitor opens again what a logout closed
  useEffect(() => screen.setOpen(open), [screen, open, publishableKey, baseUrl, visitorId]);

  const state = useSyncExternalStore(screen.subscribe, () => screen.state, () => screen.state);
  const logout = useCallback(async () => {
    await screen.logout();
    const { options: now, open: openNow } = latest.current;
    if (!now.visitorId) screen.setOpen(openNow);
  }, [screen]);
  return { state, screen, logout };
}
