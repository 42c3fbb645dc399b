import { describe, expect, it } from 'vitest';
import { isAuthError, isRetryable, TickkiChatError, toChatError } from './errors.js';

describe('toChatError', () => {
  it('keeps the server code of an error envelope, known or not', () => {
    const e = toChatError({ status: 401, error: { error: 'invalid_session', message: 'Start a new session.' } });
    expect(e).toBeInstanceOf(TickkiChatError);
    expect(e).toMatchObject({ code: 'invalid_session', status: 401, retryable: false, message: 'Start a new session.' });
    expect(toChatError({ status: 403, error: { error: 'brand_new_code', message: 'x' } }).code).toBe('brand_new_code');
    expect(isAuthError(e)).toBe(true);
    expect(isAuthError(toChatError({ status: 403, error: { error: 'plan_gate' } }))).toBe(false);
  });

  it('maps bare statuses', () => {
    expect(toChatError({ status: 422, error: { message: 'The content field is required.', errors: { content: ['required'] } } })).toMatchObject({
      code: 'validation_failed',
      fields: { content: ['required'] },
      retryable: false,
    });
    expect(toChatError({ status: 502, error: '<html>bad gateway</html>' })).toMatchObject({ code: 'server_error', retryable: true });
    expect(toChatError({ status: 404, error: {} }).code).toBe('not_found');
    expect(toChatError({ status: 408, error: {} })).toMatchObject({ code: 'timeout', retryable: true });
    expect(toChatError({ status: 418, error: {} })).toMatchObject({ code: 'http_error', retryable: false });
  });

  it('reads Retry-After on 429', () => {
    const e = toChatError({ status: 429, error: { error: 'rate_limited', message: 'slow down' }, headers: new Headers({ 'Retry-After': '3' }) });
    expect(e).toMatchObject({ code: 'rate_limited', retryable: true, retryAfterMs: 3000 });
    expect(isRetryable(e)).toBe(true);
  });

  it('maps thrown values: network, timeout, aborted, parse_error', () => {
    const cause = new TypeError('fetch failed');
    expect(toChatError({ error: cause })).toMatchObject({ code: 'network', retryable: true, cause });
    expect(toChatError({ error: cause, timedOut: true })).toMatchObject({ code: 'timeout', retryable: true });
    expect(toChatError({ error: cause, aborted: true })).toMatchObject({ code: 'aborted', retryable: false });
    expect(toChatError({ status: 200, error: new SyntaxError('Unexpected token') })).toMatchObject({ code: 'parse_error', status: 200, retryable: true });
    const same = new TickkiChatError('disposed', 'x');
    expect(toChatError({ error: same })).toBe(same);
    expect(isRetryable(new Error('plain'))).toBe(false);
  });
});
