/** What each tarball holds, how big it is, and the release notes `changeset version` writes. */
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { ROOT } from '../src/readme.ts';

const packed = inject('packed');
const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;

describe('tarballs', () => {
  it('holds every publishable package, each with its README and a build', () => {
    expect(packed.map((p) => p.name)).toEqual(expect.arrayContaining(['@tickki/chat-api', '@tickki/chat-realtime', '@tickki/chat', '@tickki/sandbox']));
    for (const p of packed) {
      const paths = p.files.map((f) => f.path);
      expect(paths, p.name).toContain('README.md');
      expect(paths.some((f) => f.startsWith('dist/')), `${p.name} ships no dist/ (not built?)`).toBe(true);
    }
  });

  it('ships only what a user needs: the build, its README, package.json (no sources, tests, maps or configs)', () => {
    const needed = (path: string) => path === 'package.json' || path === 'README.md' || path === 'CHANGELOG.md' || /^LICENSE/.test(path) || /^(dist|bin)\//.test(path);
    const never = /\.test\.|\.map$|(^|\/)(src|test|bench)\//;
    for (const p of packed) {
      const extra = p.files.map((f) => f.path).filter((f) => !needed(f) || never.test(f));
      expect(extra, p.name).toEqual([]);
    }
  });

  it("links every command on a fresh clone's install: bin targets are committed files, not build output", () => {
    for (const p of packed) {
      const manifest = JSON.parse(readFileSync(join(ROOT, p.dir, 'package.json'), 'utf8')) as { bin?: Record<string, string> };
      for (const target of Object.values(manifest.bin ?? {})) {
        const path = join(p.dir, target);
        expect(execFileSync('git', ['ls-files', '--', path], { cwd: ROOT, encoding: 'utf8' }).trim(), `${p.name}: ${target} is not committed`).toBe(path);
        expect(p.files.map((f) => f.path)).toContain(target.replace(/^\.\//, ''));
      }
    }
  });

  it('prints the packed sizes', () => {
    const rows = packed.map((p) => `  ${p.name.padEnd(24)} ${kb(p.size).padStart(9)} packed ${kb(p.unpackedSize).padStart(9)} unpacked  ${String(p.files.length).padStart(3)} files`);
    console.log(`Packed sizes (npm pack):\n${rows.join('\n')}`);
    for (const p of packed) expect(p.size).toBeGreaterThan(0);
  });

  it('@tickki/chat-api ships the canonical document byte for byte', () => {
    const api = packed.find((p) => p.name === '@tickki/chat-api')!;
    const yaml = api.files.find((f) => f.path === 'dist/openapi.yaml');
    expect(yaml?.size).toBe(readFileSync(join(ROOT, 'openapi/tickki-chat-api.yaml')).length);
    expect(api.files.map((f) => f.path)).toContain('dist/openapi.json');
  });
});

describe('changeset version (on a throwaway copy of the repository)', () => {
  const copy = mkdtempSync(join(tmpdir(), 'tickki-changesets-'));
  afterAll(() => rmSync(copy, { recursive: true, force: true }));

  it('writes a CHANGELOG per package that reads as release notes', () => {
    // What `changeset version` reads and writes: the manifests and the changesets.
    for (const file of ['package.json', 'package-lock.json']) cpSync(join(ROOT, file), join(copy, file)); // the lockfile tells npm workspaces
    cpSync(join(ROOT, '.changeset'), join(copy, '.changeset'), { recursive: true });
    for (const group of ['packages', 'apps', 'tools']) {
      for (const name of readdirSync(join(ROOT, group))) {
        if (!existsSync(join(ROOT, group, name, 'package.json'))) continue;
        mkdirSync(join(copy, group, name), { recursive: true });
        cpSync(join(ROOT, group, name, 'package.json'), join(copy, group, name, 'package.json'));
      }
    }
    symlinkSync(join(ROOT, 'node_modules'), join(copy, 'node_modules'), 'dir'); // the changelog generator
    const pending = readdirSync(join(copy, '.changeset')).filter((f) => f.endsWith('.md') && f !== 'README.md');
    expect(pending.length).toBeGreaterThan(0);
    try {
      execFileSync(process.execPath, [join(ROOT, 'node_modules/@changesets/cli/bin.js'), 'version'], { cwd: copy, stdio: 'pipe', env: { ...process.env, CI: 'true' } });
    } catch (err) {
      throw new Error(`changeset version failed:\n${String((err as { stdout?: Buffer }).stdout)}\n${String((err as { stderr?: Buffer }).stderr)}`);
    }

    const summaries = pending.map((f) => readFileSync(join(ROOT, '.changeset', f), 'utf8').split(/^---$/m)[2]!.trim());
    const notes: string[] = [];
    for (const p of packed) {
      const file = join(copy, p.dir, 'CHANGELOG.md');
      expect(existsSync(file), `${p.name} has no CHANGELOG.md`).toBe(true);
      const changelog = readFileSync(file, 'utf8');
      const version = (JSON.parse(readFileSync(join(copy, p.dir, 'package.json'), 'utf8')) as { version: string }).version;
      expect(changelog.startsWith(`# ${p.name}\n\n## ${version}\n`), `${p.name} CHANGELOG starts with its name and new version`).toBe(true);
      expect(changelog).toMatch(/### (Major|Minor|Patch) Changes\n\n- /);
      // Each entry is a changeset's own text, not just "Updated dependencies".
      const entries = changelog.split('\n- ').slice(1).map((e) => e.replace(/^[0-9a-f]{7}: /, '').trim());
      expect(entries.some((e) => summaries.some((s) => e.startsWith(s.slice(0, 40)))), `${p.name}: an entry is a changeset's text`).toBe(true);
      notes.push(`${p.name} ${version}: ${entries.length} entries`);
    }
    // The consumer-only and private workspaces get no release notes.
    expect(existsSync(join(copy, 'tools/consumer/CHANGELOG.md'))).toBe(false);
    console.log(`changeset version:\n  ${notes.join('\n  ')}`);
  });
});
