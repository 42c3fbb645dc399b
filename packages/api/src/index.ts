/**
 * `@tickki/chat-api`: the typed client of the Tickki Chat SDK API v1.
 *
 * Everything under `./generated` (and `config-defaults.gen.ts`, the document's config defaults) is
 * generated from `openapi/tickki-chat-api.yaml`; this file adds only {@link createTickkiClient},
 * which configures a client for a business.
 *
 * @packageDocumentation
 */
export * from './generated/index.js';
export { client } from './generated/client.gen.js';
export type { Client, Config, RequestResult } from './generated/client/index.js';
export { CHAT_CONFIG_DEFAULTS } from './config-defaults.gen.js';
export { createTickkiClient, apiBaseUrl, API_PREFIX, DEFAULT_BASE_URL, type Provider, type TickkiClientOptions } from './tickki-client.js';
