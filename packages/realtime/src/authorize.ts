import { authorizeChannel, type Client } from '@tickki/chat-api';
import { isRetryableStatus, RealtimeError } from './errors.js';

/**
 * Splits the absolute `realtime.auth_endpoint` into the generated client's `baseUrl` and `url`
 * (the client requests `baseUrl + url`). A path-only endpoint is resolved against the origin of
 * the client's own base URL; an empty one falls back to the client's `/chat/broadcasting/auth`.
 */
export function authEndpointParts(endpoint: string, clientBaseUrl = ''): { baseUrl?: string; url?: string } {
  if (!endpoint) return {};
  if (endpoint.startsWith('/')) endpoint = (/^[a-z][\w+.-]*:\/\/[^/]+/i.exec(clientBaseUrl)?.[0] ?? '') + endpoint;
  const end = endpoint.search(/[?#]|$/);
  const slash = endpoint.lastIndexOf('/', end);
  return { baseUrl: endpoint.slice(0, slash), url: endpoint.slice(slash) };
}

/**
 * Asks the API to sign `socketId` + `channelName` (operation `authorizeChannel`) at `endpoint`,
 * with the client's credentials, read fresh for this request. Resolves the `auth` signature for
 * `pusher:subscribe`; rejects with a {@link RealtimeError} `auth_failed`.
 */
export async function requestChannelAuth(
  client: Client,
  endpoint: string,
  socketId: string,
  channelName: string,
  timeoutMs: number,
): Promise<{ auth: string }> {
  const abort = new AbortController();
  const timer = setTimeout(() => abort.abort(), timeoutMs);
  try {
    const { data, error, response } = await authorizeChannel({
      client,
      ...(authEndpointParts(endpoint, client.getConfig().baseUrl) as { url?: '/chat/broadcasting/auth' }),
      body: { socket_id: socketId, channel_name: channelName },
      throwOnError: false,
      signal: abort.signal,
    });
    if (typeof data?.auth === 'string') return { auth: data.auth };
    const status = response?.status;
    // An error body `{error, message}`, or what fetch threw (network error, timeout).
    const body = (error ?? {}) as { error?: unknown; message?: unknown };
    throw new RealtimeError('auth_failed', `Channel authorization failed (${status ?? 'no answer'}): ${String(body.message ?? 'no signature')}`, {
      status,
      serverCode: typeof body.error === 'string' ? body.error : undefined,
      // worth retrying: network errors, timeouts, 408, 429 and 5xx
      retryable: error !== undefined && (status === undefined || isRetryableStatus(status)),
      cause: error,
    });
  } finally {
    clearTimeout(timer);
  }
}
