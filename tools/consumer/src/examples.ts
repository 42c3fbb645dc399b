/**
 * The example apps (`examples/*`) as an integrator gets them: each copied into a fresh folder outside
 * the repository, its `@tickki/*` dependencies pointed at the packed tarballs, installed with npm from
 * the registry, built, and timed. Used by the example tests and by `npm run bench`.
 */
import { execFileSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { delimiter, dirname, join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { findNode20 } from './node20.ts';
import { start } from './process.ts';
import type { Packed } from './project.ts';
import { codeBlocks, ROOT } from './readme.ts';

/** The examples' folder in the repository. */
export const EXAMPLES = join(ROOT, 'examples');

/** Where each example test writes its phase times; `tools/test-summary.mjs` prints them. */
export const TIMES_DIR = join(ROOT, 'tools/consumer/.vitest/examples');

type Manifest = { dependencies?: Record<string, string>; devDependencies?: Record<string, string> };
const readJson = <T>(file: string): T => JSON.parse(readFileSync(file, 'utf8')) as T;

/**
 * The environment the examples build in: the machine's Node 20 first on PATH (what the frameworks
 * were checked on, and what an integrator here has), CI mode, no telemetry, no colours, nothing of
 * this run's npm workspace or vitest settings.
 */
export function exampleEnv(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [key, value] of Object.entries(process.env)) {
    if (/^(VITEST|npm_config_workspace|npm_lifecycle_|npm_package_)/.test(key) || ['NODE_OPTIONS', 'TEST', 'FORCE_COLOR'].includes(key)) continue;
    env[key] = value;
  }
  return {
    ...env,
    PATH: `${dirname(findNode20())}${delimiter}${process.env.PATH}`,
    CI: 'true',
    NEXT_TELEMETRY_DISABLED: '1',
    EXPO_NO_TELEMETRY: '1',
    NO_COLOR: '1', // plain output to match against
    ...extra,
  };
}

/**
 * Runs a command to its end and resolves with its output; rejects with the output when it fails or
 * outlives `timeoutMs` (then it is stopped, with everything it started).
 */
export async function run(command: string, args: string[], cwd: string, env: NodeJS.ProcessEnv, timeoutMs: number): Promise<string> {
  const child = start(command, args, { cwd, env });
  let code: number | null;
  try {
    code = await child.exited(timeoutMs);
  } catch (err) {
    await child.stop();
    throw err;
  }
  if (code !== 0) throw new Error(`${command} ${args.join(' ')} failed (exit ${code}) in ${cwd}:\n${child.output()}`);
  return child.output();
}

/** The example's files as the repository has them (tracked, or new and not ignored): no local install or build. */
function exampleFiles(name: string): string[] {
  const listed = execFileSync('git', ['ls-files', '--cached', '--others', '--exclude-standard', '-z', '--', `examples/${name}`], { cwd: ROOT, encoding: 'utf8' });
  const files = listed.split('\0').filter(Boolean);
  if (!files.includes(`examples/${name}/package.json`)) throw new Error(`examples/${name} has no package.json`);
  return files;
}

/**
 * Points the `@tickki/*` dependencies of `dir`'s package.json at the tarballs and adds the `@tickki/*`
 * packages they depend on beside them (npm would look for those on the registry otherwise), as the
 * examples' READMEs tell an integrator to do. Returns the names pointed at tarballs.
 */
export function useTarballs(dir: string, packed: Packed[]): string[] {
  const file = join(dir, 'package.json');
  const manifest = readJson<Manifest>(file);
  const byName = new Map(packed.map((p) => [p.name, p]));
  const needed = new Set<string>();
  const visit = (name: string) => {
    if (needed.has(name)) return;
    const p = byName.get(name);
    if (!p) throw new Error(`${name} is not one of the packed packages (${[...byName.keys()].join(', ')})`);
    needed.add(name);
    for (const dependency of Object.keys(readJson<Manifest>(join(ROOT, p.dir, 'package.json')).dependencies ?? {})) if (dependency.startsWith('@tickki/')) visit(dependency);
  };
  for (const name of Object.keys(manifest.dependencies ?? {})) if (name.startsWith('@tickki/')) visit(name);
  if (!needed.size) throw new Error(`${file} depends on no @tickki/* package`);
  for (const name of needed) manifest.dependencies![name] = `file:${byName.get(name)!.tarball}`;
  writeFileSync(file, `${JSON.stringify(manifest, null, 2)}\n`);
  return [...needed].sort();
}

/**
 * The tarballs `examples/<name>/README.md` tells an integrator to install (its ```sh block with
 * `npm install /tmp/tickki/…`), as file names.
 */
export function readmeTarballs(name: string): string[] {
  const blocks = codeBlocks(`examples/${name}/README.md`).filter((b) => b.lang === 'sh' && b.code.includes('npm install /tmp/tickki/'));
  if (blocks.length !== 1) throw new Error(`examples/${name}/README.md: expected one sh block with npm install /tmp/tickki/…, found ${blocks.length}`);
  return [...blocks[0]!.code.matchAll(/\/tmp\/tickki\/([\w.-]+\.tgz)/g)].map((m) => m[1]!).sort();
}

/** Phase times of one example, in milliseconds, in the order they ran. */
export class Timings {
  readonly phases: [phase: string, ms: number][] = [];
  readonly example: string;
  constructor(example: string) {
    this.example = example;
  }

  /** Runs `work` and records how long it took as `phase`. */
  async time<T>(phase: string, work: () => Promise<T> | T): Promise<T> {
    const started = performance.now();
    try {
      return await work();
    } finally {
      this.phases.push([phase, performance.now() - started]);
    }
  }

  /** `examples/vite-react: 21.3 s (install 9.1 s, build 2.2 s, …)`. */
  summary(): string {
    const s = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
    const total = this.phases.reduce((sum, [, ms]) => sum + ms, 0);
    return `examples/${this.example}: ${s(total)} (${this.phases.map(([phase, ms]) => `${phase} ${s(ms)}`).join(', ')})`;
  }

  /** Prints the summary and keeps it for the closing summary of `npm test`. */
  save(): void {
    console.log(this.summary());
    mkdirSync(TIMES_DIR, { recursive: true });
    writeFileSync(join(TIMES_DIR, `${this.example}.json`), `${JSON.stringify({ example: this.example, phases: this.phases, summary: this.summary() })}\n`);
  }
}

/** An example copied and installed in a temp folder. */
export interface PreparedExample {
  /** The app's folder (outside the repository). */
  dir: string;
  /** The `@tickki/*` packages installed from tarballs. */
  tickki: string[];
  /** Deletes the temp folder, unless `KEEP_CONSUMER` is set. */
  remove(): void;
}

/**
 * Copies `examples/<name>` into a fresh temp folder, points its `@tickki/*` dependencies at the
 * tarballs and runs `npm install` there (registry only; install scripts stay held back, as this npm
 * does unless a project approves them).
 */
export async function prepareExample(name: string, packed: Packed[], timings: Timings): Promise<PreparedExample> {
  const work = mkdtempSync(join(tmpdir(), `tickki-example-${name}-`));
  const dir = join(work, name);
  for (const file of exampleFiles(name)) {
    const to = join(dir, file.slice(`examples/${name}/`.length));
    mkdirSync(dirname(to), { recursive: true });
    cpSync(join(ROOT, file), to);
  }
  const tickki = useTarballs(dir, packed);
  const remove = () => {
    if (!process.env.KEEP_CONSUMER) rmSync(work, { recursive: true, force: true });
  };
  try {
    await timings.time('install', () => run('npm', ['install', '--no-audit', '--no-fund', '--prefer-offline', '--loglevel=error'], dir, exampleEnv(), 600_000));
  } catch (err) {
    remove();
    throw err;
  }
  return { dir, tickki, remove };
}

/** A free loopback port (for servers that take a port number rather than 0). */
export function freePort(): Promise<number> {
  return new Promise((done, fail) => {
    const server = createServer();
    server.once('error', fail);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => done(port));
    });
  });
}

/** Every file under `dir` whose name matches `pattern`, as absolute paths. */
export function filesUnder(dir: string, pattern: RegExp): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .map((f) => join(dir, f))
    .filter((f) => pattern.test(f) && statSync(f).isFile());
}

/** Total gzip -9 size, in bytes, of `files` (each compressed on its own, as served). */
export function gzipTotal(files: string[]): number {
  return files.reduce((sum, f) => sum + gzipSync(readFileSync(f), { level: 9 }).length, 0);
}
