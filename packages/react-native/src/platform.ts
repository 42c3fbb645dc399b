/**
 * The one place that looks at the host: which optional native packages the app has installed
 * (AsyncStorage, NetInfo, safe-area-context) and what the chat needs from the platform (storage,
 * lifecycle, the pusher-js build). Optional packages are loaded with `require` inside `try`, which
 * Metro and esbuild both leave to run time: an app without them still bundles.
 */
import type { Context } from 'react';
import { AppState, Platform } from 'react-native';
import {
  appStateLifecycle,
  asyncStorageAdapter,
  localStorageAdapter,
  memoryStorage,
  type AppLifecycle,
  type AppStateLike,
  type AsyncStorageLike,
  type StorageAdapter,
  type TickkiChatOptions,
} from '@tickki/chat';

/** NetInfo's API as used here. */
export interface NetInfoLike {
  addEventListener(listener: (state: { isConnected: boolean | null; isInternetReachable?: boolean | null }) => void): () => void;
}

/* eslint-disable @typescript-eslint/no-require-imports -- optional peers, resolved at run time */
// Each `require` sits lexically inside its own `try`: that is what tells Metro (and esbuild) that a
// missing package is fine. A helper taking a callback would hide it from them.
const unwrap = <T>(module: unknown): T | undefined =>
  (module && typeof module === 'object' && 'default' in module ? (module as { default: T }).default : module) as T | undefined;

/** `@react-native-async-storage/async-storage`, when installed. */
export function loadAsyncStorage(): AsyncStorageLike | undefined {
  try {
    return unwrap<AsyncStorageLike>(require('@react-native-async-storage/async-storage'));
  } catch {
    return undefined;
  }
}

/** `@react-native-community/netinfo`, when installed. */
export function loadNetInfo(): NetInfoLike | undefined {
  try {
    return unwrap<NetInfoLike>(require('@react-native-community/netinfo'));
  } catch {
    return undefined;
  }
}

/** `react-native-safe-area-context`'s insets context, when installed. */
export function loadSafeAreaContext(): Context<EdgeInsets | null> | undefined {
  try {
    return (require('react-native-safe-area-context') as { SafeAreaInsetsContext?: Context<EdgeInsets | null> }).SafeAreaInsetsContext;
  } catch {
    return undefined;
  }
}

/**
 * pusher-js's React Native build (NetInfo-aware), which Metro also picks for a plain `pusher-js`
 * import (its `react-native` field); named here for other bundlers and test runners. `undefined` on
 * the web, where the default build is right.
 */
function loadPusher(): TickkiChatOptions['Pusher'] {
  if (Platform.OS === 'web') return undefined;
  try {
    return require('pusher-js/react-native') as TickkiChatOptions['Pusher'];
  } catch {
    return undefined;
  }
}
/* eslint-enable @typescript-eslint/no-require-imports */

/** Safe-area insets in points. */
export interface EdgeInsets {
  top: number;
  right: number;
  bottom: number;
  left: number;
}

/**
 * The app lifecycle the core listens to: AppState (foreground → visible, background → hidden) and,
 * when NetInfo is installed (or given; `null`: none), its connectivity: online / offline.
 */
export function nativeLifecycle(appState: AppStateLike = AppState, netInfo: NetInfoLike | null | undefined = loadNetInfo()): AppLifecycle {
  const app = appStateLifecycle(appState);
  return {
    visible: app.visible,
    subscribe(listener) {
      const stops = [app.subscribe(listener)];
      if (netInfo) {
        let online: boolean | undefined;
        const stop = netInfo.addEventListener((state) => {
          // `isInternetReachable` is null while unknown: only a definite `false` means offline.
          // The first report tells only "offline" (the core assumes online); later ones, changes.
          const now = state.isConnected !== false && state.isInternetReachable !== false;
          if (online === undefined ? !now : now !== online) listener(now ? 'online' : 'offline');
          online = now;
        });
        if (typeof stop === 'function') stops.push(stop);
      }
      return () => stops.forEach((stop) => stop());
    },
  };
}

/** Where the chat keeps its data on this platform: AsyncStorage when installed, `localStorage` on the web, else memory. */
export function platformStorage(): StorageAdapter {
  if (Platform.OS === 'web') return localStorageAdapter();
  const storage = loadAsyncStorage();
  return storage ? asyncStorageAdapter(storage) : memoryStorage();
}

/**
 * Chat options for this platform, under the app's own: on iOS and Android, AsyncStorage (when
 * installed), AppState + NetInfo lifecycle and pusher-js's React Native build; on the web
 * (react-native-web), the core's browser defaults.
 */
export function platformChatOptions(options: TickkiChatOptions): TickkiChatOptions {
  if (Platform.OS === 'web') return options;
  const Pusher = loadPusher();
  return {
    storage: platformStorage(),
    lifecycle: nativeLifecycle(),
    ...(Pusher ? { Pusher } : {}),
    ...options,
  };
}
