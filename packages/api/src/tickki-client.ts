import { createClient, createConfig, type Client } from './generated/client/index.js';
import type { ClientOptions } from './generated/types.gen.js';

/** The production host. Override it for self-hosted Tickki, the local sandbox or the mock. */
export const DEFAULT_BASE_URL = 'https://app.tickki.com';

/** The API's path prefix. It is fixed: only the host part of the base URL is configurable. */
export const API_PREFIX = '/api/v1';

/** A value, or a function that returns the current value (read again on every request). */
export type Provider<T> = T | (() => T | Promise<T>);

/** Options of {@link createTickkiClient}. */
export interface TickkiClientOptions {
  /** The business's publishable key (`pk_live_…` or `pk_test_…`). Sent as `Authorization: Bearer …`. */
  publishableKey: Provider<string>;
  /**
   * Host of the API, without the `/api/v1` prefix: `https://app.tickki.com` (default), the sandbox's
   * `http://127.0.0.1:4010`, or a self-hosted URL. A trailing `/api/v1` is accepted and not doubled.
   */
  baseUrl?: string;
  /** The session token from `startSession`, sent as `X-Tickki-Session` on session-scoped calls. */
  sessionToken?: Provider<string | undefined>;
  /** The mobile app's bundle id, sent as `X-Tickki-Bundle-Id`. Browsers are matched on `Origin` instead. */
  bundleId?: Provider<string | undefined>;
  /** A `fetch` implementation, e.g. to add instrumentation. Defaults to `globalThis.fetch`. */
  fetch?: typeof fetch;
  /** Extra headers sent on every request. */
  headers?: Record<string, string>;
}

const resolve = async <T>(provider: Provider<T>): Promise<T> =>
  typeof provider === 'function' ? await (provider as () => T | Promise<T>)() : provider;

/** Joins a host and the fixed API prefix: `https://app.tickki.com` → `https://app.tickki.com/api/v1`. */
export function apiBaseUrl(baseUrl: string = DEFAULT_BASE_URL): string {
  const host = baseUrl.replace(/\/+$/, '');
  return host.endsWith(API_PREFIX) ? host : host + API_PREFIX;
}

/**
 * Creates a client for one business. Pass it as `client` to any generated call:
 *
 * ```ts
 * const tickki = createTickkiClient({ publishableKey: 'pk_test_…', baseUrl: 'http://127.0.0.1:4010' });
 * const { data, error } = await getConfig({ client: tickki });
 * ```
 *
 * Credentials given as functions are read on every request, so a renewed session token is used at once.
 */
export function createTickkiClient(options: TickkiClientOptions): Client {
  return createClient(
    createConfig<ClientOptions>({
      baseUrl: apiBaseUrl(options.baseUrl) as ClientOptions['baseUrl'],
      ...(options.fetch ? { fetch: options.fetch } : {}),
      headers: { Accept: 'application/json', ...options.headers },
      auth: async (auth) => {
        switch (auth.name) {
          case 'X-Tickki-Session':
            return resolve(options.sessionToken);
          case 'X-Tickki-Bundle-Id':
            return resolve(options.bundleId);
          default:
            return resolve(options.publishableKey);
        }
      },
    }),
  );
}
