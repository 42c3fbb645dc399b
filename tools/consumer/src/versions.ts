/**
 * The workspace's manifests as `changeset version` sees them: what each workspace is called, its
 * version, and the ranges it asks of the other `@tickki/*` workspaces.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import semver from 'semver';

/** One workspace's manifest, as far as versions go. */
export interface Manifest {
  dir: string;
  name: string;
  version: string;
  private: boolean;
  /** Every `@tickki/*` range it asks for: `[field, dependency, range]`. */
  internal: [field: string, dependency: string, range: string][];
}

const FIELDS = ['dependencies', 'devDependencies', 'peerDependencies', 'optionalDependencies'] as const;

/** The manifests of every workspace under `root` (`packages/*`, `apps/*`, `tools/*`). */
export function manifests(root: string): Manifest[] {
  const out: Manifest[] = [];
  for (const group of ['packages', 'apps', 'tools']) {
    for (const name of readdirSync(join(root, group)).sort()) {
      const file = join(root, group, name, 'package.json');
      if (!existsSync(file)) continue;
      const json = JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown> & { name: string; version: string; private?: boolean };
      const internal = FIELDS.flatMap((field) =>
        Object.entries((json[field] ?? {}) as Record<string, string>)
          .filter(([dependency]) => dependency.startsWith('@tickki/'))
          .map(([dependency, range]) => [field, dependency, range] as [string, string, string]),
      );
      out.push({ dir: `${group}/${name}`, name: json.name, version: json.version, private: !!json.private, internal });
    }
  }
  return out;
}

/** Every internal range that the workspace's own version of the dependency does not satisfy, as readable lines. */
export function unresolvedRanges(all: Manifest[]): string[] {
  const versions = new Map(all.map((m) => [m.name, m.version]));
  return all.flatMap((m) =>
    m.internal
      .filter(([, dependency, range]) => !semver.satisfies(versions.get(dependency) ?? '0.0.0-missing', range))
      .map(([field, dependency, range]) => `${m.name} ${field} ${dependency}@${range}, but the workspace has ${versions.get(dependency) ?? 'no such package'}`),
  );
}
