/** The `tickki-sandbox` command: built with tsdown (into a temporary folder) and run as a process. */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { build } from 'tsdown';
import { Api, control } from './helpers.js';

const appDir = resolve(dirname(fileURLToPath(import.meta.url)), '..');
// Inside the app (under node_modules, ignored by git) so the bundle resolves its dependencies.
mkdirSync(join(appDir, 'node_modules'), { recursive: true });
const outDir = mkdtempSync(join(appDir, 'node_modules', '.cli-test-'));
let cli: string;
const children: ChildProcess[] = [];

beforeAll(async () => {
  await build({ config: false, cwd: appDir, entry: { cli: 'src/cli.ts' }, outDir, format: ['esm'], platform: 'node', target: 'node20', dts: false, fixedExtension: false, logLevel: 'silent' });
  cli = join(outDir, 'cli.js');
}, 60_000);

afterAll(async () => {
  for (const child of children) if (child.exitCode === null) child.kill('SIGKILL');
  rmSync(outDir, { recursive: true, force: true });
});

/** Runs the CLI; resolves with its output once `until` matches it (or it exits). */
function run(args: string[], until: RegExp | null = null, env: Record<string, string> = {}): Promise<{ child: ChildProcess; output: string; code: number | null }> {
  const child = spawn(process.execPath, [cli, ...args], { cwd: appDir, env: { ...process.env, PORT: '', ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  children.push(child);
  let output = '';
  return new Promise((done, fail) => {
    const timer = setTimeout(() => fail(new Error(`CLI timed out:\n${output}`)), 15_000);
    const check = () => {
      if (until && until.test(output)) {
        clearTimeout(timer);
        done({ child, output, code: null });
      }
    };
    child.stdout!.on('data', (d: Buffer) => {
      output += d.toString();
      check();
    });
    child.stderr!.on('data', (d: Buffer) => {
      output += d.toString();
      check();
    });
    child.on('exit', (code) => {
      clearTimeout(timer);
      done({ child, output, code });
    });
  });
}

const stop = (child: ChildProcess) => new Promise<number | null>((done) => {
  if (child.exitCode !== null) return done(child.exitCode);
  child.once('exit', (code) => done(code));
  child.kill('SIGTERM');
});

describe('tickki-sandbox', () => {
  it('--help prints the options', async () => {
    const { output, code } = await run(['--help']);
    expect(code).toBe(0);
    for (const flag of ['--port', '--host', '--persist', '--latency', '--error-rate', '--agent', '--agent-delay', '--seed', '--help']) expect(output).toContain(flag);
  });

  it('refuses bad flags with exit code 2', async () => {
    for (const args of [['--port', 'abc'], ['--agent', 'loud'], ['--error-rate', '2'], ['--nope'], ['--key', 'sk_live_x'], ['--port', '0', '--faults', '{'], ['--port', '0', '--faults', '{"http":{"error_rate":5}}']]) {
      const { output, code } = await run(args);
      expect(code, args.join(' ')).toBe(2);
      expect(output).toContain('tickki-sandbox:');
    }
  });

  it('--ignore-idempotency-key: the banner says so, and a repeated send is stored again', async () => {
    const { child, output } = await run(['--port', '0', '--quiet', '--agent', 'off', '--ignore-idempotency-key'], /Press Ctrl\+C/);
    expect(output).toContain('Idempotency-Key: ignored');
    expect(output).toContain('Faults:         none');
    const api = new Api(/Base URL:\s+(\S+)/.exec(output)![1]!, 'pk_test_tickki_sandbox');
    const s = await api.session('v_cli_ignored');
    const ids = [];
    for (let i = 0; i < 2; i++) ids.push((await api.send(s, 'twice', { 'Idempotency-Key': 'same' })).body.data.id);
    expect(ids[1]).not.toBe(ids[0]);
    expect(await stop(child)).toBe(0);
  });

  it('starts, prints the URLs and the demo key, serves the flags, persists, and stops on SIGTERM', async () => {
    const state = join(outDir, 'state.json');
    const { child, output } = await run(['--port', '0', '--agent', 'canned', '--canned', 'Hello from the CLI', '--agent-delay', '0', '--latency', '30', '--seed', '5', '--persist', state, '--quiet', '--faults', '{"realtime":{"eventNameStyle":"dotted"}}'], /Press Ctrl\+C/);
    const origin = /Base URL:\s+(\S+)/.exec(output)![1]!;
    expect(output).toMatch(/WebSocket:\s+ws:\/\/127\.0\.0\.1:\d+\/app\/tickki-sandbox-key/);
    expect(output).toContain('Demo key:       pk_test_tickki_sandbox');
    expect(output).toContain(`Agent console:  ${origin}/agent`);
    const api = new Api(origin, 'pk_test_tickki_sandbox');
    const t0 = Date.now();
    expect((await api.get('/chat/config')).status).toBe(200);
    expect(Date.now() - t0).toBeGreaterThanOrEqual(25);
    const s = await api.session('v_cli');
    await api.send(s, 'hi');
    const sandbox = { origin };
    for (let i = 0; i < 100 && (await control(sandbox, 'GET', `/conversations/${s.conversation_id}/messages`)).body.data.length < 2; i++) await new Promise((r) => setTimeout(r, 20));
    const messages = (await control(sandbox, 'GET', `/conversations/${s.conversation_id}/messages`)).body.data;
    expect(messages[1].content).toBe('Hello from the CLI');
    expect((await control(sandbox, 'GET', '/faults')).body.data.realtime.eventNameStyle).toBe('dotted');
    expect(await stop(child)).toBe(0);

    // Restart on the same file: the conversation is still there.
    const again = await run(['--persist', state, '--quiet'], /Press Ctrl\+C/, { PORT: '0' });
    const origin2 = /Base URL:\s+(\S+)/.exec(again.output)![1]!;
    const list = await new Api(origin2, 'pk_test_tickki_sandbox').get(`/chat/sessions/${s.conversation_id}/messages`, { session: s.token });
    expect(list.body.data.map((m: { content: string }) => m.content)).toEqual(['Hello from the CLI', 'hi']);
    expect(await stop(again.child)).toBe(0);
  });
});
