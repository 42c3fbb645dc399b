/**
 * On Node 20, from the tarballs: the sandbox's command, the READMEs' Node samples (ESM and
 * CommonJS), the pusher-js client, the curl walkthrough and the document exports.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { findNode20 } from '../src/node20.ts';
import { start, type Running } from '../src/process.ts';
import { marked, substitute } from '../src/readme.ts';
import { toCommonJs, toEsm } from '../src/transpile.ts';

const app = inject('app');
const packed = inject('packed');
const node20 = findNode20();
/** Node 20 first on PATH, so `npx` and `#!/usr/bin/env node` scripts run on it too. */
const env20 = { ...process.env, PATH: `${dirname(node20)}${delimiter}${process.env.PATH}` };
const README_ORIGIN = 'http://127.0.0.1:4010';

let sandbox: Running;
let origin: string;

beforeAll(async () => {
  // As the sandbox README says: `npm i -D @tickki/sandbox`, then `npx tickki-sandbox --port 0`.
  sandbox = start('npx', ['tickki-sandbox', '--port', '0', '--quiet'], { cwd: app, env: env20 });
  origin = (await sandbox.waitFor(/Base URL:\s+(http:\/\/127\.0\.0\.1:\d+)/))[1]!;
});
afterAll(() => sandbox?.stop());

/** Writes `code` into the app as `file` and runs it on Node 20. */
function run(file: string, code: string): Running {
  writeFileSync(join(app, file), code);
  return start(node20, [file], { cwd: app, env: env20 });
}

/** The README's expected output, line by line. */
const expectedOutput = (file: string, name: string) => marked(file, name, 'output').code.trimEnd().split('\n');

describe('@tickki/sandbox from its tarball', () => {
  it('npx tickki-sandbox --port 0 picks a free port, says which, and serves it (Node 20)', async () => {
    expect(origin).not.toBe(README_ORIGIN);
    expect(sandbox.output()).toMatch(/Latency:\s+none added\n\s+Faults:\s+none\n\s+Idempotency-Key:\s+honoured .*\n\s+Seed:\s+\d+/);
    const health = await fetch(`${origin}/_control/health`);
    expect(await health.json()).toEqual({ data: { ok: true } });
  });

  it('says in one line that a busy port is busy', async () => {
    const port = new URL(origin).port;
    const second = start(node20, ['node_modules/@tickki/sandbox/bin/tickki-sandbox.js', '--port', port], { cwd: app, env: env20 });
    expect(await second.exited()).toBe(2);
    expect(second.output()).toBe(`tickki-sandbox: port ${port} is in use; pick another with --port\n`);
  });

  it('runs with npx from the tarball alone in an empty folder, showing latency, faults and seed', async () => {
    const empty = mkdtempSync(join(tmpdir(), 'tickki-empty-'));
    const tarball = packed.find((p) => p.name === '@tickki/sandbox')!.tarball;
    const npx = start('npm', ['exec', '--yes', '--prefer-offline', `--package=${tarball}`, '--', 'tickki-sandbox', '--port', '0', '--latency', '20', '--seed', '7', '--faults', '{"http":{"error_rate":0.25}}'], { cwd: empty, env: env20 });
    try {
      const [, url] = await npx.waitFor(/Base URL:\s+(http:\/\/127\.0\.0\.1:\d+)/, 120_000);
      expect(npx.output()).toContain('Latency:        20 ms added to every API answer');
      expect(npx.output()).toMatch(/Faults:\s+error_rate=0\.25 /);
      expect(npx.output()).toContain('Seed:           7 ');
      expect(await (await fetch(`${url}/_control/health`)).json()).toEqual({ data: { ok: true } });
    } finally {
      await npx.stop();
      rmSync(empty, { recursive: true, force: true });
    }
  });
});

describe('the Node quickstart (README.md) on Node 20', () => {
  const sample = () => substitute(marked('README.md', 'node-quickstart').code, README_ORIGIN, origin);
  const snapshots = (stdout: string) => stdout.trimEnd().split('\n');

  it('ESM: chats with the sandbox, prints one snapshot per burst, and exits by itself', async () => {
    const quickstart = run('quickstart.mjs', toEsm(sample()));
    expect(await quickstart.exited(30_000)).toBe(0);
    expect(snapshots(quickstart.stdout())).toEqual(expectedOutput('README.md', 'node-quickstart'));
  });

  it('CommonJS: the same sample with require() does the same', async () => {
    const quickstart = run('quickstart.cjs', toCommonJs(sample()));
    expect(await quickstart.exited(30_000)).toBe(0);
    expect(snapshots(quickstart.stdout())).toEqual(expectedOutput('README.md', 'node-quickstart'));
  });
});

describe('the other README samples, as pasted, on Node 20', () => {
  it('realtime README: connects to the sandbox it names and reports state changes', async () => {
    const code = substitute(marked('packages/realtime/README.md', 'realtime-quickstart').code, README_ORIGIN, origin);
    const realtime = run('realtime.mjs', toEsm(code));
    try {
      await realtime.waitFor(/connecting → connected/, 30_000);
      expect(realtime.output()).not.toMatch(/TypeError|Cannot read/);
    } finally {
      await realtime.stop();
    }
  });

  it("sandbox README: the pusher-js client prints exactly what the README shows, then exits", async () => {
    const listen = run('listen.mjs', substitute(marked('apps/sandbox/README.md', 'listen').code, 'http://127.0.0.1:4010/api/v1', `${origin}/api/v1`));
    expect(await listen.exited(30_000)).toBe(0);
    const ids = (lines: string[]) => lines.map((l) => l.replace(/#\d+/, '#id'));
    expect(ids(listen.stdout().trimEnd().split('\n'))).toEqual(ids(expectedOutput('apps/sandbox/README.md', 'listen')));
  });

  it('README.md: the curl walkthrough runs as pasted and ends with the echo', async () => {
    const walkthrough = start('bash', ['-eu', '-c', substitute(marked('README.md', 'curl-walkthrough').code, README_ORIGIN, origin)], { cwd: app, env: env20 });
    expect(await walkthrough.exited(30_000)).toBe(0);
    const last = walkthrough.stdout().trimEnd().split('\n').at(-1)!;
    const page = JSON.parse(last) as { data: { content: string }[] };
    expect(page.data.slice(0, 2).map((m) => m.content)).toEqual(['Echo: Hello', 'Hello']); // newest first; v_demo may have older messages
  });
});

describe('@tickki/chat-api ships the document', () => {
  it('as @tickki/chat-api/openapi.json and /openapi.yaml, from ESM and CommonJS (Node 20)', async () => {
    const esm = run(
      'document.mjs',
      `import doc from '@tickki/chat-api/openapi.json' with { type: 'json' };
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
const yaml = readFileSync(fileURLToPath(import.meta.resolve('@tickki/chat-api/openapi.yaml')), 'utf8');
console.log(doc.openapi, doc.info.title, yaml.startsWith('openapi: '));
`,
    );
    expect(await esm.exited()).toBe(0);
    const cjs = run(
      'document.cjs',
      `const doc = require('@tickki/chat-api/openapi.json');
const yaml = require('node:fs').readFileSync(require.resolve('@tickki/chat-api/openapi.yaml'), 'utf8');
console.log(doc.openapi, doc.info.title, yaml.startsWith('openapi: '));
`,
    );
    expect(await cjs.exited()).toBe(0);
    expect(esm.stdout()).toMatch(/^3\.1\.\d+ .*Tickki.* true\n$/);
    expect(cjs.stdout()).toBe(esm.stdout());
  });
});
