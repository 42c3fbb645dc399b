/**
 * The sandbox README's example of an app's own test suite (vitest, `startSandbox()` in the test
 * process, the control API, a fault), run by the consumer project's own vitest from the tarballs.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, inject, it } from 'vitest';
import { start } from '../src/process.ts';
import { marked } from '../src/readme.ts';

const app = inject('app');

it("the sandbox README's vitest example passes in the consumer project", async () => {
  mkdirSync(join(app, 'test'), { recursive: true });
  writeFileSync(join(app, 'test/chat.test.ts'), marked('apps/sandbox/README.md', 'sandbox-vitest').code);
  // The app's own vitest (Node 24 here: vitest 5 needs Node 22+), with none of this run's settings.
  const env = Object.fromEntries(Object.entries(process.env).filter(([k]) => !k.startsWith('VITEST') && k !== 'NODE_OPTIONS' && k !== 'TEST'));
  const vitest = start(process.execPath, ['node_modules/vitest/vitest.mjs', 'run', 'test/chat.test.ts', '--reporter=verbose'], { cwd: app, env });
  const code = await vitest.exited(60_000);
  const output = vitest.output().replace(/\x1b\[[0-9;]*m/g, ''); // without colours
  expect(output).toMatch(/✓ .*shows the agent reply and survives a lost answer/);
  expect(output).toMatch(/Tests\s+1 passed \(1\)/);
  expect(code, output).toBe(0);
});
