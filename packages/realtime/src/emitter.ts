/** A listener of one event: called with its payload. */
export type Listener<T> = (value: T) => void;

/**
 * A minimal typed event emitter, shared by both SDKs. A listener that throws does not stop the
 * others, and its error never reaches the code that emitted (pusher-js internals); it goes to
 * `onListenerError`.
 */
export class Emitter<Events> {
  #listeners: { [K in keyof Events]?: Set<Listener<Events[K]>> } = {};
  readonly #onListenerError: (error: unknown) => void;

  /** @param onListenerError receives what a listener threw. */
  constructor(onListenerError: (error: unknown) => void) {
    this.#onListenerError = onListenerError;
  }

  /** Adds a listener; returns a function that removes it. */
  on<K extends keyof Events>(event: K, listener: Listener<Events[K]>): () => void {
    const set = (this.#listeners[event] ??= new Set());
    set.add(listener);
    return () => void set.delete(listener);
  }

  /** Calls every listener of `event` with `value`. */
  emit<K extends keyof Events>(event: K, value: Events[K]): void {
    for (const listener of [...(this.#listeners[event] ?? [])]) {
      try {
        listener(value);
      } catch (error) {
        this.#onListenerError(error);
      }
    }
  }

  /** Removes every listener. */
  clear(): void {
    this.#listeners = {};
  }
}
