import { describe, expect, it } from 'vitest';
import { waitFor } from '@tickki/testkit';
import { connectionPerTest, next, recordStates, sleep } from './harness.js';

const t = connectionPerTest();
const { open, connected } = t;

describe('stopping', () => {
  it('disconnect() goes idle and connect() subscribes again', async () => {
    const c = await connected();
    const states = recordStates(c);
    c.disconnect();
    expect(c.state).toBe('idle');
    await waitFor(() => t.h.pusher.stats().connections === 0, 'the server to see the socket closed');
    const again = next(c, 'subscribed');
    c.connect();
    expect((await again).resubscribed).toBe(true);
    expect(states).toEqual(['connected→idle', 'idle→connecting', 'connecting→connected']);
  });

  it('creates nothing once a state listener has disposed it during connect()', async () => {
    const c = open();
    c.on('state', (change) => change.to === 'connecting' && c.dispose());
    c.connect();
    expect(c.state).toBe('closed');
    await sleep(300);
    expect(t.h.upgrades).toHaveLength(0); // no socket was opened…
    expect(t.h.authCalls).toHaveLength(0); // …and no channel authorized
    expect(t.h.pusher.stats().connections).toBe(0);
  });

  it('creates nothing once a state listener has disposed it during reconnect()', async () => {
    const c = await connected();
    c.on('state', (change) => change.to === 'reconnecting' && c.dispose());
    c.reconnect();
    expect(c.state).toBe('closed');
    await waitFor(() => t.h.pusher.stats().connections === 0, 'the server to see the socket closed');
    await sleep(300); // time for a socket opened by mistake to show
    expect(t.h.upgrades).toHaveLength(1); // only the first socket
    expect(t.h.authCalls).toHaveLength(1);
    expect(t.h.pusher.stats().connections).toBe(0);
  });

  it('warns of no refused transition in a normal life: connect, reconnect, disconnect, dispose', async () => {
    const warnings: unknown[][] = [];
    const c = await connected({ logger: { warn: (...args) => warnings.push(args) } });
    const again = next(c, 'subscribed');
    c.reconnect();
    await again;
    c.connect(); // documented no-op while connected
    c.disconnect();
    c.disconnect();
    c.dispose();
    c.dispose();
    expect(warnings).toEqual([]);
  });

  it('dispose() goes closed, closes the socket, leaves no timers and ignores later calls', async () => {
    const timers = () => process.getActiveResourcesInfo().filter((r) => r === 'Timeout').length;
    const before = timers();
    const c = await connected();
    const states = recordStates(c);
    c.dispose();
    expect(c.state).toBe('closed');
    expect(states).toEqual(['connected→closed']);
    c.connect();
    c.reconnect();
    expect(c.state).toBe('closed');
    await waitFor(() => t.h.pusher.stats().connections === 0, 'the server to see the socket closed');
    expect(timers()).toBeLessThanOrEqual(before);
  });
});
