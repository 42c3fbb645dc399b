#!/usr/bin/env node
/**
 * Builds the site and serves it on 127.0.0.1.
 *
 *   npm run docs                       # http://127.0.0.1:4321/
 *   npm run docs -- --port 5000        # or PORT=5000 npm run docs
 *   npm run docs -- --no-build         # serve what `npm run docs:build` left in apps/docs/dist
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { buildSite, docsRoot, serveSite } from './site.ts';

const { values } = parseArgs({
  options: {
    port: { type: 'string', short: 'p' },
    host: { type: 'string' },
    'no-build': { type: 'boolean' },
    help: { type: 'boolean', short: 'h' },
  },
});
if (values.help) {
  console.log('Usage: npm run docs [-- --port 4321] [--host 127.0.0.1] [--no-build]');
  process.exit(0);
}
const port = Number(values.port ?? process.env.PORT ?? 4321);
if (!Number.isInteger(port) || port < 0 || port > 65535) {
  console.error(`--port must be a port number, not ${values.port}`);
  process.exit(2);
}
const dir = join(docsRoot, 'dist');
if (!values['no-build']) {
  const { seconds } = await buildSite({ verbose: false });
  console.log(`Built in ${seconds.toFixed(1)} s.`);
} else if (!existsSync(join(dir, 'index.html'))) {
  console.error('Nothing built yet: run `npm run docs:build` first, or drop --no-build.');
  process.exit(1);
}
const site = await serveSite(dir, { port, host: values.host ?? '127.0.0.1' });
console.log(`\nTickki docs are served at ${site.url}\n  Try it (with \`npm start\` running): ${site.url}try-it/\n\nPress Ctrl+C to stop.`);
const stop = () => void site.close().then(() => process.exit(0));
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
