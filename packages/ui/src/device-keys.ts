/**
 * What a chat of one publishable key keeps on a device, besides the screen's state: every visitor's
 * session token, cached messages and outbox (`tickki:<key>:<visitor>:session|messages|outbox`, as
 * `@tickki/chat` names them) and the anonymous visitor id (`tickki-widget:<key>:visitor`).
 * `ChatScreen.logout()` removes the current visitor's; a sign-out on a shared device should leave
 * none of the others either (an anonymous conversation from before a login): a face that can list
 * its storage's keys (`localStorage`, AsyncStorage's `getAllKeys`) removes the ones this returns.
 */
export function visitorKeys(publishableKey: string, keys: Iterable<string>, keep?: string): string[] {
  const chat = `tickki:${publishableKey}:`;
  const out: string[] = [];
  for (const key of keys) {
    if (key.startsWith(chat) && /:(session|messages|outbox)$/.test(key) && (!keep || !key.startsWith(`${chat}${keep}:`))) out.push(key);
  }
  return out;
}
