/**
 * Consent mode of the screen model, against a real sandbox: before consent nothing is read from or
 * written to storage and no request reaches the API; after it the chat behaves as without the mode.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ChatScreen, UiStorage } from '../src/index.js';
import { sandbox, screenFor, sharedStorage, sleep, waitFor, type RunningSandbox } from './helpers.js';

let sb: RunningSandbox;
let screens: ChatScreen[] = [];
beforeEach(async () => {
  sb = await sandbox();
});
afterEach(async () => {
  for (const s of screens) s.dispose();
  screens = [];
  await sb.close();
});

/** A storage that counts every access (read or write). */
function countedStorage(): { storage: UiStorage; accesses: string[] } {
  const inner = sharedStorage().tab();
  const accesses: string[] = [];
  const storage: UiStorage = {
    getItem: (key) => (accesses.push(`get ${key}`), inner.getItem(key)),
    setItem: (key, value) => (accesses.push(`set ${key}`), inner.setItem(key, value)),
    removeItem: (key) => (accesses.push(`remove ${key}`), inner.removeItem(key)),
    watch: (key, listener) => inner.watch!(key, listener),
  };
  return { storage, accesses };
}

const open = async (...args: Parameters<typeof screenFor>) => {
  const screen = await screenFor(...args);
  screens.push(screen);
  return screen;
};
const ready = (screen: ChatScreen) => waitFor(() => screen.state.view.status === 'ready', 'the session ready');

describe('consent', () => {
  it('required: booted, opened, identified and logged out before consent, nothing is stored or requested; consent() starts the chat', async () => {
    const { storage, accesses } = countedStorage();
    const requestsBefore = sb.control.requests().length;
    const screen = await open(sb, storage, { consent: 'required' });
    screen.setOpen(true);
    const contact = screen.identify({ email: 'ada@example.com' });
    await screen.logout();
    await sleep(100);
    expect(accesses).toEqual([]);
    expect(sb.control.requests().length).toBe(requestsBefore);
    expect(screen.state.consentNeeded).toBe(true);
    expect(screen.state.view.status).toBe('idle');

    screen.consent();
    expect(screen.state.consentNeeded).toBe(false);
    await ready(screen);
    expect(accesses.some((a) => a.startsWith('set '))).toBe(true);
    // what identify() was given before consent is sent with the start
    await expect(contact).resolves.toMatchObject({ email: 'ada@example.com' });
  });

  it('on-open: nothing happens until the visitor opens the chat, which counts as consent', async () => {
    const { storage, accesses } = countedStorage();
    const requestsBefore = sb.control.requests().length;
    const screen = await open(sb, storage, { consent: 'on-open' });
    await sleep(100);
    expect(accesses).toEqual([]);
    expect(sb.control.requests().length).toBe(requestsBefore);
    screen.setOpen(true);
    expect(screen.state.consentNeeded).toBe(false);
    await ready(screen);
    await screen.send('hello');
    await waitFor(() => sb.control.requests().some((r) => r.method === 'POST' && r.path.endsWith('/messages')), 'the message sent');
  });

  it("a live update to consent: 'given' is consent (the React and React Native prop)", async () => {
    const { storage } = countedStorage();
    const screen = await open(sb, storage, { consent: 'required' });
    screen.setOpen(true);
    expect(screen.state.consentNeeded).toBe(true);
    screen.update({ consent: 'given' });
    await ready(screen);
    expect(screen.state.consentNeeded).toBe(false);
  });

  it('without the option the screen starts at once (a returning visitor with a conversation needs no open)', async () => {
    const device = sharedStorage();
    const first = await open(sb, device.tab());
    first.setOpen(true);
    await ready(first);
    first.dispose();
    const next = await open(sb, device.tab());
    await ready(next);
  });
});
