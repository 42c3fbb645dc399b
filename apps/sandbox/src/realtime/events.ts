/** Events a host app can listen to with `PusherServer.on()`. */
export interface PusherServerEvents {
  /** A socket completed the handshake and got its socket id. */
  connect: (socketId: string) => void;
  /** A socket subscribed to a channel. */
  subscribe: (socketId: string, channel: string) => void;
  /** A socket left a channel (by `pusher:unsubscribe` or by disconnecting). */
  unsubscribe: (socketId: string, channel: string) => void;
  /** A socket closed; `code` is the websocket close code. */
  disconnect: (socketId: string, code: number) => void;
  /** A subscription was refused for its signature. */
  authFailure: (socketId: string, channel: string, reason: string) => void;
  /** A garbled frame was answered with `pusher:error`. */
  garbled: (socketId: string, reason: string) => void;
}

type Listener = (...args: never[]) => void;

/**
 * A tiny typed listener list. A listener that throws never breaks the server: the error
 * goes to `onError` (by default a process warning).
 */
export class Listeners<E extends { [K in keyof E]: Listener }> {
  readonly #map = new Map<keyof E, Set<Listener>>();
  readonly #onError: (error: unknown, event: string) => void;

  constructor(onError?: (error: unknown, event: string) => void) {
    this.#onError =
      onError ?? ((error, event) => process.emitWarning(`PusherServer "${event}" listener threw: ${String(error)}`));
  }

  /** Adds a listener; returns a function that removes it. */
  on<K extends keyof E>(event: K, listener: E[K]): () => void {
    let set = this.#map.get(event);
    if (!set) {
      set = new Set();
      this.#map.set(event, set);
    }
    set.add(listener);
    return () => {
      set.delete(listener);
    };
  }

  /** Whether anyone listens to `event` (lets callers skip building arguments). */
  has(event: keyof E): boolean {
    const set = this.#map.get(event);
    return set !== undefined && set.size > 0;
  }

  /** Calls every listener of `event`. */
  emit<K extends keyof E>(event: K, ...args: Parameters<E[K]>): void {
    const set = this.#map.get(event);
    if (!set) return;
    for (const fn of set) {
      try {
        (fn as (...a: Parameters<E[K]>) => void)(...args);
      } catch (err) {
        try {
          this.#onError(err, String(event));
        } catch {
          // An error handler that throws is ignored too.
        }
      }
    }
  }

  /** Removes every listener. */
  clear(): void {
    this.#map.clear();
  }
}
