/**
 * Test helpers shared by the SDK packages' integration tests: a real sandbox on a free port and
 * polling. Tests only: the packages' sources never import the sandbox.
 */
import { fileURLToPath } from 'node:url';
import type * as SandboxModule from '../../../apps/sandbox/dist/index.js';
import type { RunningSandbox, SandboxOptions } from '../../../apps/sandbox/dist/index.js';

export type { RunningSandbox, SandboxOptions };

// The sandbox runs from its source (vitest transforms it); its types come from its build, so a
// package's type check does not compile the sandbox's sources under that package's settings.
const SANDBOX_SOURCE = fileURLToPath(new URL('../../../apps/sandbox/src/index.ts', import.meta.url));
const { startSandbox } = (await import(/* @vite-ignore */ SANDBOX_SOURCE)) as typeof SandboxModule;

/** A sandbox on a free port (seed 7 unless given); rate limits off; the scripted agent as asked (off by default). */
export function sandbox(options: SandboxOptions = {}): Promise<RunningSandbox> {
  return startSandbox({
    port: 0,
    seed: 7,
    ...options,
    rateLimits: { per_key: null, per_session: null, ...options.rateLimits },
    agent: { mode: 'off', delay_ms: 0, typing: false, ...options.agent },
  });
}

/** Polls `check` (awaited: it may be async) until it gives something truthy; fails with `what` after `timeoutMs`. */
export async function waitFor<T>(check: () => T | Promise<T>, what: string, timeoutMs = 15_000): Promise<NonNullable<T>> {
  const end = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value) return value;
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 10));
  }
}

/** Number of `POST /chat/sessions` the sandbox answered. */
export const sessionStarts = (sb: RunningSandbox): number => sb.control.requests().filter((r) => r.method === 'POST' && r.path.endsWith('/chat/sessions')).length;
