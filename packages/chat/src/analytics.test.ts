import type { AnalyticsEvent } from '@tickki/chat-api';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { Analytics } from './analytics.js';
import { TickkiChatError } from './errors.js';

let batches: { visitorId: string; events: AnalyticsEvent[]; keepalive: boolean }[];
let fail: TickkiChatError | undefined;
const send = async (visitorId: string, events: AnalyticsEvent[], keepalive: boolean) => {
  if (fail) throw fail;
  batches.push({ visitorId, events, keepalive });
};

beforeEach(() => {
  batches = [];
  fail = undefined;
  vi.useFakeTimers();
});
afterEach(() => vi.useRealTimers());

describe('Analytics', () => {
  it('maps events to the wire and flushes 5 s after the first one', async () => {
    const a = new Analytics(send);
    a.visitorId = 'v1';
    a.screen('Checkout', 'https://shop.example/checkout');
    a.tap('Contact support', { elementType: 'button', elementKey: 'cta' });
    a.track('coupon_applied', { value: 'WINTER10', meta: { total: 84.5 } });
    await vi.advanceTimersByTimeAsync(4999);
    expect(batches).toHaveLength(0);
    await vi.advanceTimersByTimeAsync(1);
    expect(batches).toHaveLength(1);
    const [screen, tap, custom] = batches[0]!.events;
    expect(screen).toMatchObject({ type: 'screen_view', title: 'Checkout', url: 'https://shop.example/checkout' });
    expect(tap).toMatchObject({ type: 'tap', element_label: 'Contact support', element_type: 'button', element_key: 'cta' });
    expect(custom).toMatchObject({ type: 'coupon_applied', value: 'WINTER10', meta: { total: 84.5 } });
    expect(Date.parse(screen!.occurred_at)).not.toBeNaN();
    expect(vi.getTimerCount()).toBe(0);
  });

  it('flushes at 20 queued, in batches of at most 50', async () => {
    const a = new Analytics(send);
    for (let i = 0; i < 120; i++) a.track('e'); // no visitor yet: held
    expect(batches).toHaveLength(0);
    a.visitorId = 'v1';
    await vi.advanceTimersByTimeAsync(0);
    expect(batches.map((b) => b.events.length)).toEqual([50, 50, 20]);
    a.track('x');
    for (let i = 0; i < 19; i++) a.track('y');
    await vi.advanceTimersByTimeAsync(0);
    expect(batches.at(-1)!.events).toHaveLength(20);
  });

  it('bounds the queue during an outage: the oldest are dropped and counted', async () => {
    const a = new Analytics(send, { maxQueue: 100 });
    a.visitorId = 'v1';
    fail = new TickkiChatError('network', 'down');
    for (let i = 0; i < 250; i++) a.track(`e${i}`);
    await vi.advanceTimersByTimeAsync(60_000);
    expect(a.queued).toBe(100);
    expect(a.droppedCount).toBe(150);
    fail = undefined;
    await vi.advanceTimersByTimeAsync(120_000);
    expect(a.queued).toBe(0);
    const sent = batches.flatMap((b) => b.events.map((e) => e.type));
    expect(sent).toEqual(Array.from({ length: 100 }, (_, i) => `e${150 + i}`));
  });

  it('drops a batch the server refuses for good', async () => {
    const a = new Analytics(send);
    a.visitorId = 'v1';
    fail = new TickkiChatError('validation_failed', 'bad', { status: 422 });
    a.track('e');
    await a.flush();
    expect(a.droppedCount).toBe(1);
    expect(a.queued).toBe(0);
  });

  it('flushes with keepalive on page hide and sends the rest on dispose, leaving no timer', async () => {
    const a = new Analytics(send);
    a.visitorId = 'v1';
    a.track('a');
    await a.flush(true);
    expect(batches[0]!.keepalive).toBe(true);
    a.track('b');
    a.dispose();
    await vi.advanceTimersByTimeAsync(0);
    expect(batches[1]).toMatchObject({ keepalive: true, events: [{ type: 'b' }] });
    a.track('c');
    expect(a.queued).toBe(0);
    expect(vi.getTimerCount()).toBe(0);
  });
});
