/**
 * The root README's install table against the packages as packed: every published package has a
 * row; a row's tarballs are the package's and those of every `@tickki/*` package it depends on, at
 * their current versions (one missing sends npm to the registry: `404 @tickki/chat@^0.1.0`); its
 * peers are the package's peer dependencies, optional where the package says so; an `npx expo
 * install` names the native peers.
 */
import { readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { describe, expect, inject, it } from 'vitest';
import { installTable } from '../src/install-table.ts';
import { ROOT } from '../src/readme.ts';

const packed = inject('packed');

interface Manifest {
  dependencies?: Record<string, string>;
  peerDependencies?: Record<string, string>;
  peerDependenciesMeta?: Record<string, { optional?: boolean }>;
}
const manifest = (name: string): Manifest => JSON.parse(readFileSync(join(ROOT, packed.find((p) => p.name === name)!.dir, 'package.json'), 'utf8')) as Manifest;

/** `name` and every `@tickki/*` package it depends on, directly or not. */
function withDependencies(name: string, seen = new Set<string>()): Set<string> {
  seen.add(name);
  for (const dependency of Object.keys(manifest(name).dependencies ?? {})) if (dependency.startsWith('@tickki/') && !seen.has(dependency)) withDependencies(dependency, seen);
  return seen;
}

describe("the README's install table", () => {
  const rows = installTable();

  it('has one row per published package', () => {
    expect(rows.map((r) => r.name).sort()).toEqual(packed.map((p) => p.name).sort());
  });

  it("lists, in each row, the package's tarball first and then those of every @tickki/* package it depends on, at today's versions", () => {
    const fileOf = new Map(packed.map((p) => [p.name, basename(p.tarball)]));
    for (const row of rows) {
      const expected = [...withDependencies(row.name)].map((name) => fileOf.get(name)!);
      expect(row.tarballs[0], `${row.where}: the package's own tarball first`).toBe(fileOf.get(row.name));
      expect([...row.tarballs].sort(), row.where).toEqual(expected.sort());
    }
  });

  it('gives the registry command', () => {
    for (const row of rows) expect(row.registry, row.where).toMatch(new RegExp(`^\`npm i (-D )?${row.name}\``));
  });

  it("lists the package's peers, optional where the package says so", () => {
    for (const row of rows) {
      const { peerDependencies = {}, peerDependenciesMeta = {} } = manifest(row.name);
      const expected = Object.keys(peerDependencies).map((name) => ({ name, optional: !!peerDependenciesMeta[name]?.optional }));
      expect([...row.peers].sort((a, b) => a.name.localeCompare(b.name)), row.where).toEqual(expected.sort((a, b) => a.name.localeCompare(b.name)));
    }
  });

  it('installs the native peers with `npx expo install`: every peer but react and react-native', () => {
    const native = rows.filter((row) => row.peers.some((p) => p.name === 'react-native'));
    expect(native.map((r) => r.name)).toEqual(['@tickki/chat-react-native']);
    for (const row of native) {
      const command = /`npx expo install ([^`]+)`/.exec(row.registry);
      expect(command, `${row.where}: an npx expo install`).not.toBeNull();
      const expected = row.peers.map((p) => p.name).filter((name) => name !== 'react' && name !== 'react-native');
      expect(command![1]!.split(/\s+/).sort(), row.where).toEqual(expected.sort());
    }
  });
});
