import { describe, expect, it, vi } from 'vitest';
import { TickkiChatError } from './errors.js';
import { GapFill } from './gap-fill.js';
import { MessageStore } from './store.js';
import { SYNC_TRANSITIONS, type SyncState } from './sync-state.js';

describe('sync state', () => {
  it('a gap fill applies the transitions of the table and refuses the others', async () => {
    const seen: SyncState[] = [];
    let answer!: (newest: number) => void;
    const answers: (() => Promise<number>)[] = [
      () => Promise.reject(new TickkiChatError('network', 'down', { retryable: true })),
      () => new Promise((resolve) => (answer = resolve)),
      async () => 1,
    ];
    const gap = new GapFill({
      store: new MessageStore(),
      pages: () => answers.shift()!(),
      retryBaseMs: 1,
      onState: (s) => seen.push(s),
      onFilled: () => undefined,
    });
    gap.request('start');
    await vi.waitFor(() => expect(seen.map((s) => s.status)).toEqual(['syncing', 'failed', 'syncing']), 10_000); // the retry runs
    expect(seen[1]).toMatchObject({ reason: 'down', error: { code: 'network' } });
    gap.request('visible'); // during the run: one more turn, still `syncing` (no second `syncing`)
    answer(1);
    await vi.waitFor(() => expect(gap.state.status).toBe('synced'), 10_000);
    expect(seen.map((s) => s.status)).toEqual(['syncing', 'failed', 'syncing', 'synced']);
    expect(answers).toHaveLength(0);
    gap.dispose();
  });

  it('lets every status be left, and only `syncing` reach an outcome', () => {
    for (const [from, to] of Object.entries(SYNC_TRANSITIONS)) {
      expect(to.length).toBeGreaterThan(0);
      if (from !== 'syncing') expect(to).toEqual(['syncing']);
    }
  });
});
