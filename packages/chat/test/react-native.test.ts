/**
 * @tickki/chat the way a React Native app runs it: pusher-js's React Native build (bundled as Metro
 * resolves it, NetInfo included), AsyncStorage through `asyncStorageAdapter`, AppState through
 * `appStateLifecycle`; no DOM, no `localStorage`. React Native cannot run here, so NetInfo,
 * AsyncStorage and AppState are small stand-ins with their documented APIs; the rest is real: the
 * sandbox, the websocket (Node's global `WebSocket`, as React Native has), the pusher-js build.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { rolldown } from 'rolldown';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PusherConstructor } from '@tickki/chat-realtime';
import { appStateLifecycle, asyncStorageAdapter, type AppStateLike, type AsyncStorageLike } from '../src/index.js';
import { chatFor, sandbox, waitFor, type RunningSandbox } from './helpers.js';

const NETINFO = fileURLToPath(new URL('./react-native/netinfo.cjs', import.meta.url));
const require = createRequire(import.meta.url);

/** pusher-js's `react-native` build bundled into one CommonJS file, with NetInfo resolved to the stand-in. */
async function reactNativePusher(dir: string): Promise<PusherConstructor> {
  const build = await rolldown({
    input: require.resolve('pusher-js/react-native'),
    resolve: { alias: { '@react-native-community/netinfo': NETINFO } },
    logLevel: 'silent',
  });
  try {
    const { output } = await build.generate({ format: 'cjs', exports: 'named' });
    const file = join(dir, 'pusher-react-native.cjs');
    writeFileSync(file, output[0].code);
    // the build's `module.exports` is `{ Pusher: class }`: what Metro's `import Pusher from
    // 'pusher-js/react-native'` hands the app, and what the app passes on as `Pusher`
    const exported = require(file) as object;
    expect(Object.keys(exported)).toEqual(['Pusher']);
    return exported as PusherConstructor;
  } finally {
    await build.close();
  }
}

/** AsyncStorage's promise API over a map. */
function memoryAsyncStorage(): AsyncStorageLike & { keys(): string[] } {
  const map = new Map<string, string>();
  return {
    getItem: async (key) => map.get(key) ?? null,
    setItem: async (key, value) => void map.set(key, value),
    removeItem: async (key) => void map.delete(key),
    keys: () => [...map.keys()],
  };
}

/** AppState: `currentState` and `change` listeners, switched by the test. */
function fakeAppState(): AppStateLike & { set(state: string): void } {
  const listeners = new Set<(state: string) => void>();
  return {
    currentState: 'active',
    addEventListener: (_type, listener) => (listeners.add(listener), { remove: () => void listeners.delete(listener) }),
    set(state) {
      this.currentState = state;
      for (const listener of [...listeners]) listener(state);
    },
  };
}

describe('React Native', () => {
  let sb: RunningSandbox;
  let dir: string;
  let Pusher: PusherConstructor;

  beforeAll(async () => {
    sb = await sandbox({ agent: { mode: 'echo', delay_ms: 0, typing: false } });
    dir = mkdtempSync(join(tmpdir(), 'tickki-rn-'));
    Pusher = await reactNativePusher(dir);
  });
  afterAll(async () => {
    await sb?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('chats over the React Native build of pusher-js, keeps the session in AsyncStorage and resumes it', async () => {
    expect('document' in globalThis || 'localStorage' in globalThis).toBe(false);
    const storage = memoryAsyncStorage();
    const appState = fakeAppState();
    const options = { storage: asyncStorageAdapter(storage), lifecycle: appStateLifecycle(appState), Pusher };
    const chat = chatFor(sb, options);
    const session = await chat.startSession({ visitorId: 'v_react_native' });
    await session.ready;
    expect(session.connectionState).toBe('connected');
    await session.send('Hello from React Native');
    await waitFor(() => session.messages.find((m) => m.content === 'Echo: Hello from React Native'), 'the echo over the websocket');
    const conversationId = session.conversationId;

    // background: the socket goes half-open; foreground: it is pinged, replaced, and live again
    appState.set('background');
    sb.control.stallConnections();
    appState.set('active');
    await waitFor(() => session.connectionState === 'reconnecting', 'the unanswered ping', 8000);
    await waitFor(() => session.connectionState === 'connected', 'a new socket');
    sb.control.reply(conversationId, 'live after the background');
    await waitFor(() => session.messages.find((m) => m.content === 'live after the background'), 'a live reply');
    await waitFor(() => storage.keys().some((k) => k.endsWith(':messages')), 'the messages kept in AsyncStorage');
    chat.dispose();

    // the app is killed and opened again: same conversation, messages shown before anything loads
    const reopened = chatFor(sb, options);
    const resumed = await reopened.startSession({ visitorId: 'v_react_native' });
    expect(resumed.conversationId).toBe(conversationId);
    expect(resumed.messages.map((m) => m.content)).toContain('Echo: Hello from React Native');
    await resumed.ready;
    expect(resumed.messages.filter((m) => m.content === 'Hello from React Native')).toHaveLength(1);
    reopened.dispose();
  });
});
