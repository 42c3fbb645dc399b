import { describe, expect, it } from 'vitest';
import { SYNC_TRANSITIONS, SyncStateMachine, type SyncState } from './sync-state.js';

describe('SyncStateMachine', () => {
  it('applies the transitions of the table and refuses the others', () => {
    const seen: SyncState[] = [];
    const m = new SyncStateMachine((s) => seen.push(s));
    expect(m.transition({ status: 'synced' })).toBe(false); // nothing fetched yet
    expect(m.transition({ status: 'syncing' })).toBe(true);
    expect(m.transition({ status: 'syncing' })).toBe(false); // one run at a time
    expect(m.transition({ status: 'failed', reason: 'down' })).toBe(true);
    expect(m.transition({ status: 'synced' })).toBe(false); // only a new run can succeed
    expect(m.transition({ status: 'syncing' })).toBe(true);
    expect(m.transition({ status: 'synced' })).toBe(true);
    expect(seen.map((s) => s.status)).toEqual(['syncing', 'failed', 'syncing', 'synced']);
  });

  it('lets every status be left, and only `syncing` reach an outcome', () => {
    for (const [from, to] of Object.entries(SYNC_TRANSITIONS)) {
      expect(to.length).toBeGreaterThan(0);
      if (from !== 'syncing') expect(to).toEqual(['syncing']);
    }
  });
});
