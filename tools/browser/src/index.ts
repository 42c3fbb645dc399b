/**
 * Browser test helpers. Drives Debian's Chromium (never a downloaded browser) with playwright-core,
 * bundles test entries for the browser with rolldown (so package.json `browser` fields are honoured,
 * as an app's bundler would), and serves pages from loopback.
 */
import { createServer, type Server } from 'node:http';
import { existsSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { chromium, type Browser } from 'playwright-core';
import { rolldown } from 'rolldown';

/** Where Chromium is: `$CHROMIUM_PATH`, else Debian's `/usr/bin/chromium`. */
export const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** True when Chromium is installed (`apt-get install chromium`; `.ci/run` does it). */
export const hasChromium = existsSync(chromiumPath);

/** Launches headless Chromium with the flags this sandboxed, offline machine needs. */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: chromiumPath,
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--no-first-run', '--disable-component-update', '--disable-sync', '--disable-quic'],
  });
}

/**
 * Bundles `entry` (a file path) into one browser ES module, resolving `browser` fields; `alias`
 * maps module names to files, as an app's bundler config may.
 */
export async function bundleForBrowser(entry: string, alias?: Record<string, string>): Promise<string> {
  const build = await rolldown({ input: entry, platform: 'browser', logLevel: 'silent', ...(alias ? { resolve: { alias } } : {}) });
  try {
    const { output } = await build.generate({ format: 'esm', codeSplitting: false }); // one file: what `import()` loads is inlined
    return output[0].code;
  } finally {
    await build.close();
  }
}

/** A page server on loopback. */
export interface StaticServer {
  origin: string;
  close(): Promise<void>;
}

/** Serves fixed files (path → [content type, body]) on a free loopback port. */
export async function serveStatic(files: Record<string, [type: string, body: string]>): Promise<StaticServer> {
  const server: Server = createServer((request, response) => {
    const file = files[new URL(request.url ?? '/', 'http://x').pathname];
    if (!file) {
      response.writeHead(404).end();
      return;
    }
    response.writeHead(200, { 'content-type': file[0], 'cache-control': 'no-store' }).end(file[1]);
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    close: () => new Promise((done) => server.close(() => done())),
  };
}
