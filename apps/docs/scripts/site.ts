/**
 * Building and serving the site, shared by the `docs`/`docs:build` scripts and the tests.
 */
import { spawn } from 'node:child_process';
import { createReadStream, existsSync, statSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { createRequire } from 'node:module';
import type { AddressInfo } from 'node:net';
import { dirname, extname, join, normalize, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

/** `apps/docs`. */
export const docsRoot = fileURLToPath(new URL('..', import.meta.url));

/** Options of {@link buildSite}. */
export interface BuildOptions {
  /** Base path the site is served under (`/docs/`); default `/`. */
  base?: string | undefined;
  /** Output folder; default `apps/docs/dist`. */
  outDir?: string | undefined;
  /** Another OpenAPI document to build from (tests). */
  openapi?: string | undefined;
  /** Leave the SDK reference out (faster; tests of the API reference). */
  sdkReference?: boolean | undefined;
  /** Print Astro's output. Default true. */
  verbose?: boolean | undefined;
}

/** Runs `astro build`; resolves with the output folder and the seconds it took. */
export async function buildSite(options: BuildOptions = {}): Promise<{ outDir: string; seconds: number }> {
  const outDir = resolve(options.outDir ?? join(docsRoot, 'dist'));
  const base = options.base ? `/${options.base.replace(/^\/+|\/+$/g, '')}/`.replace('//', '/') : '/';
  const astro = join(dirname(createRequire(import.meta.url).resolve('astro/package.json')), 'bin/astro.mjs');
  const started = performance.now();
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    ASTRO_TELEMETRY_DISABLED: '1',
    DO_NOT_TRACK: '1',
    DOCS_BASE: base,
    DOCS_OUT_DIR: outDir,
  };
  // Run from a test, the environment carries vitest's (and Vite's) own variables, which Astro's
  // Vite would take for this build's (`BASE_URL` among them).
  for (const name of ['BASE_URL', 'MODE', 'DEV', 'PROD', 'SSR', 'NODE_ENV', 'VITEST', 'VITEST_MODE', 'VITEST_POOL_ID', 'VITEST_WORKER_ID', 'TEST']) delete env[name];
  if (options.openapi) env.DOCS_OPENAPI = resolve(options.openapi);
  if (options.sdkReference === false) env.DOCS_SDK = '0';
  const output: Buffer[] = [];
  const code = await new Promise<number | null>((done, fail) => {
    const child = spawn(process.execPath, [astro, 'build', '--silent'], {
      cwd: docsRoot,
      env,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    for (const stream of [child.stdout, child.stderr]) {
      stream.on('data', (chunk: Buffer) => {
        output.push(chunk);
        if (options.verbose !== false) process.stderr.write(chunk);
      });
    }
    child.on('error', fail);
    child.on('exit', done);
  });
  if (code !== 0) throw new Error(`astro build failed (exit ${code}):\n${Buffer.concat(output).toString()}`);
  return { outDir, seconds: (performance.now() - started) / 1000 };
}

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.yaml': 'application/yaml; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.webp': 'image/webp',
  '.woff2': 'font/woff2',
  '.txt': 'text/plain; charset=utf-8',
  '.xml': 'application/xml',
  '.wasm': 'application/wasm',
  '.pf_meta': 'application/octet-stream',
  '.pf_index': 'application/octet-stream',
  '.pf_fragment': 'application/octet-stream',
  '.pagefind': 'application/octet-stream',
};

/** A running static server. */
export interface SiteServer {
  /** `http://127.0.0.1:{port}{base}`. */
  url: string;
  origin: string;
  port: number;
  close(): Promise<void>;
}

/**
 * Serves a built site from `dir` on loopback, under `base`, as a static host would: `/x/` serves
 * `x/index.html`, unknown paths get `404.html` with status 404.
 */
export async function serveSite(dir: string, { port = 0, host = '127.0.0.1', base = '/' } = {}): Promise<SiteServer> {
  const root = resolve(dir);
  const prefix = base.endsWith('/') ? base : `${base}/`;
  const server: Server = createServer((request, response) => {
    const pathname = decodeURIComponent(new URL(request.url ?? '/', 'http://x').pathname);
    const send = (file: string, status = 200) => {
      response.writeHead(status, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' });
      createReadStream(file).pipe(response);
    };
    const notFound = () => {
      const page = join(root, '404.html');
      if (existsSync(page)) send(page, 404);
      else response.writeHead(404).end('Not found');
    };
    if (!pathname.startsWith(prefix)) {
      if (`${pathname}/` === prefix) return void response.writeHead(301, { location: prefix }).end();
      return notFound();
    }
    let file = normalize(join(root, pathname.slice(prefix.length)));
    if (file !== root && !file.startsWith(root + sep)) return notFound();
    if (existsSync(file) && statSync(file).isDirectory()) {
      if (!pathname.endsWith('/')) return void response.writeHead(301, { location: `${pathname}/` }).end();
      file = join(file, 'index.html');
    }
    if (!existsSync(file)) return notFound();
    send(file);
  });
  await new Promise<void>((done, fail) => {
    server.once('error', fail);
    server.listen(port, host, done);
  });
  const actual = (server.address() as AddressInfo).port;
  const origin = `http://${host}:${actual}`;
  return {
    url: `${origin}${prefix}`,
    origin,
    port: actual,
    close: () =>
      new Promise((done) => {
        server.closeAllConnections();
        server.close(() => done());
      }),
  };
}
