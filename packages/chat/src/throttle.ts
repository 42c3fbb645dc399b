/**
 * Returns `fn` limited to one call per `intervalMs`: the first call runs at once, calls within the
 * interval after it are dropped (returning `undefined`). No timer is left behind.
 */
export function throttle<A extends unknown[], R>(fn: (...args: A) => R, intervalMs: number, now = Date.now): (...args: A) => R | undefined {
  let last = -Infinity;
  return (...args) => {
    const t = now();
    if (t - last < intervalMs) return undefined;
    last = t;
    return fn(...args);
  };
}

/**
 * Returns `fn` with concurrent calls merged: a call while a run is in flight gets that run's
 * promise; the next call after it settled starts a new run.
 */
export function shared<T>(fn: () => Promise<T>): () => Promise<T> {
  let running: Promise<T> | undefined;
  return () => (running ??= fn().finally(() => (running = undefined)));
}
