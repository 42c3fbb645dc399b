/**
 * What our packages add to each example app's build, in gzip bytes: the example is installed from
 * the tarballs and built with its own bundler, its emitted JavaScript measured; then our packages'
 * entry files in its node_modules are replaced by stubs that export the same names and render
 * nothing, and the same bundler builds it again in the same folder. The difference is our code
 * (and what it pulls in: pusher-js, Preact); the app's own code and its framework are in both.
 */
import { existsSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { exampleEnv, filesUnder, gzipTotal, prepareExample, run, Timings } from './examples.ts';
import type { Packed } from './project.ts';

/** Export name → JavaScript expression: what the stubs give in place of our components and hooks. */
type Exports = Record<string, string>;

const HOOKS: Exports = {
  TickkiChatProvider: '(props) => props.children ?? null',
  useChatSession: "() => ({ session: undefined, status: 'idle', error: undefined, restart() {} })",
  useMessages: '() => []',
  useConnectionState: "() => 'idle'",
  useSyncState: "() => 'idle'",
  useAgentTyping: '() => undefined',
  useChatConfig: '() => undefined',
};
const nothing = '() => null';

/** Per package: the entry files replaced (ESM, CJS) and what they export instead. */
const STUBS: Record<string, { files: [esm: string, cjs: string][]; exports: Exports; client?: boolean }[]> = {
  '@tickki/chat-widget': [
    { files: [['dist/react.js', 'dist/react.cjs']], exports: { TickkiChatWidget: nothing }, client: true },
    { files: [['dist/index.js', 'dist/index.cjs']], exports: {} },
  ],
  '@tickki/chat-react': [{ files: [['dist/index.js', 'dist/index.cjs']], exports: HOOKS, client: true }],
  '@tickki/chat-react-native': [
    {
      files: [['dist/index.js', 'dist/index.cjs']],
      exports: { ...HOOKS, TickkiChatScreen: nothing, TickkiChatView: nothing, TickkiChatHost: nothing, TickkiChatModal: '{ show: async () => undefined, hide() {} }', platformChatOptions: '(options) => options' },
      client: true,
    },
  ],
};

/** A stub module in `format`, keeping the `"use client"` boundary where the real entry has one. */
function stubModule(exports: Exports, format: 'esm' | 'cjs', client: boolean): string {
  const lines = Object.entries(exports).map(([name, value]) => (format === 'esm' ? `export const ${name} = ${value};` : `exports.${name} = ${value};`));
  return `${client ? '"use client";\n' : ''}// stub: what the app would be without @tickki/* (npm run bench)\n${lines.join('\n')}\n`;
}

/** Replaces the entry files of our packages installed in `dir` with stubs. */
export function stubOurPackages(dir: string): string[] {
  const stubbed: string[] = [];
  for (const [name, entries] of Object.entries(STUBS)) {
    const root = join(dir, 'node_modules', name);
    if (!existsSync(root)) continue;
    for (const { files, exports, client = false } of entries) {
      for (const [esm, cjs] of files) {
        writeFileSync(join(root, esm), stubModule(exports, 'esm', client));
        writeFileSync(join(root, cjs), stubModule(exports, 'cjs', client));
      }
    }
    stubbed.push(name);
  }
  return stubbed;
}

/** How an example is built and which files of the output are its JavaScript. */
interface Build {
  /** Commands, run in order in the example's folder. */
  commands: [command: string, args: string[]][];
  /** Removed before each build. */
  clean: string[];
  /** The output folder and what in it counts. */
  output: [dir: string, pattern: RegExp];
  /** What the number means. */
  measures: string;
}

const BUILDS: Record<string, Build> = {
  'next-app-router': { commands: [['npx', ['next', 'build']]], clean: ['.next'], output: ['.next/static', /\.js$/], measures: 'next build, every client JS file' },
  'vite-react': { commands: [['npx', ['vite', 'build']]], clean: ['dist'], output: ['dist', /\.js$/], measures: 'vite build, every JS file' },
  expo: {
    commands: [['npx', ['expo', 'export', '--platform', 'android', '--no-bytecode']]],
    clean: ['dist'],
    output: ['dist/_expo/static/js/android', /\.js$/],
    measures: 'expo export (Metro, Android, minified JS before Hermes)',
  },
};

/** One example's result, in bytes (gzip -9). */
export interface AddedBytes {
  example: string;
  /** The build with our packages. */
  with: number;
  /** The same build with our packages stubbed out. */
  without: number;
  measures: string;
  /** A second figure where one number hides what a visitor loads first (the script tag's loader). */
  firstLoad?: number;
}

/** Builds `dir` as the example is built, from clean, and sums its emitted JavaScript. */
async function buildAndMeasure(dir: string, build: Build): Promise<number> {
  for (const path of build.clean) rmSync(join(dir, path), { recursive: true, force: true });
  for (const [command, args] of build.commands) await run(command, args, dir, exampleEnv({ EXPO_OFFLINE: '1' }), 600_000);
  const files = filesUnder(join(dir, build.output[0]), build.output[1]);
  if (!files.length) throw new Error(`${build.measures}: no JavaScript in ${build.output[0]}`);
  return gzipTotal(files);
}

/** Installs `name` from the tarballs and measures what our packages add to its build. */
export async function measureExample(name: string, packed: Packed[]): Promise<AddedBytes> {
  const example = await prepareExample(name, packed, new Timings(name));
  try {
    if (name === 'html-strict-csp') {
      // No bundler: the page ships its own script and, with the chat, the script-tag files as they are.
      await run('npm', ['run', 'build'], example.dir, exampleEnv(), 60_000);
      const page = gzipTotal([join(example.dir, 'public/app.js')]);
      const ours = filesUnder(join(example.dir, 'public/tickki'), /\.js$/);
      return { example: name, with: page + gzipTotal(ours), without: page, firstLoad: gzipTotal(ours.filter((f) => f.endsWith('/tickki-chat.js'))), measures: 'the page script + the script-tag files (no bundler)' };
    }
    const build = BUILDS[name];
    if (!build) throw new Error(`no build known for examples/${name}`);
    const withOurs = await buildAndMeasure(example.dir, build);
    stubOurPackages(example.dir);
    const without = await buildAndMeasure(example.dir, build);
    return { example: name, with: withOurs, without, measures: build.measures };
  } finally {
    example.remove();
  }
}
