/**
 * The consumer project: every publishable package packed with `npm pack` and installed from its
 * tarball into a fresh project in the temp directory, outside the repository, so nothing of the
 * monorepo (hoisted packages, workspace links, its node_modules) can be resolved by accident.
 * Third-party dependencies come from the npm registry, as they would for a user.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from './readme.ts';

/** One packed package. */
export interface Packed {
  name: string;
  version: string;
  /** The package's folder in the repository, relative to the root. */
  dir: string;
  /** Absolute path of the tarball. */
  tarball: string;
  /** Tarball size and unpacked size, in bytes. */
  size: number;
  unpackedSize: number;
  files: { path: string; size: number }[];
}

interface PackageJson {
  name: string;
  version: string;
  private?: boolean;
  devDependencies?: Record<string, string>;
}

const readJson = <T>(file: string): T => JSON.parse(readFileSync(file, 'utf8')) as T;

/** The workspace folders (relative to the root) of every package that is not private. */
export function publishablePackages(): string[] {
  const dirs: string[] = [];
  for (const group of ['packages', 'apps']) {
    for (const name of readdirSync(join(ROOT, group)).sort()) {
      const file = join(ROOT, group, name, 'package.json');
      if (existsSync(file) && !readJson<PackageJson>(file).private) dirs.push(`${group}/${name}`);
    }
  }
  return dirs;
}

/** `npm pack`s each of `dirs` into `destination`. */
export function pack(dirs: string[], destination: string): Packed[] {
  mkdirSync(destination, { recursive: true });
  return dirs.map((dir) => {
    const json = execFileSync('npm', ['pack', '--json', '--pack-destination', destination], { cwd: join(ROOT, dir), encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
    const [info] = JSON.parse(json) as [{ name: string; version: string; filename: string; size: number; unpackedSize: number; files: { path: string; size: number }[] }];
    return { name: info.name, version: info.version, dir, tarball: join(destination, info.filename), size: info.size, unpackedSize: info.unpackedSize, files: info.files };
  });
}

/** The version of a tool installed in the repository (so the consumer's install hits npm's cache). */
function toolVersion(name: string): string {
  return readJson<PackageJson>(join(ROOT, 'node_modules', name, 'package.json')).version;
}

/** Writes a fresh app in `dir` that depends on the tarballs, and installs it. */
export function createConsumer(dir: string, packed: Packed[]): void {
  mkdirSync(dir, { recursive: true });
  const tarball = (p: Packed) => `file:${p.tarball}`;
  const manifest = {
    name: 'tickki-consumer',
    version: '1.0.0',
    private: true,
    type: 'module',
    dependencies: {
      ...Object.fromEntries(packed.filter((p) => p.name !== '@tickki/sandbox').map((p) => [p.name, tarball(p)])),
      'pusher-js': `^${toolVersion('pusher-js')}`,
    },
    devDependencies: {
      ...Object.fromEntries(packed.filter((p) => p.name === '@tickki/sandbox').map((p) => [p.name, tarball(p)])),
      '@types/node': `^${toolVersion('@types/node')}`,
      vitest: `^${toolVersion('vitest')}`,
      vite: `^${toolVersion('vite')}`, // vitest's peer dependency (peers are not installed by themselves here)
    },
  };
  writeFileSync(join(dir, 'package.json'), `${JSON.stringify(manifest, null, 2)}\n`);
  // Peer dependencies are not installed (`--legacy-peer-deps`): UI packages' peers (React, React
  // Native) are the app's choice, and none of the samples checked here needs them.
  execFileSync('npm', ['install', '--no-audit', '--no-fund', '--prefer-offline', '--legacy-peer-deps', '--loglevel=error'], {
    cwd: dir,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, npm_config_workspaces: undefined, npm_config_workspace: undefined } as NodeJS.ProcessEnv,
  });
}
