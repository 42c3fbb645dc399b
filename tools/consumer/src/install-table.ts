/**
 * The root README's table of what to install for each package (the table after the
 * `<!-- install-table -->` marker): the tarballs to install together now, the registry command for
 * later, and the peers.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { ROOT } from './readme.ts';

/** One row of the table. */
export interface InstallRow {
  /** `README.md:64`. */
  where: string;
  name: string;
  /** The tarballs' file names, in the order given. */
  tarballs: string[];
  /** The registry cell as written. */
  registry: string;
  peers: { name: string; optional: boolean }[];
}

const MARKER = '<!-- install-table -->';

/** The rows of the table in `file` (relative to the root); throws when the marker or the table is missing. */
export function installTable(file = 'README.md'): InstallRow[] {
  const lines = readFileSync(resolve(ROOT, file), 'utf8').split('\n');
  const at = lines.indexOf(MARKER);
  if (at < 0) throw new Error(`${file}: no ${MARKER} marker`);
  if (!lines[at + 1]?.startsWith('| package |') || !/^\|( --- \|)+$/.test(lines[at + 2] ?? '')) throw new Error(`${file}:${at + 2}: the marker is not followed by the table`);
  const rows: InstallRow[] = [];
  for (let i = at + 3; lines[i]?.startsWith('|'); i++) {
    const cells = lines[i]!.split('|').slice(1, -1).map((c) => c.trim());
    if (cells.length !== 4) throw new Error(`${file}:${i + 1}: ${cells.length} cells, not 4`);
    const [name, tarballs, registry, peers] = cells as [string, string, string, string];
    rows.push({
      where: `${file}:${i + 1}`,
      name: name.replace(/^`|`$/g, ''),
      tarballs: [...tarballs.matchAll(/`([^`]+\.tgz)`/g)].map((m) => m[1]!),
      registry,
      peers: peers === '—' ? [] : [...peers.matchAll(/`([^`]+)`( \(optional\))?/g)].map((m) => ({ name: m[1]!, optional: !!m[2] })),
    });
  }
  return rows;
}
