/**
 * Batched visitor analytics (`POST /chat/events`) for a {@link TickkiChat}, made by
 * {@link getAnalytics}: the chat itself does not refer to it, so an app that never calls
 * `getAnalytics` (the widget, the React Native screen) leaves it out of its bundle.
 */
import { trackEvents, type AnalyticsEvent } from '@tickki/chat-api';
import { backoffDelay } from '@tickki/chat-realtime/internal';
import { snake } from './config.js';
import { isRetryable } from './errors.js';
import { call } from './request.js';
import { addOns } from './add-ons.js';
import type { TickkiChat } from './tickki-chat.js';

/** Optional fields of an analytics event. */
export interface AnalyticsProps {
  title?: string;
  url?: string;
  elementLabel?: string;
  elementType?: string;
  elementKey?: string;
  value?: string;
  meta?: Record<string, unknown>;
}

/** Sends one batch (`POST /chat/events`); `keepalive` asks the request to outlive the page. */
export type SendBatch = (visitorId: string, events: AnalyticsEvent[], keepalive: boolean) => Promise<unknown>;

/** Limits of {@link Analytics}, the options of {@link getAnalytics}. */
export interface AnalyticsOptions {
  /** Most events per request (the API takes 50). */
  batchSize?: number;
  /** Flush as soon as this many are queued. Default 20. */
  flushAt?: number;
  /** Flush this long after the first queued event, in ms. Default 5000. */
  intervalMs?: number;
  /** Most events held; beyond it the oldest are dropped and counted. Default 500. */
  maxQueue?: number;
}

/**
 * Batched visitor analytics, like the Flutter client (≤ 50 per batch, every 5 s or at 20 queued) but
 * with a bounded queue: during an outage the oldest events are dropped and counted in
 * {@link Analytics.droppedCount} instead of growing without end. Events wait until a visitor id is
 * known (the first `startSession`).
 *
 * On page hide the queue is flushed with `fetch(…, { keepalive: true })`, not `navigator.sendBeacon`:
 * the API needs the `Authorization: Bearer <publishable key>` header and a beacon cannot set headers.
 */
export class Analytics {
  /** Events dropped because the queue was full or the server refused them for good. */
  droppedCount = 0;
  #queue: AnalyticsEvent[] = [];
  #send: SendBatch;
  #visitorId: string | undefined;
  #timer: ReturnType<typeof setTimeout> | undefined;
  #flushing: Promise<void> | undefined;
  #failures = 0;
  #options: Required<AnalyticsOptions>;
  #disposed = false;

  constructor(send: SendBatch, { batchSize = 50, flushAt = 20, intervalMs = 5000, maxQueue = 500 }: AnalyticsOptions = {}) {
    this.#send = send;
    this.#options = { batchSize, flushAt, intervalMs, maxQueue };
  }

  /** Events waiting to be sent. */
  get queued(): number {
    return this.#queue.length;
  }

  /** The visitor the events belong to; set by the chat's `startSession`. Queued events flush once it is known. */
  set visitorId(id: string | undefined) {
    this.#visitorId = id;
    this.#schedule();
  }

  get visitorId(): string | undefined {
    return this.#visitorId;
  }

  /** Records an event of any `type` (`coupon_applied`, …). */
  track(type: string, props: AnalyticsProps = {}): void {
    if (this.#disposed) return;
    const event: Record<string, unknown> = { type, occurred_at: new Date().toISOString() };
    for (const [key, value] of Object.entries(props)) if (value !== undefined) event[snake(key)] = value;
    this.#enqueue([event as unknown as AnalyticsEvent]);
  }

  /** Records a `screen_view`. */
  screen(title: string, url?: string): void {
    this.track('screen_view', { title, url });
  }

  /** Records a `tap` on an element. */
  tap(label: string, props: Omit<AnalyticsProps, 'elementLabel'> = {}): void {
    this.track('tap', { ...props, elementLabel: label });
  }

  /**
   * Sends everything queued now, in batches. With `keepalive` (page hide) the requests may outlive
   * the page. Failed batches that may succeed later go back to the queue.
   */
  flush(keepalive = false): Promise<void> {
    clearTimeout(this.#timer);
    this.#timer = undefined;
    return (this.#flushing ??= this.#drain(keepalive).finally(() => {
      this.#flushing = undefined;
      this.#schedule();
    }));
  }

  /** Stops the timer and sends what is queued one last time (`keepalive`, no retries). */
  dispose(): void {
    this.#disposed = true;
    clearTimeout(this.#timer);
    const visitorId = this.#visitorId;
    while (visitorId && this.#queue.length) this.#send(visitorId, this.#batch(), true).catch(() => undefined);
    this.#queue = [];
  }

  async #drain(keepalive: boolean): Promise<void> {
    while (this.#queue.length && this.#visitorId && !this.#disposed) {
      const batch = this.#batch();
      try {
        await this.#send(this.#visitorId, batch, keepalive);
        this.#failures = 0;
      } catch (error) {
        if (!isRetryable(error)) {
          this.droppedCount += batch.length;
          continue;
        }
        this.#failures++;
        this.#enqueue(batch, true);
        return;
      }
    }
  }

  /** Takes the next batch off the queue. */
  #batch(): AnalyticsEvent[] {
    return this.#queue.splice(0, this.#options.batchSize);
  }

  #enqueue(events: AnalyticsEvent[], front = false): void {
    this.#queue = front ? events.concat(this.#queue) : this.#queue.concat(events);
    // over `maxQueue`: drop the oldest (a negative count removes nothing)
    this.droppedCount += this.#queue.splice(0, this.#queue.length - this.#options.maxQueue).length;
    if (!front) this.#schedule();
  }

  #schedule(): void {
    const { flushAt, intervalMs } = this.#options;
    if (this.#disposed || this.#flushing || !this.#visitorId || !this.#queue.length) return;
    if (this.#queue.length >= flushAt && !this.#failures) {
      void this.flush();
      return;
    }
    const delay = this.#failures ? backoffDelay(this.#failures, { baseMs: intervalMs, maxMs: 60_000 }) : intervalMs;
    this.#timer ??= setTimeout(() => void this.flush(), delay);
  }
}

/** Each chat's analytics, once made. */
const madeFor = /* @__PURE__ */ new WeakMap<TickkiChat, Analytics>();

/**
 * The analytics of `chat`, made on the first call (later calls return the same one; `options` apply
 * to the first). Events are sent for the visitor of the chat's latest `startSession`; those recorded
 * before it wait for it. When the page is hidden (or the app goes to the background, with the chat's
 * `lifecycle`) the queue is sent at once; `chat.dispose()` sends it one last time and stops the timer.
 *
 * ```ts
 * const analytics = getAnalytics(chat);
 * analytics.screen('Checkout', location.href);
 * analytics.tap('Pay now', { elementType: 'button' });
 * ```
 */
export function getAnalytics(chat: TickkiChat, options?: AnalyticsOptions): Analytics {
  const made = madeFor.get(chat);
  if (made) return made;
  const addOn = addOns.get(chat)!;
  const { settings } = addOn;
  // one attempt a batch: a failed batch goes back to the queue, which paces its own retries
  const analytics = new Analytics(
    (visitorId, events, keepalive) =>
      call((signal) => trackEvents({ client: chat.client, body: { visitor_id: visitorId, events }, signal, keepalive }), { timeoutMs: settings.timeoutMs }),
    options,
  );
  analytics.visitorId = chat.session?.visitorId;
  const stop = settings.lifecycle?.subscribe((event) => event === 'hidden' && void analytics.flush(true));
  addOn.started = (visitorId) => (analytics.visitorId = visitorId);
  addOn.disposed = () => {
    stop?.();
    analytics.dispose();
  };
  madeFor.set(chat, analytics);
  return analytics;
}
