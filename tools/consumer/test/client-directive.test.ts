/**
 * React Server Components (Next.js App Router) render a module's components on the server unless
 * the module starts with `"use client"`. In the installed tarballs: every entry that exports React
 * components or hooks starts with the directive, ESM and CommonJS alike; every other entry does not
 * (a server component may call `chatStrings()` of `@tickki/chat-react/strings`, which a client
 * module would turn into a reference it cannot call).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import ts from 'typescript';
import { describe, expect, inject, it } from 'vitest';

const app = inject('app');
const packed = inject('packed');

/** The entries that export React components or hooks. */
const CLIENT_ENTRIES: Record<string, string[]> = {
  '@tickki/chat-react': ['.'],
  '@tickki/chat-widget': ['./react'],
  '@tickki/chat-react-native': ['.'],
};

type Exports = string | null | { [key: string]: Exports };

/** Every JavaScript file an `exports` value can resolve to (types left out). */
function targets(value: Exports): string[] {
  if (typeof value === 'string') return /\.(c|m)?js$/.test(value) ? [value] : [];
  if (!value) return [];
  return Object.entries(value).flatMap(([condition, inner]) => (condition === 'types' ? [] : targets(inner)));
}

/** The module's first statement, as source text. */
function firstStatement(file: string): string {
  const source = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, false, ts.ScriptKind.JS);
  return source.statements[0]?.getText(source) ?? '';
}

const USE_CLIENT = /^(["'])use client\1;?$/;

describe('"use client" in the installed packages', () => {
  const entries = packed.flatMap((p) => {
    const dir = join(app, 'node_modules', p.name);
    const manifest = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as { exports?: Record<string, Exports>; main?: string; module?: string; 'react-native'?: string };
    const exports: Record<string, Exports> = { ...manifest.exports };
    // the fields older resolvers read instead of `exports` are the `.` entry too
    exports['.'] = { ...(exports['.'] as object), main: manifest.main ?? null, module: manifest.module ?? null, 'react-native-field': manifest['react-native'] ?? null };
    return Object.entries(exports).flatMap(([entry, value]) => [...new Set(targets(value))].map((file) => ({ pkg: p.name, entry, file: join(dir, file), where: `${p.name} ${entry} ${file}` })));
  });

  it('finds the entries', () => {
    for (const [pkg, list] of Object.entries(CLIENT_ENTRIES)) {
      for (const entry of list) {
        const files = entries.filter((e) => e.pkg === pkg && e.entry === entry).map((e) => e.file);
        expect(files.some((f) => f.endsWith('.js')) && files.some((f) => f.endsWith('.cjs')), `${pkg} ${entry}: an ESM and a CommonJS file`).toBe(true);
      }
    }
  });

  it('starts every React entry with the directive, ESM and CommonJS, and no other entry', () => {
    const wrong = entries.flatMap(({ pkg, entry, file, where }) => {
      const client = CLIENT_ENTRIES[pkg]?.includes(entry) ?? false;
      const first = firstStatement(file);
      if (client && !USE_CLIENT.test(first)) return [`${where}: starts with ${JSON.stringify(first.slice(0, 60))}, not "use client"`];
      if (!client && USE_CLIENT.test(first)) return [`${where}: says "use client" but exports no React component or hook`];
      return [];
    });
    expect(wrong).toEqual([]);
  });

  it('lists every entry that imports React as a client entry', () => {
    const importsReact = /(from\s*["']react["']|require\(["']react["']\))/;
    const unlisted = entries.filter(({ pkg, entry, file }) => importsReact.test(readFileSync(file, 'utf8')) && !CLIENT_ENTRIES[pkg]?.includes(entry)).map((e) => e.where);
    expect(unlisted).toEqual([]);
  });
});
