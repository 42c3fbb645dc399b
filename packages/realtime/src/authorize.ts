import { authorizeChannel, type Client } from '@tickki/chat-api';
import { RealtimeError } from './errors.js';
import { attempt, readFailure } from './http-failure.js';

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
  const result = await attempt(
    (signal) =>
      authorizeChannel({
        client,
        ...(authEndpointParts(endpoint, client.getConfig().baseUrl) as { url?: '/chat/broadcasting/auth' }),
        body: { socket_id: socketId, channel_name: channelName },
        signal,
      }),
    timeoutMs,
    [],
    (data) => typeof data?.auth === 'string',
  );
  if ('data' in result) return { auth: result.data.auth };
  const f = readFailure(result.failed);
  throw new RealtimeError('auth_failed', `Channel authorization failed (${f.status ?? f.code}): ${f.message}`, {
    status: f.status,
    serverCode: f.status && f.status >= 300 ? f.code : undefined,
    retryable: f.retryable,
    cause: f.cause,
  });
}
