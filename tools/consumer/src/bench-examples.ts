/**
 * `npm run bench` (this workspace's part): what our packages add to each example app's build, in
 * gzip bytes, with and without them, same bundler, same run (src/example-bytes.ts). Installs the
 * examples from fresh tarballs with `--prefer-offline`: once `npm test` has run here, npm's cache
 * holds every package they need and nothing is fetched. The last line is a JSON summary that
 * tools/bench.mjs reads.
 */
import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { measureExample, type AddedBytes } from './example-bytes.ts';
import { EXAMPLES } from './examples.ts';
import { pack, publishablePackages } from './project.ts';

const kb = (bytes: number) => `${(bytes / 1024).toFixed(2)} KB`;
const work = mkdtempSync(join(tmpdir(), 'tickki-bench-examples-'));
const results: (AddedBytes | { example: string; error: string })[] = [];
try {
  const packed = pack(publishablePackages(), join(work, 'tarballs'));
  const names = readdirSync(EXAMPLES).filter((name) => existsSync(join(EXAMPLES, name, 'package.json'))).sort();
  console.log(`What our packages add to each example's build (gzip -9 of the emitted JS; the same build with our packages stubbed out, same run):`);
  for (const name of names) {
    try {
      const r = await measureExample(name, packed);
      results.push(r);
      const first = r.firstLoad === undefined ? '' : `; ${kb(r.firstLoad)} of it on first load`;
      console.log(`  examples/${name}: +${kb(r.with - r.without)} (${kb(r.with)} with, ${kb(r.without)} without${first}) — ${r.measures}`);
    } catch (err) {
      const error = String((err as Error).message ?? err).split('\n').slice(0, 12).join('\n');
      results.push({ example: name, error });
      console.log(`  examples/${name}: not measured: ${error}`);
    }
  }
} finally {
  rmSync(work, { recursive: true, force: true });
}
console.log(JSON.stringify({ bench: 'examples', results }));
