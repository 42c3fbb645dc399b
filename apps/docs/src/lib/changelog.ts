/**
 * The changelog, from the release notes themselves: each package's `CHANGELOG.md` (written by
 * `changeset version` on release) and the changesets waiting in `.changeset/` (the next release).
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { repoRoot, sdkPackages } from './site-config.ts';

/** One pending change. */
export interface PendingChange {
  file: string;
  /** Package → bump (`major`, `minor`, `patch`). */
  packages: Record<string, string>;
  /** The note (Markdown). */
  note: string;
}

/** The changesets not released yet, newest file name order. */
export function pendingChanges(): PendingChange[] {
  const dir = join(repoRoot, '.changeset');
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((file) => file.endsWith('.md') && file !== 'README.md')
    .sort()
    .map((file) => {
      const text = readFileSync(join(dir, file), 'utf8');
      const match = /^---\r?\n([\s\S]*?)\r?\n---\r?\n([\s\S]*)$/.exec(text);
      return { file, packages: (match ? parse(match[1]!) : {}) ?? {}, note: (match ? match[2]! : text).trim() };
    });
}

/** Released notes: `[package name, CHANGELOG.md without its title]` for each documented package that has one. */
export function releasedChangelogs(): [name: string, markdown: string][] {
  return sdkPackages.flatMap((dir) => {
    const file = join(repoRoot, dir, 'CHANGELOG.md');
    if (!existsSync(file)) return [];
    const name = JSON.parse(readFileSync(join(repoRoot, dir, 'package.json'), 'utf8')).name as string;
    return [[name, readFileSync(file, 'utf8').replace(/^# .*\n/, '')] as [string, string]];
  });
}
