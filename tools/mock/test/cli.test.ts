/** `npm run mock` serves the production paths from the document's examples and refuses invalid requests. */
import { spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { freePort } from '../src/mock.ts';

let port: number;
let output = '';
let child: ReturnType<typeof spawn>;
/** The mock's own temp directory (TMPDIR), to see what it leaves there. */
const tmp = mkdtempSync(join(tmpdir(), 'mock-cli-test-'));
const cli = resolve(import.meta.dirname, '../src/cli.ts');

beforeAll(async () => {
  port = await freePort();
  child = spawn(process.execPath, [cli], { env: { ...process.env, PORT: String(port), TMPDIR: tmp } });
  child.stdout!.on('data', (chunk) => (output += chunk));
  child.stderr!.on('data', (chunk) => (output += chunk));
  const deadline = Date.now() + 30_000;
  while (!output.includes('Base URL') && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
});

afterAll(() => {
  child.kill('SIGTERM');
  rmSync(tmp, { recursive: true, force: true });
});

const api = (path: string, init: RequestInit = {}) =>
  fetch(`http://127.0.0.1:${port}/api/v1${path}`, {
    ...init,
    headers: { Authorization: 'Bearer pk_test_demo', 'Content-Type': 'application/json', ...init.headers },
  });

it('prints the base URL from PORT', () => {
  expect(output).toContain(`Base URL: http://127.0.0.1:${port}`);
});

it('answers GET /api/v1/chat/config with the example', async () => {
  const response = await api('/chat/config');
  expect(response.status).toBe(200);
  expect(((await response.json()) as { data: { business: { slug: string } } }).data.business.slug).toBe('northwind');
});

it('answers POST /api/v1/chat/sessions with the example', async () => {
  const response = await api('/chat/sessions', { method: 'POST', body: JSON.stringify({ visitor_id: 'v_1' }) });
  expect(response.status).toBe(200);
  expect(((await response.json()) as { data: { realtime: { channel: string } } }).data.realtime.channel).toBe('private-chat.session.904');
});

it('refuses a session start with no visitor_id', async () => {
  const response = await api('/chat/sessions', { method: 'POST', body: JSON.stringify({ name: 'Ada' }) });
  expect(response.status).toBe(422);
  expect(await response.json()).toMatchObject({ error: 'validation_failed' });
});

it('does not serve paths without the /api/v1 prefix', async () => {
  const response = await fetch(`http://127.0.0.1:${port}/chat/config`, { headers: { Authorization: 'Bearer pk_test_demo' } });
  expect(response.status).toBe(404);
});

it('says in one line that a busy port is busy, as the sandbox does', async () => {
  const second = spawn(process.execPath, [cli, '--port', String(port)], { env: { ...process.env, TMPDIR: tmp } });
  let stderr = '';
  second.stderr!.on('data', (chunk) => (stderr += chunk));
  const code = await new Promise((done) => second.once('close', done));
  expect(code).toBe(2);
  expect(stderr).toBe(`tickki-mock: port ${port} is in use; pick another with --port\n`);
});

it('leaves no tickki-mock-* folder in the temp directory once stopped (Ctrl+C or SIGTERM)', async () => {
  expect(readdirSync(tmp).filter((name) => name.startsWith('tickki-mock-'))).toHaveLength(1);
  const closed = new Promise((done) => child.once('close', done));
  child.kill('SIGTERM');
  await closed;
  expect(readdirSync(tmp).filter((name) => name.startsWith('tickki-mock-'))).toEqual([]);
});
