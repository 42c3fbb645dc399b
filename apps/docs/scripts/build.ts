#!/usr/bin/env node
/**
 * Builds the static site into `apps/docs/dist` (or `--out-dir`).
 *
 *   npm run docs:build                      # from the repository root
 *   npm run docs:build -- --base /docs/     # for a host that serves the site under /docs/
 *
 * The Scalar "try it" page's script and the OpenAPI document are copied into the site first, so
 * the built site loads nothing from outside.
 */
import { parseArgs } from 'node:util';
import { buildSite } from './site.ts';

const { values } = parseArgs({
  options: {
    base: { type: 'string' },
    'out-dir': { type: 'string' },
    help: { type: 'boolean', short: 'h' },
  },
});
if (values.help) {
  console.log('Usage: npm run docs:build [-- --base /path/] [--out-dir dir]');
  process.exit(0);
}
const { outDir, seconds } = await buildSite({ base: values.base, outDir: values['out-dir'] });
console.log(`Docs built in ${seconds.toFixed(1)} s → ${outDir}`);
