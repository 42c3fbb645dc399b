/**
 * What a sandbox is started with, and the line it logs per request: plain types and defaults, so that
 * every other file can use them without importing the runtime.
 */
import type { ChatConfig } from '@tickki/chat-api';
import type { HttpFaults } from './faults.js';
import type { Faults } from './realtime/index.js';
import type { AgentSettings, PlanGates, RateLimits } from './store.js';

/** A partial of a two-level object (a section of {@link ChatConfig} at a time). */
export type ConfigPatch = { [S in keyof ChatConfig]?: Partial<ChatConfig[S]> };

/** A key given in {@link SandboxOptions.keys}. */
export interface KeyInput {
  key: string;
  type?: 'publishable' | 'secret';
  label?: string;
  allowed_origins?: string[];
  allowed_bundle_ids?: string[];
}

/** Options of {@link startSandbox}. Everything is optional. */
export interface SandboxOptions {
  /** Port; default 4010. Use 0 for a free port (tests). */
  port?: number;
  /** Interface to listen on; default `127.0.0.1`. */
  host?: string;
  /** Origin put in realtime blocks and signed URLs; default `http://{host}:{port}` (127.0.0.1 for a wildcard host). */
  publicOrigin?: string;
  /** The demo publishable key; default `pk_test_tickki_sandbox`. */
  demoKey?: string;
  /** More keys (publishable or secret, with allow-lists). */
  keys?: KeyInput[];
  /** Changes to the demo business's configuration. */
  config?: ConfigPatch;
  /** The scripted agent's settings (`mode`, `delay_ms`, `canned`, `name`, `typing`). */
  agent?: Partial<AgentSettings>;
  /** Rate limits (`null` switches one off). */
  rateLimits?: Partial<RateLimits>;
  /** Plan gates besides `features.file_uploads`. */
  plan?: Partial<PlanGates>;
  /** Start with the business suspended. */
  suspended?: boolean;
  /** Initial HTTP faults (see {@link HttpFaults}). */
  faults?: Partial<HttpFaults>;
  /** Initial websocket faults (see the realtime server's `Faults`). */
  realtimeFaults?: Partial<Faults>;
  /** Seed of every random choice of the fault knobs; random when omitted. */
  seed?: number;
  /** A JSON file that keeps the state across restarts. */
  persist?: string;
  /** Reverb app key in realtime blocks; default `tickki-sandbox-key`. */
  appKey?: string;
  /** Secret private channels are signed with; default `tickki-sandbox-secret`. */
  appSecret?: string;
  /** Websocket activity timeout announced to clients, in seconds; default 30. */
  activityTimeoutSeconds?: number;
  /** Lifetime of signed attachment URLs, in seconds; default 3600. */
  signedUrlTtlSeconds?: number;
  /** A visitor without a heartbeat for this long is shown offline; default 65. */
  presenceTtlSeconds?: number;
  /** Logs one line per API request to this function (the CLI passes `console.log`). */
  log?: (line: string) => void;
}

/** One line of the request log (`GET /_control/requests`). */
export interface RequestLogEntry {
  at: string;
  method: string;
  path: string;
  operation: string | null;
  status: number;
  duration_ms: number;
  idempotency_key: string | null;
  idempotent_replay: boolean;
  /** The answer was destroyed by the drop-answer fault. */
  dropped: boolean;
  /** The error code answered, if any. */
  error: string | null;
}

export const DEFAULT_DEMO_KEY = 'pk_test_tickki_sandbox';
export const DEFAULT_APP_KEY = 'tickki-sandbox-key';
export const DEFAULT_APP_SECRET = 'tickki-sandbox-secret';
export const DEFAULT_PORT = 4010;

/** How many request log lines are kept. */
export const MAX_LOG = 1000;
