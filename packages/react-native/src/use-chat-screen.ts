/**
 * The screen's behaviour on React Native: `useChatScreen` of `@tickki/chat-react` with the
 * platform's parts (AsyncStorage for the chat and the screen's state, AppState + NetInfo, pusher-js's
 * React Native build), the app's foreground as the screen's visibility, and `logout()`.
 */
import { useEffect, useRef, useState } from 'react';
import { AppState } from 'react-native';
import type { StorageAdapter, TickkiChatOptions } from '@tickki/chat';
import { useChatScreen as useScreen, type ChatScreenHandle, type UseChatScreenOptions } from '@tickki/chat-react';
import { ChatScreen } from '@tickki/chat-ui';
import { platformChatOptions, platformStorage } from './platform.js';

/** Options of the React Native {@link useChatScreen}: the screen's, and any `TickkiChat` option (read once). */
export type NativeChatScreenOptions = Omit<UseChatScreenOptions, 'chat'> &
  Partial<Omit<TickkiChatOptions, 'publishableKey' | 'baseUrl'>> & {
    /**
     * Called for an agent's reply while the visitor is not reading it (the chat closed, or the app not
     * in the foreground): play your chime there (React Native has no sound of its own; e.g. an
     * `expo-audio` player's `seekTo(0); play()`). The widget's `sound` attribute is this with a built-in chime.
     */
    sound?: (() => void) | undefined;
  };

const SCREEN_OPTIONS = new Set(['publishableKey', 'baseUrl', 'visitorId', 'name', 'email', 'phone', 'storage', 'presenceRefreshMs', 'consent', 'open', 'onMessage', 'onUnread', 'sound']);

/** The mounted screens, for {@link logout}. */
const live = new Set<{ publishableKey: string; handle: ChatScreenHandle }>();

/** The chat's options for this platform, with `storage` the one the screen keeps its state in. */
function nativeOptions(options: NativeChatScreenOptions): UseChatScreenOptions {
  const screen: Record<string, unknown> = {};
  const chat: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(options)) (SCREEN_OPTIONS.has(key) ? screen : chat)[key] = value;
  const storage = options.storage ?? platformStorage();
  const { publishableKey: _key, ...platform } = platformChatOptions({ ...chat, storage, publishableKey: options.publishableKey } as TickkiChatOptions);
  return { ...(screen as unknown as UseChatScreenOptions), storage, chat: platform };
}

/**
 * {@link ChatScreen} of `@tickki/chat-ui` for a React Native component: `useChatScreen` of
 * `@tickki/chat-react` with AsyncStorage (when installed), AppState + NetInfo and pusher-js's React
 * Native build; replies count as seen only while the app is in the foreground. For a UI of your own,
 * or one screen shared by several views (`<TickkiChatView chat={…} />`).
 *
 * ```tsx
 * const chat = useChatScreen({ publishableKey: 'pk_live_…', visitorId: user?.id });
 * chat.state.view.messages; chat.screen.send('Hello'); chat.logout();
 * ```
 */
export function useChatScreen(options: NativeChatScreenOptions): ChatScreenHandle {
  // the platform's parts are made once, as the screen reads them once
  const [first] = useState(() => nativeOptions(options));
  const { publishableKey, baseUrl, visitorId, name, email, phone, consent, open, onMessage, onUnread } = options;
  const handle = useScreen({ ...first, publishableKey, baseUrl, visitorId, name, email, phone, consent, open, onMessage, onUnread });
  const { screen } = handle;
  const latest = useRef({ sound: options.sound, open });
  useEffect(() => void (latest.current = { sound: options.sound, open }));
  useEffect(
    () =>
      screen.on('message', (m) => {
        const { sound, open: opened = true } = latest.current;
        if (m.isFromAgent && sound && (!opened || AppState.currentState === 'background')) sound();
      }),
    [screen],
  );
  useEffect(() => {
    screen.setVisible(AppState.currentState !== 'background');
    const subscription = AppState.addEventListener('change', (state) => state !== 'inactive' && screen.setVisible(state === 'active'));
    return () => subscription.remove();
  }, [screen]);
  useEffect(() => {
    const entry = { publishableKey, handle };
    live.add(entry);
    return () => void live.delete(entry);
  }, [publishableKey, handle]);
  return handle;
}

/** What {@link logout} takes: the business, and the visitor the app named (if it names them). */
export interface LogoutOptions {
  publishableKey: string;
  /** Needed only when no chat screen of this key is mounted (it reads the config once). */
  baseUrl?: string;
  /** The `visitorId` the app gave the screen, if any (else the anonymous visitor is logged out). */
  visitorId?: string;
  /** Where the chat keeps its data, if not the default (AsyncStorage when installed). */
  storage?: StorageAdapter;
}

/**
 * Ends the visitor's chat on this device (sign-out, a shared phone): the session stops, and its
 * token, kept messages, unsent messages (dropped, never sent as the next person), the pre-chat
 * answers, the unread state and the anonymous visitor id are removed from storage. Every mounted
 * screen of `publishableKey` is logged out (an anonymous one starts afresh as a new visitor; one
 * given a `visitorId` stays empty until that prop changes); with none mounted, the device's data is
 * cleared all the same. Resolves once storage is cleared.
 *
 * ```ts
 * await logout({ publishableKey: 'pk_live_…', visitorId: user.id });
 * ```
 */
export async function logout(options: LogoutOptions): Promise<void> {
  const mounted = [...live].filter((entry) => entry.publishableKey === options.publishableKey);
  if (mounted.length) return void (await Promise.all(mounted.map((entry) => entry.handle.logout())));
  const { publishableKey, baseUrl, visitorId } = options;
  const storage = options.storage ?? platformStorage();
  const screen = new ChatScreen({ publishableKey, baseUrl, visitorId, storage, presenceRefreshMs: 0, chat: { storage, lifecycle: null } });
  try {
    await screen.logout();
  } finally {
    screen.dispose();
  }
}
