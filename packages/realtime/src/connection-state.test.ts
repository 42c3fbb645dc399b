import { describe, expect, it } from 'vitest';
import type { Client, RealtimeConfig } from '@tickki/chat-api';
import type { Channel } from 'pusher-js';
import { TRANSITIONS, canTransition, type ConnectionState, type StateChange } from './connection-state.js';
import type { PusherLike } from './pusher-factory.js';
import { RealtimeConnection } from './realtime-connection.js';

const STATES = Object.keys(TRANSITIONS) as ConnectionState[];

describe('the transition table', () => {
  it('lists the seven states', () => {
    expect(STATES.sort()).toEqual(['closed', 'connected', 'connecting', 'failed', 'idle', 'offline', 'reconnecting']);
  });

  it('only names known states and never a state itself', () => {
    for (const from of STATES) {
      for (const to of TRANSITIONS[from]) {
        expect(STATES).toContain(to);
        expect(to).not.toBe(from);
      }
    }
  });

  it('reaches every state from idle', () => {
    const seen = new Set<ConnectionState>(['idle']);
    const queue: ConnectionState[] = ['idle'];
    for (let s = queue.shift(); s; s = queue.shift()) {
      for (const to of TRANSITIONS[s]) if (!seen.has(to)) queue.push(to), seen.add(to);
    }
    expect([...seen].sort()).toEqual([...STATES].sort());
  });

  it('lets every state but closed be disposed, and closed is final', () => {
    for (const s of STATES) expect(canTransition(s, 'closed')).toBe(s !== 'closed');
    expect(TRANSITIONS.closed).toEqual([]);
  });

  it.each<[ConnectionState, ConnectionState]>([
    ['idle', 'connected'],
    ['idle', 'reconnecting'],
    ['connected', 'connecting'],
    ['failed', 'connected'],
    ['closed', 'connecting'],
    ['closed', 'idle'],
  ])('forbids %s → %s', (from, to) => {
    expect(canTransition(from, to)).toBe(false);
  });
});

/** A pusher-js client that never connects: the state changes below are the connection's own. */
class IdlePusher implements PusherLike {
  connection = { state: 'initialized', socket_id: '', bind: () => this.connection, unbind: () => this.connection } as unknown as PusherLike['connection'];
  subscribe(): Channel {
    return { bind_global: () => undefined } as unknown as Channel;
  }
  connect(): void {}
  disconnect(): void {}
  send_event(): boolean {
    return true;
  }
}

const realtime: RealtimeConfig = { key: 'k', host: '127.0.0.1', port: 1, scheme: 'http', channel: 'private-chat.session.1', auth_endpoint: '', event: '' };

/** A connection over {@link IdlePusher}, with the state changes it reports and the warnings it logs. */
function connection(): { rt: RealtimeConnection; seen: StateChange[]; warned: string[] } {
  const warned: string[] = [];
  const rt = new RealtimeConnection({ realtime, client: {} as Client, Pusher: IdlePusher, logger: { warn: (m) => warned.push(m) } });
  const seen: StateChange[] = [];
  rt.on('state', (c) => seen.push(c));
  return { rt, seen, warned };
}

describe("the connection's state", () => {
  it('starts idle and reports each applied change with its reason', () => {
    const { rt, seen, warned } = connection();
    expect(rt.state).toBe('idle');
    rt.connect();
    rt.reconnect();
    rt.disconnect();
    rt.dispose();
    expect(seen).toEqual([
      { from: 'idle', to: 'connecting', reason: 'connect() called' },
      { from: 'connecting', to: 'reconnecting', reason: 'reconnect() called' },
      { from: 'reconnecting', to: 'idle', reason: 'disconnect() called' },
      { from: 'idle', to: 'closed', reason: 'disposed' },
    ]);
    expect(warned).toEqual([]);
  });

  it('treats a call that the table refuses, or that asks for the current state, as no change', () => {
    const { rt, seen, warned } = connection();
    rt.reconnect(); // idle → reconnecting is not allowed
    rt.disconnect(); // already idle
    rt.connect();
    rt.connect(); // already connecting
    expect(rt.state).toBe('connecting');
    expect(seen.map((c) => c.to)).toEqual(['connecting']);
    expect(warned).toEqual([]); // documented no-ops, not bugs
  });

  it('stays closed', () => {
    const { rt, seen } = connection();
    rt.dispose();
    rt.connect();
    rt.reconnect();
    rt.disconnect();
    rt.dispose();
    expect(rt.state).toBe('closed');
    expect(seen.map((c) => c.to)).toEqual(['closed']);
  });
});
