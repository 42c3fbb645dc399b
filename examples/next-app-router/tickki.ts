/** Where the chat connects, from `.env` (the local sandbox) or the environment of `next build`. */
export const tickki = {
  publishableKey: process.env.NEXT_PUBLIC_TICKKI_PUBLISHABLE_KEY ?? '',
  baseUrl: process.env.NEXT_PUBLIC_TICKKI_BASE_URL || undefined,
};
