import type { StorageAdapter } from '@tickki/chat';

const key = (publishableKey: string): string => `tickki-widget:${publishableKey}:visitor`;
const VALID = /^[\w-]{8,64}$/;

/** A new anonymous visitor id. */
const newId = (): string => 'v_' + (globalThis.crypto?.randomUUID?.() ?? `${Date.now()}-${Math.random()}`.replace(/\D/g, '')).replace(/-/g, '');

/**
 * The id of a visitor the app did not name: made once per publishable key and kept on the device
 * (the same id resumes the same conversation). Where storage is blocked, a new one per page.
 */
export async function anonymousVisitorId(storage: StorageAdapter, publishableKey: string): Promise<string> {
  const kept = await Promise.resolve(storage.getItem(key(publishableKey))).catch(() => null);
  if (kept && VALID.test(kept)) return kept;
  const id = newId();
  await Promise.resolve(storage.setItem(key(publishableKey), id)).catch(() => undefined);
  return id;
}

/** Forgets the anonymous id (a logout): the next visitor on this device gets a new one. */
export async function forgetAnonymousVisitorId(storage: StorageAdapter, publishableKey: string): Promise<void> {
  await Promise.resolve(storage.removeItem(key(publishableKey))).catch(() => undefined);
}
