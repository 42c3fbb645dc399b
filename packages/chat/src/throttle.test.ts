import { describe, expect, it, vi } from 'vitest';
import { throttle } from './throttle.js';

describe('throttle', () => {
  it('lets at most one call through per interval, leaving no timer', () => {
    let now = 0;
    const fn = vi.fn();
    const t = throttle(fn, 3000, () => now);
    for (; now < 10_000; now += 100) t();
    expect(fn).toHaveBeenCalledTimes(4); // 0, 3000, 6000, 9000
    vi.useFakeTimers();
    expect(vi.getTimerCount()).toBe(0);
    vi.useRealTimers();
  });
});
