/**
 * Finds a Node 20 binary. `npm run …` puts the `node` dev dependency (Node 24) first on PATH, but the
 * published packages promise Node 20: their samples must run on the machine's own Node 20.
 */
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { delimiter, join } from 'node:path';

/** The first `node` on PATH (or in the usual system places) whose major version is 20. */
export function findNode20(): string {
  const dirs = [...(process.env.PATH ?? '').split(delimiter), '/usr/local/bin', '/usr/bin', '/bin'];
  const seen = new Set<string>();
  for (const dir of dirs) {
    const bin = join(dir, 'node');
    if (!dir || seen.has(bin) || !existsSync(bin)) continue;
    seen.add(bin);
    try {
      const version = execFileSync(bin, ['--version'], { encoding: 'utf8' }).trim();
      if (version.startsWith('v20.')) return bin;
    } catch {
      // not runnable: try the next one
    }
  }
  throw new Error(`no Node 20 found on PATH or in /usr/local/bin, /usr/bin (tried ${[...seen].join(', ')})`);
}
