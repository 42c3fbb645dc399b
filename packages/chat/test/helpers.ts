/** Shared helpers of the integration tests: a real sandbox, a chat wired to it, polling. */
import { fileURLToPath } from 'node:url';
import type * as SandboxModule from '../../../apps/sandbox/dist/index.js';
import type { RunningSandbox, SandboxOptions } from '../../../apps/sandbox/dist/index.js';
import { TickkiChat, type AppLifecycle, type AppLifecycleEvent, type ChatSession, type TickkiChatOptions } from '../src/index.js';

export type { RunningSandbox };

// The sandbox runs from its source (vitest transforms it); its types come from its build, so this
// package's type check does not compile the sandbox's sources under this package's DOM settings.
const SANDBOX_SOURCE = fileURLToPath(new URL('../../../apps/sandbox/src/index.ts', import.meta.url));
const { startSandbox } = (await import(/* @vite-ignore */ SANDBOX_SOURCE)) as typeof SandboxModule;

/** A sandbox on a free port; the scripted agent is off and rate limits are off unless asked for. */
export function sandbox(options: SandboxOptions = {}): Promise<RunningSandbox> {
  return startSandbox({
    port: 0,
    seed: 11,
    ...options,
    rateLimits: { per_key: null, per_session: null, ...options.rateLimits },
    agent: { mode: 'off', delay_ms: 0, typing: false, ...options.agent },
  });
}

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

/** Polls `check` until it returns truthy; fails with `what` after `timeoutMs`. */
export async function waitFor<T>(check: () => T, what: string, timeoutMs = 15_000): Promise<NonNullable<T>> {
  const end = Date.now() + timeoutMs;
  for (;;) {
    const value = check();
    if (value) return value;
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 10));
  }
}

/** Server ids of the conversation, oldest first (what the sandbox holds). */
export const serverIds = (sb: RunningSandbox, conversationId: number): number[] => sb.control.messages(conversationId).map((m) => m.id);

/** Sent ids in the store, in store order. */
export const storeIds = (session: ChatSession): (number | undefined)[] => session.messages.map((m) => m.id);

/** Whether `list` holds no id twice. */
export const unique = (list: unknown[]): boolean => new Set(list).size === list.length;

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
