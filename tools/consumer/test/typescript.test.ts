/**
 * Every TypeScript sample of the READMEs type-checks against the installed tarballs: strict,
 * `skipLibCheck: false` (so the packages' own declarations are checked too), with
 * `moduleResolution` `node16` and `bundler`.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { beforeAll, describe, expect, inject, it } from 'vitest';
import { codeBlocks, README_FILES } from '../src/readme.ts';

const app = inject('app');
const tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc');

/**
 * What the samples leave to the reader's app: its own UI functions, and the React Native modules
 * (not installed here; typed as the SDK's adapters expect them).
 */
const APP_ENVIRONMENT = `declare function render(messages: readonly unknown[]): void;
declare function setBanner(state: string): void;
declare function showBanner(state: string): void;
declare function showRetry(retry: () => unknown): void;
declare const input: HTMLInputElement;
declare module 'react-native' {
  export const AppState: { currentState: string | null; addEventListener(type: 'change', listener: (state: string) => void): { remove(): void } };
}
declare module '@react-native-async-storage/async-storage' {
  const AsyncStorage: { getItem(key: string): Promise<string | null>; setItem(key: string, value: string): Promise<void>; removeItem(key: string): Promise<void> };
  export default AsyncStorage;
}
`;

const samples = README_FILES.flatMap((file) => codeBlocks(file).filter((b) => b.lang === 'ts'));
const fileName = (where: string) => `${where.replace(/[/.:]/g, '_')}.ts`;
/** React Native samples are resolved as Metro does (bundler): pusher-js/react-native has no `exports` entry for node16. */
const reactNative = samples.filter((s) => s.code.includes("from 'react-native'")).map((s) => `samples/${fileName(s.where)}`);

beforeAll(() => {
  const dir = join(app, 'samples');
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'app-environment.d.ts'), APP_ENVIRONMENT);
  for (const sample of samples) {
    writeFileSync(join(dir, fileName(sample.where)), `// ${sample.where}\n${sample.code}`);
  }
  const compilerOptions = { strict: true, skipLibCheck: false, noEmit: true, target: 'ES2022', lib: ['ES2022', 'DOM'], types: ['node'] };
  writeFileSync(join(app, 'tsconfig.node16.json'), JSON.stringify({ compilerOptions: { ...compilerOptions, module: 'node16', moduleResolution: 'node16' }, include: ['samples'], exclude: reactNative }));
  writeFileSync(join(app, 'tsconfig.bundler.json'), JSON.stringify({ compilerOptions: { ...compilerOptions, module: 'esnext', moduleResolution: 'bundler' }, include: ['samples'] }));
});

describe('README samples type-check against the tarballs (strict, skipLibCheck false)', () => {
  it('finds the samples', () => {
    expect(samples.length).toBeGreaterThanOrEqual(8);
  });

  for (const resolution of ['node16', 'bundler']) {
    it(`moduleResolution ${resolution}`, () => {
      let output = '';
      try {
        execFileSync(process.execPath, [tsc, '-p', `tsconfig.${resolution}.json`, '--pretty', 'false'], { cwd: app, encoding: 'utf8', stdio: 'pipe' });
      } catch (err) {
        output = String((err as { stdout?: string }).stdout);
      }
      expect(output).toBe('');
    });
  }
});
