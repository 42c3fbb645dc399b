import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { CHANNEL, RawClient, startServer, type Frame, type Harness } from './realtime-helpers.js';

/** Anything a broken or hostile client might send as one frame. */
const garbage: fc.Arbitrary<string | Uint8Array> = fc.oneof(
  fc.string(),
  fc.string({ unit: 'binary' }),
  fc.string({ unit: 'grapheme', maxLength: 200 }),
  fc.json(),
  fc.jsonValue().map((v) => JSON.stringify(v) ?? 'null'),
  fc.object().map((v) => JSON.stringify(v)),
  fc.uint8Array({ maxLength: 256 }),
  fc.integer({ min: 10_001, max: 60_000 }).map((n) => `{"event":"pusher:ping","x":"${'y'.repeat(n)}"}`),
);

/** Frames shaped like Pusher messages, with hostile fields. */
const pusherish: fc.Arbitrary<string> = fc
  .record(
    {
      event: fc.oneof(
        fc.constantFrom(
          'pusher:subscribe',
          'pusher:unsubscribe',
          'pusher:ping',
          'pusher:pong',
          'pusher:signin',
          'pusher:',
          'client-typing',
          'pusher_internal:subscription_succeeded',
        ),
        fc.string(),
      ),
      data: fc.oneof(
        fc.jsonValue(),
        fc.record(
          {
            channel: fc.oneof(fc.string(), fc.constantFrom(CHANNEL, 'public-x', 'presence-y', 'private-', '')),
            auth: fc.oneof(fc.string(), fc.jsonValue()),
            channel_data: fc.oneof(fc.string(), fc.json(), fc.jsonValue()),
          },
          { requiredKeys: [] },
        ),
        fc.json(),
      ),
      channel: fc.jsonValue(),
    },
    { requiredKeys: ['event'] },
  )
  .map((v) => JSON.stringify(v));

const ALLOWED_FOR_PUSHERISH = new Set([
  'pusher:error',
  'pusher:pong',
  'pusher_internal:subscription_succeeded',
  'pusher:subscription_error',
]);

describe('fuzzing raw frames', () => {
  let h: Harness;
  let client: RawClient;
  let bystander: RawClient;
  let n = 0;

  beforeAll(async () => {
    h = await startServer();
    bystander = new RawClient(h.port);
    await bystander.subscribe(await bystander.connected(), CHANNEL);
    client = new RawClient(h.port);
    await client.connected();
  });

  afterAll(async () => {
    await client.close();
    await bystander.close();
    await h.close();
  });

  /** Sends `frame`, then a unique sentinel subscription; returns every frame answered in between. */
  async function answersTo(frame: string | Uint8Array): Promise<Frame[]> {
    const sentinel = `sentinel-${++n}`;
    const start = client.frames.length;
    if (typeof frame === 'string') client.ws.send(frame);
    else client.ws.send(frame, { binary: true });
    client.send({ event: 'pusher:subscribe', data: { channel: sentinel } });
    const done = await client.next((f) => f.channel === sentinel && f.event === 'pusher_internal:subscription_succeeded');
    client.send({ event: 'pusher:unsubscribe', data: { channel: sentinel } });
    return client.frames.slice(start, client.frames.indexOf(done));
  }

  it('answers arbitrary frames with nothing or one pusher:error, and never crashes (1000 runs)', async () => {
    await fc.assert(
      fc.asyncProperty(garbage, async (frame) => {
        const answers = await answersTo(frame);
        expect(answers.length).toBeLessThanOrEqual(1);
        for (const a of answers) {
          expect(a.event).toBe('pusher:error');
          expect((a.data as { code: number }).code).toBeGreaterThanOrEqual(4000);
        }
      }),
      { numRuns: 1000, seed: 20250101 },
    );
    expect(h.realtime.stats().internalErrors).toBe(0);
  });

  it('answers Pusher-shaped hostile frames with at most one protocol answer (500 runs)', async () => {
    await fc.assert(
      fc.asyncProperty(pusherish, async (frame) => {
        const answers = await answersTo(frame);
        expect(answers.length).toBeLessThanOrEqual(1);
        for (const a of answers) expect(ALLOWED_FOR_PUSHERISH.has(a.event), a.event).toBe(true);
      }),
      { numRuns: 500, seed: 42 },
    );
    const s = h.realtime.stats();
    expect(s.internalErrors).toBe(0);
    expect(s.garbledFrames).toBeGreaterThan(500);
    // 1500 fuzzed frames, each followed by a sentinel subscribe and unsubscribe.
    expect(s.framesIn).toBeGreaterThanOrEqual(3 * 1500);
  });

  it('still serves the fuzzing socket and a bystander afterwards', async () => {
    expect(client.ws.readyState).toBe(1);
    const delivered = h.realtime.broadcast(CHANNEL, 'MessageCreated', { id: 1 });
    expect(delivered).toBeGreaterThanOrEqual(1);
    expect(await bystander.next((f) => f.event === 'MessageCreated')).toMatchObject({ data: { id: 1 } });
  });
});
