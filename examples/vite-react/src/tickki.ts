/** Where the chat connects, from `.env` (the local sandbox) or the environment of `vite build`. */
export const tickki = {
  publishableKey: import.meta.env.VITE_TICKKI_PUBLISHABLE_KEY,
  baseUrl: import.meta.env.VITE_TICKKI_BASE_URL || undefined,
}
