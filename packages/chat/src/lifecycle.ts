/** What an app's lifecycle tells the chat: network up/down, the chat shown/hidden. */
export type AppLifecycleEvent = 'online' | 'offline' | 'visible' | 'hidden';

/**
 * A source of {@link AppLifecycleEvent}s. Browsers get one automatically (`online`/`offline`,
 * `visibilitychange`, `pagehide`); React Native passes {@link appStateLifecycle}; tests and
 * other hosts can pass their own.
 */
export interface AppLifecycle {
  /** Starts listening; returns a function that stops. */
  subscribe(listener: (event: AppLifecycleEvent) => void): () => void;
  /** Whether the chat is visible now (assumed visible when absent). */
  visible?(): boolean;
}

/** The subset of React Native's `AppState` used by {@link appStateLifecycle}. */
export interface AppStateLike {
  currentState?: string | null;
  addEventListener(type: 'change', listener: (state: string) => void): { remove(): void };
}

/**
 * React Native lifecycle from `AppState`: `active` → visible, `background` → hidden (`inactive`,
 * the iOS transition state, is ignored). Pass NetInfo-driven `online`/`offline` yourself if needed.
 *
 * ```ts
 * import { AppState } from 'react-native';
 * new TickkiChat({ publishableKey, lifecycle: appStateLifecycle(AppState) });
 * ```
 */
export function appStateLifecycle(appState: AppStateLike): AppLifecycle {
  return {
    subscribe(listener) {
      const sub = appState.addEventListener('change', (state) => {
        if (state === 'active') listener('visible');
        else if (state === 'background') listener('hidden');
      });
      return () => sub.remove();
    },
    visible: () => (appState.currentState ?? 'active') !== 'background',
  };
}
