import { describe, expect, it } from 'vitest';
import { parseRetryAfter, readFailure } from './http-failure.js';

describe('parseRetryAfter', () => {
  it('reads seconds and HTTP dates', () => {
    expect(parseRetryAfter('0')).toBe(0);
    expect(parseRetryAfter('1.5')).toBe(1500);
    const now = Date.parse('2026-11-29T10:00:00Z');
    expect(parseRetryAfter('Sun, 29 Nov 2026 10:00:30 GMT', now)).toBe(30_000);
    expect(parseRetryAfter('soon')).toBeUndefined();
    expect(parseRetryAfter(null)).toBeUndefined();
  });
});

describe('readFailure', () => {
  it('keeps a server envelope, implies a code from a bare status, and names what was thrown', () => {
    expect(readFailure({ status: 401, error: { error: 'invalid_session', message: 'Unknown session.' } })).toMatchObject({
      code: 'invalid_session',
      message: 'Unknown session.',
      status: 401,
      retryable: false,
    });
    expect(readFailure({ status: 503 })).toMatchObject({ code: 'server_error', retryable: true });
    expect(readFailure({ status: 429, headers: new Headers({ 'retry-after': '2' }) })).toMatchObject({ code: 'rate_limited', retryAfterMs: 2000, retryable: true });
    expect(readFailure({ status: 200, error: new SyntaxError('cut off') })).toMatchObject({ code: 'parse_error', retryable: true });
    expect(readFailure({ error: new TypeError('fetch failed') })).toMatchObject({ code: 'network', retryable: true, status: undefined });
    expect(readFailure({ timedOut: true })).toMatchObject({ code: 'timeout', retryable: true });
    expect(readFailure({ aborted: true, timedOut: true })).toMatchObject({ code: 'aborted', retryable: false });
  });
});
