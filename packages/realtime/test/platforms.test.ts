import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import PusherJs from 'pusher-js';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { RealtimeConnection, type PusherConstructor } from '../src/index.js';
import { next, sleep, startHarness, wireMessage, type Harness } from './harness.js';

let h: Harness;
beforeEach(async () => {
  h = await startHarness();
});
afterEach(async () => {
  await h.close();
});

describe('platform builds', () => {
  it('runs on the web-worker build of pusher-js when it is injected', async () => {
    // Node 24 has WebSocket and fetch like a worker; only the worker global `self` is missing. It stays
    // defined for the rest of this file (its own worker): the build's late callbacks still read it.
    (globalThis as { self?: unknown }).self ??= globalThis;
    const { default: WorkerPusher } = (await import('pusher-js/worker/index.js')) as unknown as { default: PusherConstructor };
    const made: string[] = [];
    class Recording extends (WorkerPusher as unknown as new (...a: ConstructorParameters<PusherConstructor>) => object) {
      constructor(...args: ConstructorParameters<PusherConstructor>) {
        super(...args);
        made.push(args[0]);
      }
    }
    const c = new RealtimeConnection({ realtime: h.realtime, client: h.client, Pusher: Recording as unknown as PusherConstructor });
    const subscribed = next(c, 'subscribed');
    c.connect();
    await subscribed;
    const got = next(c, 'message');
    h.broadcast('MessageCreated', wireMessage(11));
    expect((await got).id).toBe(11);
    expect(made).toEqual([h.realtime.key]);
    c.dispose();
  });

  it('reports a pusher-js that cannot start as connection_failed instead of throwing', async () => {
    const Broken = function () {
      throw new Error('no WebSocket here');
    } as unknown as PusherConstructor;
    const c = new RealtimeConnection({ realtime: h.realtime, client: h.client, Pusher: Broken });
    const failed = next(c, 'error');
    expect(() => c.connect()).not.toThrow();
    const error = await failed;
    expect(error.code).toBe('connection_failed');
    expect((error.cause as Error).message).toBe('no WebSocket here');
    expect(c.state).toBe('failed');
    c.dispose();
  });

  it("removes its client from pusher-js's global instance list and network monitor on dispose", async () => {
    const P = PusherJs as unknown as { instances: unknown[]; Runtime: { getNetwork(): { callbacks: { get(name: string): unknown[] | undefined } } } };
    const network = P.Runtime.getNetwork();
    const listeners = () => (network.callbacks.get('online')?.length ?? 0) + (network.callbacks.get('offline')?.length ?? 0);
    const before = { instances: P.instances.length, listeners: listeners() };
    const c = new RealtimeConnection({ realtime: h.realtime, client: h.client });
    const subscribed = next(c, 'subscribed');
    c.connect();
    await subscribed;
    expect({ instances: P.instances.length, listeners: listeners() }).toEqual({ instances: before.instances + 1, listeners: before.listeners + 2 });
    c.dispose();
    expect({ instances: P.instances.length, listeners: listeners() }).toEqual(before);
  });

  it('lets disposed connections be garbage-collected, with everything their callbacks reach', async () => {
    setFlagsFromString('--expose-gc');
    const gc = runInNewContext('gc') as () => void;
    // in a function of its own, so that no frame of the test keeps the last one
    const cycle = async (): Promise<WeakRef<object>> => {
      const c = new RealtimeConnection({ realtime: h.realtime, client: h.client });
      const subscribed = next(c, 'subscribed');
      c.connect();
      await subscribed;
      c.dispose();
      return new WeakRef(c);
    };
    const refs: WeakRef<object>[] = [];
    for (let i = 0; i < 5; i++) refs.push(await cycle());
    // until collected, however long the sockets take to finish closing on a loaded machine
    for (const end = Date.now() + 15_000; refs.some((r) => r.deref()) && Date.now() < end; ) {
      await sleep(50); // WeakRefs hold until the current job ends; sockets finish closing
      gc();
    }
    expect(refs.filter((r) => r.deref()).length).toBe(0);
  });
});
