/**
 * Scalar's standalone API reference script, copied into the site at build time (it is not in the
 * package's exports, so it is read from the installed package), so the "try it" page loads
 * nothing from outside.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { APIRoute } from 'astro';

/** The installed package's folder (its `package.json` is not exported either). */
function packageRoot(name: string): string {
  let dir = dirname(createRequire(join(process.cwd(), 'package.json')).resolve(name));
  while (!existsSync(join(dir, 'package.json')) || !dir.endsWith(name)) dir = dirname(dir);
  return dir;
}

export const GET: APIRoute = () =>
  new Response(readFileSync(join(packageRoot('@scalar/api-reference'), 'dist/browser/standalone.js')), {
    headers: { 'content-type': 'text/javascript; charset=utf-8' },
  });
