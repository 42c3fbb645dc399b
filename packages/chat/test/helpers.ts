/** Shared helpers of the integration tests: a real sandbox, a chat wired to it, polling. */
import { sandbox as testSandbox, type RunningSandbox, type SandboxOptions } from '@tickki/testkit';
import { TickkiChat, type AppLifecycle, type AppLifecycleEvent, type ChatSession, type TickkiChatOptions } from '../src/index.js';

export { waitFor } from '@tickki/testkit';
export type { RunningSandbox };

/** A sandbox on a free port (seed 11); the scripted agent is off and rate limits are off unless asked for. */
export const sandbox = (options: SandboxOptions = {}): Promise<RunningSandbox> => testSandbox({ seed: 11, ...options });

/** A chat against `sb` with fast retries and short timeouts; no platform lifecycle. */
export function chatFor(sb: RunningSandbox, options: Partial<TickkiChatOptions> = {}): TickkiChat {
  return new TickkiChat({
    publishableKey: sb.demoKey,
    baseUrl: sb.origin,
    lifecycle: null,
    timeoutMs: 2000,
    retry: { retries: 12, baseMs: 10, maxMs: 200 },
    ...options,
  });
}

/** A lifecycle the test drives by hand. */
export function manualLifecycle(): AppLifecycle & { emit(event: AppLifecycleEvent): void } {
  const listeners = new Set<(event: AppLifecycleEvent) => void>();
  return {
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    emit: (event) => {
      for (const l of [...listeners]) l(event);
    },
  };
}

/** Server ids of the conversation, oldest first (what the sandbox holds). */
export const serverIds = (sb: RunningSandbox, conversationId: number): number[] => sb.control.messages(conversationId).map((m) => m.id);

/** Sent ids in the store, in store order. */
export const storeIds = (session: ChatSession): (number | undefined)[] => session.messages.map((m) => m.id);

/** Whether `list` holds no id twice. */
export const unique = (list: unknown[]): boolean => new Set(list).size === list.length;

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
