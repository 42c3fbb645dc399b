/**
 * What the visitor gave in the pre-chat form, kept per visitor on the device (with the chat's own
 * data), so the form asks once, not on every visit.
 */
import type { StorageAdapter } from '@tickki/chat';

/** Who the visitor says they are. */
export interface Identity {
  name: string;
  email: string;
}

const key = (visitorId: string) => `tickki:identity:${visitorId}`;

/** The identity kept for `visitorId`, if any (anything unreadable counts as none). */
export async function readIdentity(storage: StorageAdapter, visitorId: string): Promise<Identity | undefined> {
  try {
    const value = JSON.parse((await storage.getItem(key(visitorId))) ?? 'null') as Partial<Identity> | null;
    return typeof value?.name === 'string' && typeof value.email === 'string' ? { name: value.name, email: value.email } : undefined;
  } catch {
    return undefined;
  }
}

/** Keeps `identity` for `visitorId`. */
export async function writeIdentity(storage: StorageAdapter, visitorId: string, identity: Identity): Promise<void> {
  try {
    await storage.setItem(key(visitorId), JSON.stringify(identity));
  } catch {
    // a full or blocked storage only means the form asks again next time
  }
}
