import type { PusherConstructor, RealtimeLogger } from '@tickki/chat-realtime';
import type { RetryPolicy } from './backoff.js';
import { TickkiChatError } from './errors.js';
import type { AppLifecycle } from './lifecycle.js';
import type { StorageAdapter } from './storage.js';

/** Options of {@link TickkiChat}. */
export interface TickkiChatOptions {
  /** The business's publishable key (`pk_live_…`, `pk_test_…`). */
  publishableKey: string;
  /** API host without `/api/v1`. Default `https://app.tickki.com`. */
  baseUrl?: string;
  /** Mobile apps: the bundle id matched against the key's allow-list. */
  bundleId?: string;
  /**
   * Where the session token, the outbox and the newest messages are kept. Default: `localStorage`
   * in browsers (checked when the chat is created, never at import), memory elsewhere. React
   * Native: `asyncStorageAdapter(AsyncStorage)`.
   */
  storage?: StorageAdapter;
  /** A `fetch` implementation. Default `globalThis.fetch`. */
  fetch?: typeof fetch;
  /** Diagnostics (`debug`, `warn`). */
  logger?: RealtimeLogger;
  /**
   * Network and visibility signals. Default: the browser's (`online`/`offline`,
   * `visibilitychange`, `pagehide`); React Native: `appStateLifecycle(AppState)`; `null` for none.
   */
  lifecycle?: AppLifecycle | null;
  /** Timeout of one HTTP attempt, in ms. Default 15 000. */
  timeoutMs?: number;
  /** Retry policy of retryable failures. Default 8 retries, 250 ms doubling to 10 s, with jitter. */
  retry?: Partial<RetryPolicy>;
  /** How long a fetched config is fresh before it is revalidated, in ms. Default 5 minutes. */
  configMaxAgeMs?: number;
  /**
   * While the realtime connection is down (websockets blocked by a proxy, a long outage), history is
   * polled this often, in ms, so that replies still arrive. Default 15 000; `0` turns it off.
   */
  pollIntervalMs?: number;
  /**
   * While the chat is visible and its socket connected but silent, the newest page of history is
   * fetched at most this often, in ms, to catch replies whose broadcast never came (a server whose
   * broadcast queue is stalled or misconfigured: "messages only appear after a refresh"). What it
   * finds is merged and reported (`recovered` with cause `missed_broadcasts`, and one logger
   * warning). Default 60 000 (at most 60 small requests an hour while visible and silent); `0` turns
   * it off.
   */
  reconcileIntervalMs?: number;
  /** A pusher-js constructor (e.g. from `pusher-js/worker` or `pusher-js/react-native`). */
  Pusher?: PusherConstructor;
}

/** Who is chatting. The same `visitorId` resumes the same conversation. */
export interface StartSessionOptions {
  /** A stable id you generate once per visitor and keep. */
  visitorId: string;
  name?: string;
  email?: string;
  phone?: string;
}

/**
 * Refuses options that cannot work, when the chat is created rather than on its first call: an
 * empty publishable key, a `baseUrl` that is not an absolute http(s) URL (`invalid_argument`; an
 * empty one means the default).
 */
export function checkOptions(options: TickkiChatOptions): void {
  const { publishableKey, baseUrl } = (options ?? {}) as Partial<Record<keyof TickkiChatOptions, unknown>>;
  if (typeof publishableKey !== 'string' || !publishableKey.trim()) throw new TickkiChatError('invalid_argument', 'publishableKey is empty');
  if (baseUrl !== undefined && baseUrl !== '' && (typeof baseUrl !== 'string' || !/^https?:\/\/[^/?#\s]+/i.test(baseUrl))) {
    throw new TickkiChatError('invalid_argument', `baseUrl is not an absolute http(s) URL: ${String(baseUrl)}`);
  }
}
