import { useCallback, useContext, useEffect, useSyncExternalStore } from 'react';
import type { AgentTyping, ChatConfig, ChatMessage, ChatSession, ConnectionState, StartSessionOptions, SyncState, TickkiChatError } from '@tickki/chat';
import { EMPTY_VIEW, type ChatController, type ChatView, type SessionStatus } from './controller.js';
import { ChatContext } from './provider.js';

/** The controller of the nearest `TickkiChatProvider`; throws a clear error outside one. */
export function useChatController(): ChatController {
  const controller = useContext(ChatContext);
  if (!controller) throw new Error('Tickki chat hooks must be used inside <TickkiChatProvider>.');
  return controller;
}

/**
 * One field (or any derived value) of the chat's {@link ChatView}, re-rendering only when it
 * changes. `select` must return a value from the view (or a primitive), not a new object.
 * A server render sees the empty view.
 */
export function useChatView<T>(select: (view: ChatView) => T): T {
  const controller = useChatController();
  return useSyncExternalStore(
    controller.subscribe,
    () => select(controller.view),
    () => select(EMPTY_VIEW),
  );
}

/** What {@link useChatSession} returns. */
export interface ChatSessionState {
  /** The session once started; use it to `send`, `retry`, `discard`, `loadOlder`, `typing`, `uploadAttachment`, `identify`. */
  session: ChatSession | undefined;
  /** `starting` until the channel is subscribed and history is loaded, then `ready`; `error` if it could not start. */
  status: SessionStatus;
  /** Why it could not start. */
  error: TickkiChatError | undefined;
  /** Starts again after an error. */
  restart: () => void;
}

/** Options of {@link useChatSession}: who is chatting, and `enabled: false` to wait (e.g. for a pre-chat form). */
export type UseChatSessionOptions = StartSessionOptions & { enabled?: boolean };

/**
 * Starts (or resumes) the visitor's session while the component is mounted; the same `visitorId`
 * resumes the same conversation. StrictMode's double mount starts one session; on unmount the
 * session stops (unless something starts it again at once). Nothing starts during a server render.
 */
export function useChatSession(options: UseChatSessionOptions): ChatSessionState {
  const controller = useChatController();
  const { enabled = true, visitorId, name, email, phone } = options;
  const session = useChatView((v) => v.session);
  const status = useChatView((v) => v.status);
  const error = useChatView((v) => v.error);
  const start = useCallback(() => {
    const who: StartSessionOptions = { visitorId };
    if (name !== undefined) who.name = name;
    if (email !== undefined) who.email = email;
    if (phone !== undefined) who.phone = phone;
    void controller.start(who).catch(() => undefined);
  }, [controller, visitorId, name, email, phone]);
  useEffect(() => {
    if (!enabled) return undefined;
    start();
    return () => controller.stopSoon();
  }, [controller, enabled, start]);
  return { session, status, error, restart: start };
}

/** The conversation's messages, oldest first (an immutable array, the same until something changes). */
export function useMessages(): readonly ChatMessage[] {
  return useChatView((v) => v.messages);
}

/** The realtime connection's state: `connecting`, `connected`, `reconnecting`, `offline`, … */
export function useConnectionState(): ConnectionState {
  return useChatView((v) => v.connection);
}

/** Where gap filling stands (`syncing`, `synced`, `failed` with a reason). */
export function useSyncState(): SyncState {
  return useChatView((v) => v.sync);
}

/** The agent typing right now (with `agentName` when known), or `undefined`. It expires on its own and ends when the agent's message arrives. */
export function useAgentTyping(): AgentTyping | undefined {
  return useChatView((v) => v.typing);
}

/** The business's chat configuration (branding, features, limits, presence), or `undefined` until fetched. */
export function useChatConfig(): ChatConfig | undefined {
  return useChatView((v) => v.config);
}
