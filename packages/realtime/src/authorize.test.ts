import { createTickkiClient } from '@tickki/chat-api';
import { describe, expect, it } from 'vitest';
import { authEndpointParts } from './authorize.js';

/** What URL the generated client requests for an endpoint (its `buildUrl` joins `baseUrl + url`). */
function requestedUrl(endpoint: string, clientBaseUrl = 'https://app.tickki.com'): string {
  const client = createTickkiClient({ publishableKey: 'pk_test_1', baseUrl: clientBaseUrl });
  const parts = authEndpointParts(endpoint, client.getConfig().baseUrl);
  return client.buildUrl({ baseUrl: client.getConfig().baseUrl, url: '/chat/broadcasting/auth', ...parts });
}

describe('authEndpointParts', () => {
  it.each([
    'https://app.tickki.com/api/v1/chat/broadcasting/auth',
    'http://127.0.0.1:4010/api/v1/chat/broadcasting/auth',
    'https://other.example/broadcasting/auth',
    'https://other.example/auth',
    'https://other.example/broadcasting/auth?tenant=a/b',
  ])('makes the generated client request %s exactly', (endpoint) => {
    expect(requestedUrl(endpoint)).toBe(endpoint);
  });

  it('does not prepend the client base URL to an absolute endpoint', () => {
    expect(requestedUrl('https://ws.example/x/auth', 'https://app.tickki.com')).toBe('https://ws.example/x/auth');
  });

  it("resolves a path-only endpoint against the client's origin", () => {
    expect(requestedUrl('/api/v1/chat/broadcasting/auth', 'http://127.0.0.1:4010')).toBe(
      'http://127.0.0.1:4010/api/v1/chat/broadcasting/auth',
    );
  });

  it("falls back to the client's own URL when there is no endpoint", () => {
    expect(authEndpointParts('')).toEqual({});
    expect(requestedUrl('')).toBe('https://app.tickki.com/api/v1/chat/broadcasting/auth');
  });
});
