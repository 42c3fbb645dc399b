/**
 * `GET /chat/config` from the loader, for a visitor the widget has no brand colour for yet (the
 * panel, once loaded, keeps it current). The loader does not import `@tickki/chat-api` (its client
 * would triple the loader's size): {@link configUrl} joins the URL as `apiBaseUrl` does, and a unit
 * test holds the two together.
 *
 * The answer is kept where `@tickki/chat` keeps the config it fetched ({@link configKey}, as the wire
 * sent it, with the time), so that the chat, loaded later on the same page, reads it back instead of
 * asking again: one config request per page. A unit test holds this to `TickkiChat#fetchConfig`.
 */
import { storage } from './ui-state.js';

/** `GET /chat/config` under `baseUrl` (the API host; default `https://app.tickki.com`). */
export function configUrl(baseUrl: string | undefined): string {
  const host = (baseUrl || 'https://app.tickki.com').replace(/\/+$/, '');
  return `${host.endsWith('/api/v1') ? host : host + '/api/v1'}/chat/config`;
}

/** Where `@tickki/chat` keeps a business's config: `{ wire, at }`, the answer's `data` and when it came. */
export const configKey = (publishableKey: string): string => `tickki:${publishableKey}:config`;

/**
 * Fetches the config (giving up after 5 s), keeps it for the chat, and returns the configured
 * `branding.primary_color`; `undefined` on any failure: the launcher then keeps the colour it has,
 * and the chat's own config request reports errors.
 */
export async function fetchBrandColor(publishableKey: string, baseUrl: string | undefined, store = storage()): Promise<string | undefined> {
  try {
    if (!/^https?:\/\//.test(configUrl(baseUrl))) return undefined; // the chat says what is wrong with it
    const response = await fetch(configUrl(baseUrl), { headers: { authorization: `Bearer ${publishableKey}`, accept: 'application/json' }, signal: AbortSignal.timeout(5000) });
    const wire: { branding?: { primary_color?: unknown } } | undefined = response.ok ? (await response.json())?.data : undefined;
    if (wire) store?.setItem(configKey(publishableKey), JSON.stringify({ wire, at: Date.now() }));
    const color = wire?.branding?.primary_color;
    return typeof color === 'string' ? color : undefined;
  } catch {
    return undefined;
  }
}
