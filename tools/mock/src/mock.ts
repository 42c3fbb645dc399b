/**
 * Runs the Prism mock on the canonical document so that it answers the production paths.
 *
 * Prism serves a document's paths without the `servers` URL's path, so `/chat/config` would be
 * answered at `/chat/config`, not `/api/v1/chat/config`. We give Prism a view of the canonical
 * document whose paths carry the fixed `/api/v1` prefix; nothing else is changed. One base-URL
 * switch then moves an app between the mock, the sandbox and production.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse, stringify } from 'yaml';

const here = dirname(fileURLToPath(import.meta.url));

/** The canonical OpenAPI document. */
export const DOCUMENT_PATH = resolve(here, '../../../openapi/tickki-chat-api.yaml');

/** The API prefix of the production server URL. */
export const API_PREFIX = '/api/v1';

interface OpenApiDocument {
  servers?: Array<{ url: string; description?: string }>;
  paths: Record<string, unknown>;
  [key: string]: unknown;
}

/** Returns the canonical document with every path under the `/api/v1` prefix and one loopback server. */
export function prefixedDocument(source = readFileSync(DOCUMENT_PATH, 'utf8'), origin = 'http://127.0.0.1:4010'): OpenApiDocument {
  const document = parse(source) as OpenApiDocument;
  const paths: Record<string, unknown> = {};
  for (const [path, item] of Object.entries(document.paths)) paths[API_PREFIX + path] = item;
  return { ...document, servers: [{ url: origin, description: 'Prism mock' }], paths };
}

/** Asks the OS for a free loopback port. */
export async function freePort(): Promise<number> {
  return new Promise((done, fail) => {
    const server = createServer();
    server.unref();
    server.on('error', fail);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? done(address.port) : fail(new Error('no port'))));
    });
  });
}

/** Options of {@link startMock}. */
export interface MockOptions {
  /** Port to listen on; a free one when omitted. */
  port?: number;
  /** Host to listen on. Defaults to loopback. */
  host?: string;
  /** Mode: `mock` answers from the document's examples, `proxy` validates traffic to `upstream`. */
  mode?: 'mock' | 'proxy';
  /** With `mode: 'proxy'`: the origin to forward to (its paths must include `/api/v1`). */
  upstream?: string;
  /** Forward Prism's output to this process's stdout/stderr. */
  verbose?: boolean;
  /** How long to wait for Prism to listen. */
  startTimeoutMs?: number;
}

/** A running Prism process. */
export interface RunningMock {
  /** Origin to give an SDK as its `baseUrl`, e.g. `http://127.0.0.1:4010`. */
  origin: string;
  /** The same origin with the `/api/v1` prefix: where the paths are answered. */
  baseUrl: string;
  port: number;
  process: ChildProcess;
  /** Everything Prism printed (useful in test failures). */
  output(): string;
  stop(): Promise<void>;
}

const prismBin = (): string => join(dirname(createRequire(import.meta.url).resolve('@stoplight/prism-cli/package.json')), 'dist/index.js');

/** Starts Prism (`mock` or validating `proxy`) on the prefixed view of the canonical document. */
export async function startMock(options: MockOptions = {}): Promise<RunningMock> {
  const host = options.host ?? '127.0.0.1';
  const port = options.port ?? (await freePort());
  const origin = `http://${host}:${port}`;
  const dir = mkdtempSync(join(tmpdir(), 'tickki-mock-'));
  const documentPath = join(dir, 'tickki-chat-api.prism.yaml');
  writeFileSync(documentPath, stringify(prefixedDocument(undefined, origin)));

  const mode = options.mode ?? 'mock';
  const args = [prismBin(), mode, documentPath];
  if (mode === 'proxy') {
    if (!options.upstream) throw new Error('proxy mode needs an upstream origin');
    args.push(options.upstream, '--errors');
  }
  args.push('--host', host, '--port', String(port));
  const child = spawn(process.execPath, args, { stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, SCARF_ANALYTICS: 'false', DO_NOT_TRACK: '1' } });

  let output = '';
  const onData = (chunk: Buffer) => {
    output += chunk.toString();
    if (options.verbose) process.stdout.write(chunk);
  };
  child.stdout?.on('data', onData);
  child.stderr?.on('data', onData);

  // Prism re-reads the document whenever its watcher sees a change, and exits if it cannot (a
  // deleted file included), so the folder lives as long as Prism and is removed by stop() or, at
  // the latest, when this process exits, however it ends.
  const removeDir = () => rmSync(dir, { recursive: true, force: true });
  process.once('exit', removeDir);
  const exited = new Promise<void>((done) => child.once('exit', () => done()));
  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) {
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 3000);
      await exited;
      clearTimeout(timer);
    }
    removeDir();
    process.off('exit', removeDir);
  };

  const deadline = Date.now() + (options.startTimeoutMs ?? 30_000);
  while (!/Prism is listening/.test(output)) {
    if (child.exitCode !== null) {
      await stop();
      throw new Error(`Prism exited with code ${child.exitCode}:\n${output}`);
    }
    if (Date.now() > deadline) {
      await stop();
      throw new Error(`Prism did not start within ${options.startTimeoutMs ?? 30_000} ms:\n${output}`);
    }
    await new Promise((r) => setTimeout(r, 50));
  }
  return { origin, baseUrl: origin + API_PREFIX, port, process: child, output: () => output, stop };
}
