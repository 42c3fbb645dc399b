import { describe, expect, it } from 'vitest';
import { ConnectionStateMachine, TRANSITIONS, canTransition, type ConnectionState, type StateChange } from './connection-state.js';

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

describe('ConnectionStateMachine', () => {
  it('starts idle and reports each applied change with its reason', () => {
    const m = new ConnectionStateMachine();
    const seen: StateChange[] = [];
    m.onChange = (c) => seen.push(c);
    expect(m.state).toBe('idle');
    expect(m.transition('connecting', 'connect() called')).toBe(true);
    expect(m.transition('connected', 'channel subscribed')).toBe(true);
    expect(m.transition('reconnecting', 'socket closed')).toBe(true);
    expect(seen).toEqual([
      { from: 'idle', to: 'connecting', reason: 'connect() called' },
      { from: 'connecting', to: 'connected', reason: 'channel subscribed' },
      { from: 'connected', to: 'reconnecting', reason: 'socket closed' },
    ]);
  });

  it('rejects an illegal transition and leaves the state alone', () => {
    const m = new ConnectionStateMachine();
    let calls = 0;
    m.onChange = () => calls++;
    expect(m.transition('connected', 'nope')).toBe(false);
    expect(m.state).toBe('idle');
    expect(calls).toBe(0);
  });

  it('treats a change to the current state as no change', () => {
    const m = new ConnectionStateMachine();
    m.transition('connecting', 'a');
    let calls = 0;
    m.onChange = () => calls++;
    expect(m.transition('connecting', 'b')).toBe(false);
    expect(calls).toBe(0);
  });

  it('stays closed', () => {
    const m = new ConnectionStateMachine();
    m.transition('closed', 'disposed');
    for (const s of STATES) expect(m.transition(s, 'x')).toBe(false);
    expect(m.state).toBe('closed');
  });
});
