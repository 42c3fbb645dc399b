/**
 * One version for every published package, and `@tickki/*` ranges that still resolve after a
 * release: on a throwaway copy of the manifests, `changeset version` releases the pending changesets,
 * then one more patch; after each, every internal range must hold the new versions, and npm must
 * resolve the whole workspace from the new manifests and lockfile with every `@tickki/*` package
 * linked to its workspace (a range that missed would send npm to the registry: a 404 today, someone
 * else's package tomorrow).
 */
import { execFileSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, unlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import semver from 'semver';
import { afterAll, describe, expect, it } from 'vitest';
import { ROOT } from '../src/readme.ts';
import { manifests, unresolvedRanges, type Manifest } from '../src/versions.ts';

const published = (all: Manifest[]) => all.filter((m) => !m.private);
const versionsOf = (all: Manifest[]) => [...new Set(published(all).map((m) => m.version))];

describe('versions of the published packages', () => {
  const copy = mkdtempSync(join(tmpdir(), 'tickki-versions-'));
  afterAll(() => rmSync(copy, { recursive: true, force: true }));

  /** `changeset version` in the copy (the changelog generator is the repository's). */
  const version = () => {
    symlinkSync(join(ROOT, 'node_modules'), join(copy, 'node_modules'), 'dir');
    try {
      execFileSync(process.execPath, [join(ROOT, 'node_modules/@changesets/cli/bin.js'), 'version'], { cwd: copy, stdio: 'pipe', env: { ...process.env, CI: 'true' } });
    } catch (err) {
      throw new Error(`changeset version failed:\n${String((err as { stdout?: Buffer }).stdout)}\n${String((err as { stderr?: Buffer }).stderr)}`);
    } finally {
      unlinkSync(join(copy, 'node_modules')); // npm below must never touch the repository's node_modules
    }
    return manifests(copy);
  };

  it('are one version today, and every @tickki/* range in the repository holds it', () => {
    const all = manifests(ROOT);
    expect(published(all).map((m) => m.name)).toEqual(expect.arrayContaining(['@tickki/chat-api', '@tickki/chat-realtime', '@tickki/chat', '@tickki/chat-ui', '@tickki/chat-react', '@tickki/chat-widget', '@tickki/chat-react-native', '@tickki/sandbox']));
    expect(versionsOf(all)).toHaveLength(1);
    expect(unresolvedRanges(all)).toEqual([]);
  });

  it('stay one version, with ranges that hold, through the pending release and the patch after it; npm resolves the result to the workspaces', () => {
    cpSync(join(ROOT, 'package.json'), join(copy, 'package.json'));
    cpSync(join(ROOT, 'package-lock.json'), join(copy, 'package-lock.json'));
    cpSync(join(ROOT, '.changeset'), join(copy, '.changeset'), { recursive: true });
    for (const m of manifests(ROOT)) {
      mkdirSync(join(copy, m.dir), { recursive: true });
      cpSync(join(ROOT, m.dir, 'package.json'), join(copy, m.dir, 'package.json'));
    }
    const [today] = versionsOf(manifests(ROOT));

    const released = version();
    expect(versionsOf(released)).toHaveLength(1);
    const [first] = versionsOf(released);
    expect(semver.gt(first!, today!), `the release ${first} is above ${today}`).toBe(true);
    expect(unresolvedRanges(released)).toEqual([]);

    // the next release: a patch of one package moves every published package (one fixed group)
    writeFileSync(join(copy, '.changeset', 'next-patch.md'), "---\n'@tickki/chat-api': patch\n---\n\nA patch after the first release.\n");
    const patched = version();
    expect(versionsOf(patched)).toEqual([semver.inc(first!, 'patch')]);
    expect(unresolvedRanges(patched)).toEqual([]);

    // npm resolves the versioned workspace: every @tickki/* dependency is its workspace, none from the registry
    try {
      execFileSync('npm', ['install', '--package-lock-only', '--prefer-offline', '--ignore-scripts', '--no-audit', '--no-fund', '--loglevel=error'], {
        cwd: copy,
        stdio: 'pipe',
        env: { ...process.env, npm_config_workspaces: undefined, npm_config_workspace: undefined } as NodeJS.ProcessEnv,
      });
    } catch (err) {
      throw new Error(`npm could not resolve the versioned workspace:\n${String((err as { stderr?: Buffer }).stderr)}`);
    }
    const lock = JSON.parse(readFileSync(join(copy, 'package-lock.json'), 'utf8')) as { packages: Record<string, { version?: string; link?: boolean; resolved?: string }> };
    const fromRegistry = Object.entries(lock.packages).filter(([path, entry]) => /(^|\/)node_modules\/@tickki\//.test(path) && !entry.link);
    expect(fromRegistry.map(([path, entry]) => `${path} ${entry.version ?? ''} ${entry.resolved ?? ''}`)).toEqual([]);
    for (const m of published(patched)) expect(lock.packages[m.dir]?.version, m.name).toBe(m.version);
  });
});
