/**
 * Calls `refresh` every `everyMs` while `onScreen()` says the chat is open and visible (0: never);
 * returns a function that stops.
 */
export function whileOnScreen(everyMs: number, onScreen: () => boolean, refresh: () => void): () => void {
  if (!everyMs) return () => undefined;
  const timer = setInterval(() => onScreen() && refresh(), everyMs);
  return () => clearInterval(timer);
}
