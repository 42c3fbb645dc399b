/**
 * HTTP fault injection: added latency, `server_error` answers, 429 bursts, hung requests, dropped
 * answers, garbled (truncated) answers, answers of an unexpected shape, messages stored but never
 * broadcast, and a server that ignores the `Idempotency-Key` extension. Random choices come from one seedable source, so a run with the same seed and
 * the same request order fails the same requests. The websocket faults live in
 * {@link PusherServer.setFaults} (see `src/realtime/faults.ts`).
 */
import { createRandom, type RandomSource } from './realtime/index.js';

/** The names of the document's operations (`operationId`s). */
export const OPERATIONS = [
  'getConfig',
  'startSession',
  'listMessages',
  'sendMessage',
  'authorizeChannel',
  'identifyVisitor',
  'sendTyping',
  'sendHeartbeat',
  'uploadAttachment',
  'trackEvents',
] as const;

/** One of the document's `operationId`s. */
export type OperationId = (typeof OPERATIONS)[number];

/** HTTP fault knobs; every one off by default. Rates are shares between 0 and 1. */
export interface HttpFaults {
  /** Added to every API answer, in milliseconds. */
  latency_ms: number;
  /** Plus a random 0..N ms. */
  latency_jitter_ms: number;
  /** Share of requests answered `server_error` (before they are processed). */
  error_rate: number;
  /** The next N requests are answered `server_error`. */
  error_next: number;
  /** Status of injected `server_error` answers: 500 (declared by the document) or 503 (not declared). */
  error_status: 500 | 503;
  /** The next N requests are answered 429 `rate_limited`. */
  rate_limit_next: number;
  /** `Retry-After` of injected 429s, in seconds. */
  retry_after_seconds: number;
  /** Share of requests that hang before they are processed. */
  timeout_rate: number;
  /** The next N requests hang. */
  timeout_next: number;
  /** How long a hung request hangs before it is processed after all; 0: until the client gives up. */
  timeout_ms: number;
  /** Share of requests that are processed but whose answer is destroyed (the client sees a reset). */
  drop_response_rate: number;
  /** The next N requests are processed and their answers destroyed. */
  drop_response_next: number;
  /** Share of requests that are processed but answered with the first half of their JSON (status kept). */
  garble_response_rate: number;
  /** The next N requests are processed and answered with the first half of their JSON. */
  garble_response_next: number;
  /** Share of requests that are processed but answered `{"data":{"unexpected":true}}` (valid JSON, wrong shape; status kept). */
  reshape_response_rate: number;
  /** The next N requests are processed and answered `{"data":{"unexpected":true}}`. */
  reshape_response_next: number;
  /** Share of processed `sendMessage` and `uploadAttachment` requests whose message is stored but never broadcast (no echo). */
  silent_store_rate: number;
  /** The next N processed `sendMessage` or `uploadAttachment` requests store their message without broadcasting it. */
  silent_store_next: number;
  /**
   * Behave like a server that does not know the `Idempotency-Key` extension (as the real backend may):
   * the header is neither checked nor remembered, so a repeated send is stored again.
   */
  ignore_idempotency_key: boolean;
  /** Limit every fault to these operations; empty: all. */
  operations: OperationId[];
}

/** No HTTP faults. */
export function noHttpFaults(): HttpFaults {
  return {
    latency_ms: 0,
    latency_jitter_ms: 0,
    error_rate: 0,
    error_next: 0,
    error_status: 500,
    rate_limit_next: 0,
    retry_after_seconds: 1,
    timeout_rate: 0,
    timeout_next: 0,
    timeout_ms: 0,
    drop_response_rate: 0,
    drop_response_next: 0,
    garble_response_rate: 0,
    garble_response_next: 0,
    reshape_response_rate: 0,
    reshape_response_next: 0,
    silent_store_rate: 0,
    silent_store_next: 0,
    ignore_idempotency_key: false,
    operations: [],
  };
}

const RATES = ['error_rate', 'timeout_rate', 'drop_response_rate', 'garble_response_rate', 'reshape_response_rate', 'silent_store_rate'] as const;
const COUNTS = [
  'latency_ms',
  'latency_jitter_ms',
  'error_next',
  'rate_limit_next',
  'retry_after_seconds',
  'timeout_next',
  'timeout_ms',
  'drop_response_next',
  'garble_response_next',
  'reshape_response_next',
  'silent_store_next',
] as const;

/** Merges a patch into `base`, validating it; throws `RangeError` (listing the field) on a bad value. */
export function mergeHttpFaults(base: HttpFaults, patch: Record<string, unknown>): HttpFaults {
  const next: HttpFaults = { ...base, operations: [...base.operations] };
  for (const [field, value] of Object.entries(patch)) {
    if ((RATES as readonly string[]).includes(field)) {
      if (typeof value !== 'number' || !(value >= 0 && value <= 1)) throw new RangeError(`${field} must be a number between 0 and 1`);
      next[field as (typeof RATES)[number]] = value;
    } else if ((COUNTS as readonly string[]).includes(field)) {
      if (typeof value !== 'number' || !Number.isInteger(value) || value < 0) throw new RangeError(`${field} must be an integer >= 0`);
      next[field as (typeof COUNTS)[number]] = value;
    } else if (field === 'error_status') {
      if (value !== 500 && value !== 503) throw new RangeError('error_status must be 500 or 503');
      next.error_status = value;
    } else if (field === 'ignore_idempotency_key') {
      if (typeof value !== 'boolean') throw new RangeError('ignore_idempotency_key must be true or false');
      next.ignore_idempotency_key = value;
    } else if (field === 'operations') {
      if (!Array.isArray(value) || !value.every((op) => (OPERATIONS as readonly unknown[]).includes(op))) {
        throw new RangeError(`operations must be a list of: ${OPERATIONS.join(', ')}`);
      }
      next.operations = value as OperationId[];
    } else {
      throw new RangeError(`unknown HTTP fault: ${field}`);
    }
  }
  return next;
}

/** What to do with a request before it is processed. */
export type PreAction = { kind: 'none' } | { kind: 'error'; status: number } | { kind: 'rate_limit'; retryAfter: number } | { kind: 'hang'; ms: number };

/** What becomes of a processed request's answer: sent, destroyed, cut to its first half, or replaced by JSON of another shape. */
export type AnswerFate = 'send' | 'drop' | 'garble' | 'reshape';

/** Counts of injected faults, for the control API. */
export interface FaultCounters {
  delayed: number;
  errors: number;
  rate_limited: number;
  hung: number;
  dropped_responses: number;
  garbled_responses: number;
  reshaped_responses: number;
  silent_stores: number;
}

const noCounters = (): FaultCounters => ({
  delayed: 0,
  errors: 0,
  rate_limited: 0,
  hung: 0,
  dropped_responses: 0,
  garbled_responses: 0,
  reshaped_responses: 0,
  silent_stores: 0,
});

/** Decides, request by request, which fault (if any) applies. */
export class FaultEngine {
  #faults: HttpFaults = noHttpFaults();
  #random: RandomSource;
  readonly #seed: number | undefined;
  counters: FaultCounters = noCounters();

  constructor(seed?: number) {
    this.#seed = seed;
    this.#random = seed === undefined ? Math.random : createRandom(seed);
  }

  get faults(): HttpFaults {
    return { ...this.#faults, operations: [...this.#faults.operations] };
  }

  set(patch: Record<string, unknown>): HttpFaults {
    this.#faults = mergeHttpFaults(this.#faults, patch);
    return this.faults;
  }

  /** Clears every fault and restarts the random sequence from the seed. */
  clear(): void {
    this.#faults = noHttpFaults();
    if (this.#seed !== undefined) this.#random = createRandom(this.#seed);
    this.counters = noCounters();
  }

  #applies(op: OperationId): boolean {
    const ops = this.#faults.operations;
    return ops.length === 0 || ops.includes(op);
  }

  /** Added latency for this request, in ms. */
  latency(op: OperationId): number {
    const f = this.#faults;
    if (!this.#applies(op) || (f.latency_ms === 0 && f.latency_jitter_ms === 0)) return 0;
    this.counters.delayed++;
    return f.latency_ms + (f.latency_jitter_ms > 0 ? Math.floor(this.#random() * (f.latency_jitter_ms + 1)) : 0);
  }

  /** The fault to apply before processing. "Next N" knobs win over rates. */
  before(op: OperationId): PreAction {
    if (!this.#applies(op)) return { kind: 'none' };
    const f = this.#faults;
    if (f.rate_limit_next > 0) {
      f.rate_limit_next--;
      this.counters.rate_limited++;
      return { kind: 'rate_limit', retryAfter: f.retry_after_seconds };
    }
    if (f.error_next > 0) {
      f.error_next--;
      this.counters.errors++;
      return { kind: 'error', status: f.error_status };
    }
    if (f.timeout_next > 0) {
      f.timeout_next--;
      this.counters.hung++;
      return { kind: 'hang', ms: f.timeout_ms };
    }
    if (f.error_rate > 0 && this.#random() < f.error_rate) {
      this.counters.errors++;
      return { kind: 'error', status: f.error_status };
    }
    if (f.timeout_rate > 0 && this.#random() < f.timeout_rate) {
      this.counters.hung++;
      return { kind: 'hang', ms: f.timeout_ms };
    }
    return { kind: 'none' };
  }

  /** What becomes of this (processed) request's answer. "Next N" knobs win over rates; drops over garbling. */
  answer(op: OperationId): AnswerFate {
    if (!this.#applies(op)) return 'send';
    if (this.#take('drop_response_next', 'drop_response_rate')) {
      this.counters.dropped_responses++;
      return 'drop';
    }
    if (this.#take('garble_response_next', 'garble_response_rate')) {
      this.counters.garbled_responses++;
      return 'garble';
    }
    if (this.#take('reshape_response_next', 'reshape_response_rate')) {
      this.counters.reshaped_responses++;
      return 'reshape';
    }
    return 'send';
  }

  /** Whether the message this (processed) request stored is broadcast; `false` under the dropped-broadcast fault. */
  broadcast(op: OperationId): boolean {
    if (!this.#applies(op) || !this.#take('silent_store_next', 'silent_store_rate')) return true;
    this.counters.silent_stores++;
    return false;
  }

  /** Whether the `Idempotency-Key` extension is ignored (see {@link HttpFaults.ignore_idempotency_key}). */
  get ignoresIdempotencyKey(): boolean {
    return this.#faults.ignore_idempotency_key;
  }

  /** Uses up one of the "next N" count, else draws against the rate (only when it is set). */
  #take(
    next: 'drop_response_next' | 'garble_response_next' | 'reshape_response_next' | 'silent_store_next',
    rate: 'drop_response_rate' | 'garble_response_rate' | 'reshape_response_rate' | 'silent_store_rate',
  ): boolean {
    const f = this.#faults;
    if (f[next] > 0) {
      f[next]--;
      return true;
    }
    return f[rate] > 0 && this.#random() < f[rate];
  }
}
