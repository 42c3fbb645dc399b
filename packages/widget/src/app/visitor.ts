/** The visitor's id: the `visitor-id` attribute, else one made once and kept in `localStorage` per key. */
export function visitorId(key: string, given: string | null): string {
  if (given) return given;
  const name = `tickki-widget:${key}:visitor`;
  try {
    const kept = localStorage.getItem(name);
    if (kept && /^[\w-]{8,64}$/.test(kept)) return kept;
    const id = 'v_' + crypto.randomUUID().replace(/-/g, '');
    localStorage.setItem(name, id);
    return id;
  } catch {
    return 'v_' + crypto.randomUUID().replace(/-/g, '');
  }
}
