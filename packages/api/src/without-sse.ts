/**
 * Build-time stand-in for the generated client's server-sent-events support (see
 * `tsdown.config.ts`). The Tickki API has no event-stream operation, yet the generated fetch client
 * always carries an SSE client (about 0.8 KB gzipped of every app's bundle; hey-api offers no
 * option to leave it out yet: hey-api/hey-api#2762). The published build swaps it for this; the
 * generated source is not touched, and type checks and tests see the real module.
 */
export function createSseClient(): never {
  throw new Error('@tickki/chat-api: server-sent events are not supported (the API has no event-stream operation)');
}
