/** How the server names a broadcast event `MessageCreated` on the wire. */
export type EventNameStyle = 'plain' | 'dotted' | 'classPath';

/**
 * How new connections are refused: `pusher` completes the websocket handshake, then sends
 * `pusher:error` 4100 (over capacity) and closes with 4100, so Pusher clients back off and
 * retry; `http` answers the upgrade with HTTP 503; `drop` destroys the TCP socket unanswered.
 */
export type RefuseMode = 'pusher' | 'http' | 'drop';

/** How a refused channel signature is reported. */
export type AuthFailureStyle = 'subscription_error' | 'pusher_error';

/**
 * Fault-injection knobs. All can be changed while the server runs; each broadcast
 * reads them when it is made.
 */
export interface Faults {
  /** Probability (0..1) that a broadcast is silently not sent at all. */
  dropBroadcastRate: number;
  /** Probability (0..1) that a broadcast is sent twice. */
  duplicateBroadcastRate: number;
  /** When > 0, every broadcast (and each duplicate) is held a random 0..N ms, so they can arrive out of order. */
  reorderWindowMs: number;
  /** Encode `data` twice (a JSON string of a JSON string), as some Laravel setups do. */
  doubleEncodeData: boolean;
  /** `plain` → `MessageCreated`, `dotted` → `.MessageCreated`, `classPath` → `App\Events\MessageCreated`. */
  eventNameStyle: EventNameStyle;
  /**
   * Refuse every new connection; `true` means `'pusher'` (see {@link RefuseMode}). Note that
   * pusher-js on Node (faye-websocket) does not notice `http`/`drop` refusals until its 15 s
   * attempt timeout, while `pusher` makes it retry about every second.
   */
  refuseConnections: false | RefuseMode;
  /**
   * `subscription_error` (default): a channel-scoped `pusher:subscription_error` that pusher-js
   * emits on the channel; `pusher_error`: Reverb's actual answer, `pusher:error` code 4009.
   */
  authFailureStyle: AuthFailureStyle;
}

/** No faults: the server behaves like a healthy Reverb. */
export const DEFAULT_FAULTS: Readonly<Faults> = Object.freeze({
  dropBroadcastRate: 0,
  duplicateBroadcastRate: 0,
  reorderWindowMs: 0,
  doubleEncodeData: false,
  eventNameStyle: 'plain',
  refuseConnections: false,
  authFailureStyle: 'subscription_error',
});

const EVENT_NAME_STYLES: readonly string[] = ['plain', 'dotted', 'classPath'];
const REFUSE_MODES: readonly string[] = ['pusher', 'http', 'drop'];
const AUTH_FAILURE_STYLES: readonly string[] = ['subscription_error', 'pusher_error'];

function rate(name: string, value: unknown): number {
  if (typeof value !== 'number' || !(value >= 0 && value <= 1)) {
    throw new RangeError(`faults.${name} must be a number between 0 and 1, got ${String(value)}`);
  }
  return value;
}

/** Merges `patch` into `base`, validating every given knob. Throws `RangeError`/`TypeError` on bad values. */
export function mergeFaults(base: Readonly<Faults>, patch: FaultsPatch): Faults {
  const next: Faults = { ...base };
  if (patch.dropBroadcastRate !== undefined) next.dropBroadcastRate = rate('dropBroadcastRate', patch.dropBroadcastRate);
  if (patch.duplicateBroadcastRate !== undefined) {
    next.duplicateBroadcastRate = rate('duplicateBroadcastRate', patch.duplicateBroadcastRate);
  }
  if (patch.reorderWindowMs !== undefined) {
    const ms = patch.reorderWindowMs;
    if (typeof ms !== 'number' || !Number.isFinite(ms) || ms < 0) {
      throw new RangeError(`faults.reorderWindowMs must be a finite number >= 0, got ${String(ms)}`);
    }
    next.reorderWindowMs = ms;
  }
  if (patch.doubleEncodeData !== undefined) {
    if (typeof patch.doubleEncodeData !== 'boolean') throw new TypeError('faults.doubleEncodeData must be a boolean');
    next.doubleEncodeData = patch.doubleEncodeData;
  }
  if (patch.refuseConnections !== undefined) {
    const refuse: unknown = patch.refuseConnections;
    if (refuse === true) next.refuseConnections = 'pusher';
    else if (refuse === false || (typeof refuse === 'string' && REFUSE_MODES.includes(refuse))) {
      next.refuseConnections = refuse as false | RefuseMode;
    } else {
      throw new RangeError(`faults.refuseConnections must be a boolean or one of ${REFUSE_MODES.join(', ')}`);
    }
  }
  if (patch.eventNameStyle !== undefined) {
    if (!EVENT_NAME_STYLES.includes(patch.eventNameStyle)) {
      throw new RangeError(`faults.eventNameStyle must be one of ${EVENT_NAME_STYLES.join(', ')}`);
    }
    next.eventNameStyle = patch.eventNameStyle;
  }
  if (patch.authFailureStyle !== undefined) {
    if (!AUTH_FAILURE_STYLES.includes(patch.authFailureStyle)) {
      throw new RangeError(`faults.authFailureStyle must be one of ${AUTH_FAILURE_STYLES.join(', ')}`);
    }
    next.authFailureStyle = patch.authFailureStyle;
  }
  return next;
}

/** What {@link mergeFaults} and `PusherServer.setFaults` accept: some knobs; `refuseConnections: true` means `'pusher'`. */
export type FaultsPatch = Partial<Omit<Faults, 'refuseConnections'>> & { refuseConnections?: boolean | RefuseMode };

/** Laravel's default event namespace, as a PHP class path prefix. */
export const LARAVEL_EVENT_NAMESPACE = 'App\\Events\\';

/**
 * Names `event` the way {@link EventNameStyle} says: `MessageCreated`, `.MessageCreated`
 * or `App\Events\MessageCreated`. A name already in the asked style is left alone.
 */
export function styleEventName(event: string, style: EventNameStyle): string {
  switch (style) {
    case 'dotted':
      return event.startsWith('.') ? event : `.${event}`;
    case 'classPath':
      return event.includes('\\') ? event : LARAVEL_EVENT_NAMESPACE + event;
    default:
      return event;
  }
}
