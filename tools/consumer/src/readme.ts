/**
 * Code samples read straight from the READMEs, so what `npm test` runs is what a reader pastes.
 * A sample to run is marked in the Markdown with `<!-- sample: name -->` on the line before its
 * fence; its expected output, if any, with `<!-- output: name -->`.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';

/** The repository root. */
export const ROOT = resolve(import.meta.dirname, '../../..');

/** The READMEs whose TypeScript samples must type-check, relative to the root. */
export const README_FILES = ['README.md', 'packages/api/README.md', 'packages/realtime/README.md', 'packages/chat/README.md', 'apps/sandbox/README.md'];

/** A fenced code block of a README. */
export interface Sample {
  /** `README.md:42` — where the block starts. */
  where: string;
  /** The fence's language (`ts`, `js`, `sh`, or empty). */
  lang: string;
  /** The name given by a `<!-- sample: … -->` or `<!-- output: … -->` marker, if any. */
  marker?: { kind: 'sample' | 'output'; name: string };
  code: string;
}

/** Every fenced code block of `file` (relative to the root). */
export function codeBlocks(file: string): Sample[] {
  const lines = readFileSync(resolve(ROOT, file), 'utf8').split('\n');
  const blocks: Sample[] = [];
  for (let i = 0; i < lines.length; i++) {
    const open = /^```(\w*)\s*$/.exec(lines[i]!);
    if (!open) continue;
    const start = i;
    const body: string[] = [];
    for (i++; i < lines.length && lines[i] !== '```'; i++) body.push(lines[i]!);
    const mark = /^<!-- (sample|output): ([\w-]+) -->$/.exec(lines[start - 1] ?? '');
    blocks.push({
      where: `${file}:${start + 1}`,
      lang: open[1]!,
      ...(mark ? { marker: { kind: mark[1] as 'sample' | 'output', name: mark[2]! } } : {}),
      code: `${body.join('\n')}\n`,
    });
  }
  return blocks;
}

/** The block marked `<!-- kind: name -->` in `file`; throws when the README lost it. */
export function marked(file: string, name: string, kind: 'sample' | 'output' = 'sample'): Sample {
  const found = codeBlocks(file).filter((b) => b.marker?.kind === kind && b.marker.name === name);
  if (found.length !== 1) throw new Error(`${file}: expected one block marked <!-- ${kind}: ${name} -->, found ${found.length}`);
  return found[0]!;
}

/** `code` with `from` replaced by `to`; throws when `from` is not in it (the sample changed). */
export function substitute(code: string, from: string, to: string): string {
  if (!code.includes(from)) throw new Error(`sample no longer contains ${JSON.stringify(from)}:\n${code}`);
  return code.split(from).join(to);
}
