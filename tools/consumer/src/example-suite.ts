/**
 * One example's test file set up: before its tests, the sandbox from the consumer project's tarball
 * (for the examples that chat in Chromium) and the example installed from the tarballs in a fresh
 * folder; a test that its README's install command names exactly those tarballs; after the tests,
 * everything started stopped, the folder removed and the phase times saved.
 */
import { basename } from 'node:path';
import { hasChromium, launchChromium } from '@tickki/browser-harness';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, expect, inject, it } from 'vitest';
import { startPackedSandbox } from './example-pages.ts';
import { exampleEnv, freePort, prepareExample, readmeTarballs, Timings, type PreparedExample } from './examples.ts';
import { start } from './process.ts';

/** What an example's tests use; read the getters inside tests (they are set in `beforeAll`). */
export interface ExampleSuite {
  timings: Timings;
  readonly example: PreparedExample;
  /** The sandbox's origin (`http://127.0.0.1:<port>`); only with `chat: true`. */
  readonly sandboxOrigin: string;
  /** Runs `stop` after the tests, last registered first. */
  cleanup(stop: () => unknown): void;
  /**
   * Starts a server of the example (`{port}` in `args` becomes a free port) and resolves with its
   * loopback origin once its output matches `ready`; stopped after the tests.
   */
  serve(command: string, args: string[], ready: RegExp, env?: Record<string, string>): Promise<string>;
  /** Headless Chromium, closed after the tests. */
  chromium(): Promise<Browser>;
}

/** `chat`: the example chats with a sandbox in Chromium (in CI a missing Chromium is a failure, not a skip). */
export function exampleSuite(name: string, options: { chat: boolean }): ExampleSuite {
  if (options.chat && process.env.CI && !hasChromium) throw new Error('Chromium is not installed: apt-get install chromium');
  const timings = new Timings(name);
  const stops: (() => unknown)[] = [];
  let example: PreparedExample | undefined;
  let sandboxOrigin: string | undefined;

  beforeAll(async () => {
    if (options.chat) {
      const sandbox = await startPackedSandbox(inject('app'));
      stops.push(() => sandbox.process.stop());
      sandboxOrigin = sandbox.origin;
    }
    example = await prepareExample(name, inject('packed'), timings);
    stops.push(() => example!.remove());
  }, 600_000);

  it(`examples/${name}/README.md installs exactly the tarballs it needs: ours it imports and the @tickki/* packages they depend on`, () => {
    const byName = new Map(inject('packed').map((p) => [p.name, basename(p.tarball)]));
    expect(readmeTarballs(name)).toEqual(example!.tickki.map((n) => byName.get(n)).sort());
  });

  afterAll(async () => {
    for (const stop of stops.reverse()) await stop();
    timings.save();
  });

  return {
    timings,
    get example() {
      if (!example) throw new Error(`examples/${name} was not installed`);
      return example;
    },
    get sandboxOrigin() {
      if (!sandboxOrigin) throw new Error('no sandbox was started');
      return sandboxOrigin;
    },
    cleanup: (stop) => void stops.push(stop),
    async serve(command, args, ready, env = {}) {
      const port = String(await freePort());
      const server = start(command, args.map((a) => a.replace('{port}', port)), { cwd: example!.dir, env: exampleEnv({ PORT: port, ...env }) });
      stops.push(() => server.stop());
      await server.waitFor(ready, 60_000);
      return `http://127.0.0.1:${port}`;
    },
    async chromium() {
      const browser = await launchChromium();
      stops.push(() => browser.close());
      return browser;
    },
  };
}
