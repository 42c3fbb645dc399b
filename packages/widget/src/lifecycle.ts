/**
 * The `<tickki-chat>` element's lifecycle, as one explicit machine (as `connection-state.ts` is for
 * the realtime connection).
 *
 * - `idle`: in the page, the launcher drawn, the chat not loaded (also after the element was removed).
 * - `loading`: the chat's module is loading and then mounting.
 * - `mounted`: the chat runs (`ChatScreen` rendered in the panel).
 * - `failed`: loading or mounting threw (an empty key, a `base-url` that is not an http(s) URL, the
 *   chat's file unreachable), or a live change of key or base URL did. Shown on the launcher (a "!"
 *   badge, its label and `data-state="failed"`) and announced with a `tickki:error` event; the next
 *   `open()` or attribute change tries again.
 * - `destroyed`: `destroy()` was called; final.
 */
export type ElementState = 'idle' | 'loading' | 'mounted' | 'failed' | 'destroyed';

/** The allowed transitions: `TRANSITIONS[from]` lists every state `from` may change to. */
export const TRANSITIONS: { readonly [S in ElementState]: readonly ElementState[] } = {
  idle: ['loading', 'destroyed'],
  loading: ['mounted', 'failed', 'idle', 'destroyed'],
  mounted: ['failed', 'idle', 'destroyed'],
  failed: ['loading', 'idle', 'destroyed'],
  destroyed: [],
};
