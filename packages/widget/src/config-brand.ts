/**
 * The brand colour from `GET /chat/config`, fetched by the loader for a visitor the widget has no
 * colour for yet (the panel, once loaded, keeps it current). The loader does not import
 * `@tickki/chat-api` (its client would triple the loader's size): {@link configUrl} joins the URL
 * as `apiBaseUrl` does, and a unit test holds the two together.
 */

/** `GET /chat/config` under `baseUrl` (the API host; default `https://app.tickki.com`). */
export function configUrl(baseUrl: string | undefined): string {
  const host = (baseUrl || 'https://app.tickki.com').replace(/\/+$/, '');
  return `${host.endsWith('/api/v1') ? host : host + '/api/v1'}/chat/config`;
}

/**
 * The configured `branding.primary_color`, or `undefined` on any failure: the launcher then keeps
 * the colour it has, and the panel's own config request reports errors.
 */
export async function fetchBrandColor(publishableKey: string, baseUrl: string | undefined): Promise<string | undefined> {
  try {
    const response = await fetch(configUrl(baseUrl), { headers: { authorization: `Bearer ${publishableKey}`, accept: 'application/json' } });
    const color: unknown = response.ok ? (await response.json())?.data?.branding?.primary_color : undefined;
    return typeof color === 'string' ? color : undefined;
  } catch {
    return undefined;
  }
}
