/**
 * Returns `task` made serial and coalesced: runs never overlap and start in call order; a call made
 * while a run is queued (not started yet) joins that run, which reads the state when it starts. For
 * storage writes of a changing state: they land in order, the last one holds the newest state, and a
 * burst of changes costs one write more, not one per change.
 */
export function serialTask(task: () => Promise<void>): () => Promise<void> {
  let last: Promise<void> = Promise.resolve();
  let queued: Promise<void> | undefined;
  return () =>
    (queued ??= last = last.then(() => {
      queued = undefined;
      return task();
    }));
}

/**
 * Returns `fn` with concurrent calls merged: a call while a run is in flight gets that run's
 * promise; the next call after it settled starts a new run.
 */
export function shared<T>(fn: () => Promise<T>): () => Promise<T> {
  let running: Promise<T> | undefined;
  return () => (running ??= fn().finally(() => (running = undefined)));
}
