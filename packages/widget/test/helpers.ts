/** Shared helpers of the integration tests: a real sandbox on a free port, polling. */
import { fileURLToPath } from 'node:url';
import type * as SandboxModule from '../../../apps/sandbox/dist/index.js';
import type { RunningSandbox, SandboxOptions } from '../../../apps/sandbox/dist/index.js';

export type { RunningSandbox };

// The sandbox runs from its source (vitest transforms it); its types come from its build.
const SANDBOX_SOURCE = fileURLToPath(new URL('../../../apps/sandbox/src/index.ts', import.meta.url));
const { startSandbox } = (await import(/* @vite-ignore */ SANDBOX_SOURCE)) as typeof SandboxModule;

/** A sandbox on a free port; rate limits off; the scripted agent as asked (off by default). */
export function sandbox(options: SandboxOptions = {}): Promise<RunningSandbox> {
  return startSandbox({
    port: 0,
    seed: 7,
    ...options,
    rateLimits: { per_key: null, per_session: null, ...options.rateLimits },
    agent: { mode: 'off', delay_ms: 0, typing: false, ...options.agent },
  });
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

/** Number of `POST /chat/sessions` the sandbox answered. */
export const sessionStarts = (sb: RunningSandbox): number => sb.control.requests().filter((r) => r.method === 'POST' && r.path.endsWith('/chat/sessions')).length;

/** The strict CSP every test page is served with: scripts and styles from the page's origin only. */
export const STRICT_CSP = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data: http://127.0.0.1:*; connect-src 'self' http://127.0.0.1:* ws://127.0.0.1:*; object-src 'none'; base-uri 'none'";

/** A page server on loopback: fixed files (path → [content type, body]), every page with `headers`. */
export async function servePages(
  files: Record<string, [type: string, body: string | Buffer]>,
  headers: Record<string, string> = {},
): Promise<{ origin: string; files: typeof files; close(): Promise<void> }> {
  const { createServer } = await import('node:http');
  const server = createServer((request, response) => {
    const file = files[new URL(request.url ?? '/', 'http://x').pathname];
    if (!file) {
      response.writeHead(404).end();
      return;
    }
    response.writeHead(200, { 'content-type': file[0], 'cache-control': 'no-store', ...(file[0].startsWith('text/html') ? headers : {}) }).end(file[1]);
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const { port } = server.address() as import('node:net').AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    files,
    close: () => new Promise((done) => server.close(() => done())),
  };
}
