/**
 * A real Tickki sandbox for a test file: `apps/sandbox`'s CLI in a child process on a free port,
 * driven through its HTTP control API (as an agent, and to inject faults).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { resolve } from 'node:path';

const CLI = resolve(__dirname, '../../../apps/sandbox/dist/cli.js');

/** A running sandbox. */
export interface Sandbox {
  /** What the SDK takes as `baseUrl`. */
  origin: string;
  /** The demo publishable key. */
  key: string;
  /** Calls the control API (`/_control` + `path`); resolves the JSON answer. */
  control<T = unknown>(method: string, path: string, body?: unknown): Promise<T>;
  /** The newest conversation's id (the one the test started). */
  conversationId(visitorId: string): Promise<number>;
  /** How many sockets are subscribed to the visitor's private channel (0 before their session exists). */
  subscribers(visitorId: string): Promise<number>;
  close(): Promise<void>;
}

/** Starts a sandbox; `args` are CLI flags (the scripted agent is off unless asked). */
export async function startSandbox(args: string[] = ['--agent', 'off']): Promise<Sandbox> {
  const child: ChildProcess = spawn(process.execPath, [CLI, '--port', '0', '--seed', '7', '--quiet', ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
  const origin = await new Promise<string>((done, fail) => {
    let out = '';
    const timer = setTimeout(() => fail(new Error(`sandbox did not start: ${out}`)), 20_000);
    child.stdout!.on('data', (chunk: Buffer) => {
      out += chunk;
      const match = /Base URL:\s+(http:\/\/\S+)/.exec(out);
      if (match) {
        clearTimeout(timer);
        done(match[1]!);
      }
    });
    child.stderr!.on('data', (chunk: Buffer) => (out += chunk));
    child.on('exit', (code) => fail(new Error(`sandbox exited (${code}): ${out}`)));
  });
  const control = async <T,>(method: string, path: string, body?: unknown): Promise<T> => {
    const response = await fetch(`${origin}/_control${path}`, {
      method,
      headers: body === undefined ? {} : { 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    if (!response.ok) throw new Error(`${method} /_control${path}: ${response.status} ${await response.text()}`);
    return (await response.json()) as T;
  };
  return {
    origin,
    key: 'pk_test_tickki_sandbox',
    control,
    async conversationId(visitorId) {
      const { data } = await control<{ data: { id: number; visitor_id: string }[] }>('GET', '/conversations');
      const found = data.find((c) => c.visitor_id === visitorId);
      if (!found) throw new Error(`no conversation of ${visitorId}`);
      return found.id;
    },
    async subscribers(visitorId) {
      const { data } = await control<{ data: { visitor_id: string; session_id: number }[] }>('GET', '/conversations');
      const session = data.find((c) => c.visitor_id === visitorId)?.session_id;
      const stats = await control<{ data: { subscriptions: Record<string, number> } }>('GET', '/realtime');
      return session === undefined ? 0 : (stats.data.subscriptions[`private-chat.session.${session}`] ?? 0);
    },
    close: () =>
      new Promise<void>((done) => {
        if (child.exitCode !== null) return done();
        child.once('exit', () => done());
        child.kill();
      }),
  };
}
