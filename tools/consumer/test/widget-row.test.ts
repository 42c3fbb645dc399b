/**
 * The widget as a React app would install it: exactly the tarballs of its row in the README's install
 * table, in a fresh project with `@types/react` (the widget's own `react` peer is optional: npm
 * adds no React for it). Then `<tickki-chat>` in a `.tsx` type-checks with `jsx: react-jsx` (its
 * attributes checked, its `ref` typed as the element) and `document.querySelector('tickki-chat')` is
 * the element, strict with `skipLibCheck: false`, under `moduleResolution` `bundler` and `node16`.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { basename, dirname, join } from 'node:path';
import { beforeAll, describe, expect, inject, it } from 'vitest';
import { installTable } from '../src/install-table.ts';
import { ROOT } from '../src/readme.ts';

const app = inject('app');
const packed = inject('packed');
const tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc');
const dir = join(dirname(app), 'widget-row');

const TSX = `import '@tickki/chat-widget';
import type { TickkiChatElement } from '@tickki/chat-widget';
import { useRef } from 'react';

export function Support() {
  const chat = useRef<TickkiChatElement>(null);
  return <tickki-chat ref={chat} publishable-key="pk_live_demo" theme="auto" position="left" sound data-page="help" />;
}

// @ts-expect-error the theme is light, dark or auto
export const wrongTheme = <tickki-chat publishable-key="pk_live_demo" theme="blue" />;
// @ts-expect-error the publishable key is required
export const noKey = <tickki-chat />;
// @ts-expect-error the ref is the widget's element
export const wrongRef = <tickki-chat publishable-key="pk_live_demo" ref={useRef<HTMLInputElement>(null)} />;

const element = document.querySelector('tickki-chat')!;
element.open();
element.on('unread', (count) => count.toFixed());
void element.identify({ name: 'Dana' });
// @ts-expect-error the element has no such method
element.launch();
`;

beforeAll(() => {
  const row = installTable().find((r) => r.name === '@tickki/chat-widget')!;
  const tarballs = row.tarballs.map((file) => packed.find((p) => basename(p.tarball) === file)!);
  const typesReact = (JSON.parse(readFileSync(join(ROOT, 'node_modules/@types/react/package.json'), 'utf8')) as { version: string }).version;
  mkdirSync(join(dir, 'src'), { recursive: true });
  const manifest = {
    name: 'widget-row',
    private: true,
    type: 'module',
    dependencies: Object.fromEntries(tarballs.map((p) => [p.name, `file:${p.tarball}`])),
    devDependencies: { '@types/react': `^${typesReact}` },
  };
  writeFileSync(join(dir, 'package.json'), `${JSON.stringify(manifest, null, 2)}\n`);
  execFileSync('npm', ['install', '--no-audit', '--no-fund', '--prefer-offline', '--loglevel=error'], {
    cwd: dir,
    stdio: 'pipe',
    env: { ...process.env, npm_config_workspaces: undefined, npm_config_workspace: undefined } as NodeJS.ProcessEnv,
  });
  writeFileSync(join(dir, 'src/support.tsx'), TSX);
  const compilerOptions = { strict: true, skipLibCheck: false, noEmit: true, target: 'ES2022', lib: ['ES2022', 'DOM'], types: [], jsx: 'react-jsx' };
  writeFileSync(join(dir, 'tsconfig.bundler.json'), JSON.stringify({ compilerOptions: { ...compilerOptions, module: 'esnext', moduleResolution: 'bundler' }, include: ['src'] }));
  writeFileSync(join(dir, 'tsconfig.node16.json'), JSON.stringify({ compilerOptions: { ...compilerOptions, module: 'node16', moduleResolution: 'node16' }, include: ['src'] }));
}, 120_000);

describe("the widget's row of the install table, in a React app", () => {
  it('installs on its own: every @tickki/* package from its tarball, none from the registry', () => {
    const lock = JSON.parse(readFileSync(join(dir, 'package-lock.json'), 'utf8')) as { packages: Record<string, { resolved?: string }> };
    const tickki = Object.entries(lock.packages).filter(([path]) => /node_modules\/@tickki\//.test(path));
    expect(tickki.map(([path]) => path.replace(/^.*node_modules\//, '')).sort()).toEqual(['@tickki/chat', '@tickki/chat-api', '@tickki/chat-realtime', '@tickki/chat-ui', '@tickki/chat-widget']);
    for (const [path, entry] of tickki) expect(entry.resolved, path).toMatch(/^file:/);
  });

  for (const resolution of ['bundler', 'node16']) {
    it(`types <tickki-chat> in JSX and document.querySelector('tickki-chat') (moduleResolution ${resolution})`, () => {
      let output = '';
      try {
        execFileSync(process.execPath, [tsc, '-p', `tsconfig.${resolution}.json`, '--pretty', 'false'], { cwd: dir, encoding: 'utf8', stdio: 'pipe' });
      } catch (err) {
        output = String((err as { stdout?: string }).stdout);
      }
      expect(output).toBe('');
    });
  }
});
