/** Shared helpers of the screen model's tests: a real sandbox, storage shared by "tabs", a screen wired to both. */
import { sandbox as testSandbox, type RunningSandbox, type SandboxOptions } from '@tickki/testkit';
import { ChatScreen, type ChatScreenOptions, type UiStorage } from '../src/index.js';

export { sessionStarts, waitFor } from '@tickki/testkit';
export type { RunningSandbox };

/** A sandbox on a free port; the scripted agent is off unless asked for. */
export const sandbox = (options: SandboxOptions = {}): Promise<RunningSandbox> => testSandbox({ seed: 3, ...options });

/**
 * One device's storage, seen by several tabs: each `tab()` is a view on the same data whose `watch`
 * hears the writes of the other tabs (as the browser's `storage` event does), never its own.
 */
export function sharedStorage(): { tab(): UiStorage; data: Map<string, string> } {
  const data = new Map<string, string>();
  const watchers = new Set<{ tab: object; key: string; listener: () => void }>();
  return {
    data,
    tab() {
      const tab = {};
      const changed = (key: string) => {
        for (const w of watchers) if (w.tab !== tab && w.key === key) setTimeout(w.listener, 0);
      };
      return {
        getItem: (key) => data.get(key) ?? null,
        setItem: (key, value) => {
          data.set(key, value);
          changed(key);
        },
        removeItem: (key) => {
          data.delete(key);
          changed(key);
        },
        watch(key, listener) {
          const w = { tab, key, listener };
          watchers.add(w);
          return () => void watchers.delete(w);
        },
      };
    },
  };
}

/** The options of a screen against `sb`: fast chat retries, no platform lifecycle. */
export const screenOptions = (sb: RunningSandbox, storage: UiStorage, options: Partial<ChatScreenOptions> = {}): ChatScreenOptions => ({
  publishableKey: sb.demoKey,
  baseUrl: sb.origin,
  storage,
  chat: { storage, lifecycle: null, timeoutMs: 2000, retry: { retries: 3, baseMs: 10, maxMs: 50 } },
  ...options,
});

/** A screen against `sb` ({@link screenOptions}); booted. */
export async function screenFor(sb: RunningSandbox, storage: UiStorage, options: Partial<ChatScreenOptions> = {}): Promise<ChatScreen> {
  const screen = new ChatScreen(screenOptions(sb, storage, options));
  await screen.boot();
  return screen;
}

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
