import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { compareLockfiles, isForeign } from '../src/check.mjs';

type Lock = { packages: Record<string, Record<string, unknown>> };

const root = new URL('../../../', import.meta.url).pathname;
/** The repository's real lockfile: every doctored copy starts from it. */
const real = (): Lock => JSON.parse(readFileSync(join(root, 'package-lock.json'), 'utf8'));
const linux = { os: 'linux', cpu: 'x64', libc: 'glibc' };
const foreignKey = 'node_modules/napi-windows-process-start-time';
const anyLocked = (lock: Lock) =>
  Object.keys(lock.packages).find((key) => key.startsWith('node_modules/') && lock.packages[key].integrity && !lock.packages[key].optional)!;

describe('compareLockfiles', () => {
  it('accepts the same lockfile', () => {
    expect(compareLockfiles(real(), real(), linux)).toEqual({ problems: [], tolerated: [] });
  });

  it('tolerates a foreign optional package the registry added since the lockfile was written', () => {
    const before = real();
    expect(before.packages[foreignKey]).toBeDefined();
    delete before.packages[foreignKey];
    const result = compareLockfiles(before, real(), linux);
    expect(result.problems).toEqual([]);
    expect(result.tolerated).toEqual([`added ${foreignKey} (optional, for another platform)`]);
  });

  it('tolerates a foreign optional package the registry dropped', () => {
    const after = real();
    delete after.packages[foreignKey];
    expect(compareLockfiles(real(), after, linux).problems).toEqual([]);
  });

  it('tolerates the optional dependencies that only a foreign package needs', () => {
    const after = real();
    after.packages['node_modules/@example/win-addon'] = { version: '1.0.0', optional: true, os: ['win32'], dependencies: { 'win-helper': '^1' } };
    after.packages['node_modules/win-helper'] = { version: '1.0.0', optional: true };
    expect(compareLockfiles(real(), after, linux).problems).toEqual([]);
  });

  it('refuses a changed version or integrity', () => {
    const after = real();
    const key = anyLocked(after);
    after.packages[key] = { ...after.packages[key], version: '999.0.0' };
    expect(compareLockfiles(real(), after, linux).problems).toEqual([expect.stringContaining(`${key}: version changed`)]);
    const tampered = real();
    tampered.packages[key] = { ...tampered.packages[key], integrity: 'sha512-AAAA' };
    expect(compareLockfiles(real(), tampered, linux).problems).toEqual([expect.stringContaining(`${key}: integrity changed`)]);
  });

  it('refuses a changed source, and accepts npm leaving registry URLs out', () => {
    const key = anyLocked(real());
    const before = real();
    before.packages[key] = { ...before.packages[key], resolved: 'https://registry.npmjs.org/x/-/x-1.0.0.tgz' };
    expect(compareLockfiles(before, real(), linux).problems).toEqual([]);
    const after = real();
    after.packages[key] = { ...after.packages[key], resolved: 'git+ssh://git@example.com/fork.git#abc' };
    expect(compareLockfiles(before, after, linux).problems).toEqual([expect.stringContaining(`${key}: resolved changed`)]);
  });

  it('refuses a package added or removed that is not optional', () => {
    const after = real();
    after.packages['node_modules/left-pad'] = { version: '1.3.0', integrity: 'sha512-x' };
    const key = anyLocked(after);
    delete after.packages[key];
    expect(compareLockfiles(real(), after, linux).problems.sort()).toEqual([`${key}: removed`, 'node_modules/left-pad: added'].sort());
  });

  it('refuses an optional package added for this very platform', () => {
    const after = real();
    after.packages['node_modules/@example/linux-x64'] = { version: '1.0.0', optional: true, os: ['linux'], cpu: ['x64'] };
    expect(compareLockfiles(real(), after, linux).problems).toEqual(['node_modules/@example/linux-x64: added']);
  });

  it('refuses a workspace whose declared dependencies changed', () => {
    const after = real();
    after.packages['packages/chat'] = { ...after.packages['packages/chat'], dependencies: { 'left-pad': '^1' } };
    expect(compareLockfiles(real(), after, linux).problems).toEqual([expect.stringContaining('packages/chat: dependencies changed')]);
  });
});

describe('isForeign', () => {
  it('reads os, cpu and libc lists with negations', () => {
    expect(isForeign({ os: ['win32'] }, linux)).toBe(true);
    expect(isForeign({ os: ['!win32'] }, linux)).toBe(false);
    expect(isForeign({ os: ['linux'], cpu: ['arm64'] }, linux)).toBe(true);
    expect(isForeign({ os: ['linux'], libc: ['musl'] }, linux)).toBe(true);
    expect(isForeign({}, linux)).toBe(false);
  });
});

describe('lockfile-check (the command .ci/run calls)', () => {
  const dir = mkdtempSync(join(tmpdir(), 'lockfile-check-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const cli = join(root, 'tools/lockfile/src/cli.mjs');
  const run = (before: Lock, after: Lock) => {
    writeFileSync(join(dir, 'before.json'), JSON.stringify(before));
    writeFileSync(join(dir, 'after.json'), JSON.stringify(after));
    return spawnSync(process.execPath, [cli, join(dir, 'before.json'), join(dir, 'after.json')], { encoding: 'utf8' });
  };

  it('exits 0 when only a foreign optional package came or went', () => {
    const before = real();
    delete before.packages[foreignKey];
    const result = run(before, real());
    expect(result.status).toBe(0);
    expect(result.stdout).toContain('every locked package installed as committed');
  });

  it('exits 1 and names the package on real drift', () => {
    const after = real();
    const key = anyLocked(after);
    after.packages[key] = { ...after.packages[key], version: '0.0.1' };
    const result = run(real(), after);
    expect(result.status).toBe(1);
    expect(result.stderr).toContain(`${key}: version changed`);
  });

  it('exits 2 with usage when called without a lockfile', () => {
    expect(() => execFileSync(process.execPath, [cli], { stdio: 'pipe' })).toThrow(/usage/);
  });
});
