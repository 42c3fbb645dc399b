import { describe, expect, it } from 'vitest';
import { backoffDelay } from './backoff.js';

const policy = { retries: 3, baseMs: 100, maxMs: 1000 };

describe('backoffDelay', () => {
  it('doubles with equal jitter and caps', () => {
    expect(backoffDelay(0, policy, undefined, () => 0)).toBe(50);
    expect(backoffDelay(0, policy, undefined, () => 1)).toBe(100);
    expect(backoffDelay(3, policy, undefined, () => 1)).toBe(800);
    expect(backoffDelay(10, policy, undefined, () => 1)).toBe(1000);
    expect(backoffDelay(10, policy, undefined, () => 0)).toBe(500);
  });

  it('honours a longer Retry-After, capped at maxMs', () => {
    expect(backoffDelay(0, policy, 700, () => 0)).toBe(700);
    expect(backoffDelay(0, policy, 5000, () => 0)).toBe(1000);
    expect(backoffDelay(3, policy, 10, () => 1)).toBe(800);
  });
});
