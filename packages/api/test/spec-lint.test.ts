/** The canonical document passes Redocly's `recommended-strict` rules plus our stricter ones. */
import { execFile } from 'node:child_process';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { expect, it } from 'vitest';

const root = resolve(import.meta.dirname, '../../..');
const redocly = join(dirname(createRequire(import.meta.url).resolve('@redocly/cli/package.json')), 'bin/cli.js');

it('openapi/tickki-chat-api.yaml is lint clean', async () => {
  const run = promisify(execFile)(process.execPath, [redocly, 'lint', 'openapi/tickki-chat-api.yaml', '--config', 'openapi/redocly.yaml', '--format', 'json'], {
    cwd: root,
    env: { ...process.env, REDOCLY_TELEMETRY: 'off', REDOCLY_SUPPRESS_UPDATE_NOTICE: 'true' },
  });
  const { stdout } = await run.catch((failure: { stdout: string }) => failure);
  const report = JSON.parse(stdout) as { totals: { errors: number; warnings: number }; problems: Array<{ ruleId: string; message: string; ignored?: boolean }> };
  const open = report.problems.filter((problem) => !problem.ignored);
  expect(open.map((p) => `${p.ruleId}: ${p.message}`)).toEqual([]);
  expect(report.totals).toMatchObject({ errors: 0, warnings: 0 });
});
