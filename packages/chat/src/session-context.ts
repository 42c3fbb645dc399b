import type { Client, Session as WireSession } from '@tickki/chat-api';
import type { PusherConstructor, RealtimeLogger } from '@tickki/chat-realtime';
import type { RetryPolicy } from './backoff.js';
import type { ChatConfig } from './config.js';
import type { AppLifecycle } from './lifecycle.js';
import type { ProgressFetch } from './progress-fetch.js';
import type { StorageAdapter } from './storage.js';

/** @internal What a {@link ChatSession} needs from its `TickkiChat`. */
export interface SessionContext {
  client(sessionToken: () => string | undefined): Client;
  start(): Promise<WireSession>;
  config(): ChatConfig;
  storage: StorageAdapter;
  prefix: string;
  timeoutMs: number;
  retry: RetryPolicy;
  logger?: RealtimeLogger | undefined;
  Pusher?: PusherConstructor | undefined;
  lifecycle: AppLifecycle | undefined;
  /** Loads what makes a `fetch` reporting upload progress (`progress-fetch.ts`); absent when the app gave its own `fetch`. */
  progressFetch: (() => Promise<ProgressFetch>) | undefined;
  /** How often history is polled while the realtime connection is down (ms); 0: never. */
  pollMs: number;
  /** How often a connected but silent socket is checked for missed broadcasts (ms); 0: never. */
  reconcileMs: number;
}
