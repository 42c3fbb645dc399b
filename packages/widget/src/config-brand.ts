/**
 * `GET /chat/config` before the chat loads, for a visitor the widget has no brand colour for yet
 * (the panel, once loaded, keeps it current). A chunk of its own (`tickki-chat-brand.js` beside the
 * loader; a lazily imported chunk in an app's bundle), which the element loads at idle on a first
 * visit only: later pages have the colour kept, and the loader carries none of this. It holds what
 * keeps the colour for the next pages (`saveBrand`, `ui-state.ts`), which the panel's entry imports
 * from it. It does not import `@tickki/chat-api` (its client would be many times its size):
 * {@link configUrl} joins the URL as `apiBaseUrl` does, and a unit test holds the two together.
 *
 * The answer is kept where `@tickki/chat` keeps the config it fetched ({@link configKey}, as the wire
 * sent it, with the time), so that the chat, loaded later on the same page, reads it back instead of
 * asking again: one config request per page. A unit test holds this to `TickkiChat#fetchConfig`.
 */
import type { ElementPort } from './types.js';
import { saveBrand } from './ui-state.js';

// the panel's entry takes it from here, so that the bundler leaves `ui-state.ts` in this file, which
// the panel then imports, rather than in a third file that a first visit would wait for
export { saveBrand };

/** `GET /chat/config` under `baseUrl` (the API host; default `https://app.tickki.com`). */
export function configUrl(baseUrl: string | undefined): string {
  const host = (baseUrl || 'https://app.tickki.com').replace(/\/+$/, '');
  return `${host.endsWith('/api/v1') ? host : host + '/api/v1'}/chat/config`;
}

/** Where `@tickki/chat` keeps a business's config: `{ wire, at }`, the answer's `data` and when it came. */
export const configKey = (publishableKey: string): string => `tickki:${publishableKey}:config`;

/**
 * Fetches the config (giving up after 5 s), keeps it for the chat (in `store`, `localStorage` unless
 * given), and returns the configured `branding.primary_color`; `undefined` on any failure: the
 * launcher then keeps the colour it has, and the chat's own config request reports errors.
 */
export async function fetchBrandColor(publishableKey: string, baseUrl: string | undefined, store?: Storage): Promise<string | undefined> {
  try {
    if (!/^https?:\/\//.test(configUrl(baseUrl))) return undefined; // the chat says what is wrong with it
    const response = await fetch(configUrl(baseUrl), { headers: { authorization: `Bearer ${publishableKey}`, accept: 'application/json' }, signal: AbortSignal.timeout(5000) });
    const wire: { branding?: { primary_color?: unknown } } | undefined = response.ok ? (await response.json())?.data : undefined;
    try {
      if (wire) (store ?? localStorage).setItem(configKey(publishableKey), JSON.stringify({ wire, at: Date.now() }));
    } catch {
      // blocked or full storage: the chat asks again, the launcher still wears the colour
    }
    const color = wire?.branding?.primary_color;
    return typeof color === 'string' ? color : undefined;
  } catch {
    return undefined;
  }
}

/**
 * The launcher wears the configured brand colour (`setBrand`, which takes a hex colour only, as the
 * loader reading it back does), kept for the next pages, unless the chat loaded meanwhile (it owns
 * the colour then) or the key changed.
 */
export async function brandLauncher({ element, setBrand }: ElementPort): Promise<void> {
  const key = element.getAttribute('publishable-key') ?? '';
  const color = await fetchBrandColor(key, element.getAttribute('base-url') ?? undefined);
  if (color && element.state === 'idle' && key === (element.getAttribute('publishable-key') ?? '')) {
    setBrand(color);
    saveBrand(key, color);
  }
}
