import { describe, expect, it, vi } from 'vitest';
import { Presence } from './presence.js';

describe('Presence', () => {
  it('sends at most one typing notice per 3 s, leaving no timer', () => {
    vi.useFakeTimers();
    try {
      let notices = 0;
      // hidden and never shown: no heartbeat, polling or check runs, so any timer would be typing's
      const presence = new Presence({
        ctx: { pollMs: 0, reconcileMs: 0, lifecycle: { subscribe: () => () => undefined, visible: () => false } },
        requests: { heartbeat: () => undefined, typing: () => void notices++ },
        gap: { request: () => undefined },
        cache: { save: async () => undefined },
      });
      for (let t = 0; t < 10_000; t += 100) {
        presence.typing();
        vi.advanceTimersByTime(100);
      }
      expect(notices).toBe(4); // at 0, 3000, 6000 and 9000 ms
      expect(vi.getTimerCount()).toBe(0);
      presence.dispose();
    } finally {
      vi.useRealTimers();
    }
  });
});
