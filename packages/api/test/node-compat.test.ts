/**
 * The published package must run on the Node versions users have (engines: >= 20), not only on
 * the Node 24 our tools use. This runs the built ESM and CJS entries under the machine's own Node
 * (Node 20 here and in CI) against the real Prism mock.
 */
import { execFile, execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { promisify } from 'node:util';
import { startMock, type RunningMock } from '@tickki/mock';
import { afterAll, beforeAll, expect, it } from 'vitest';

const candidates = [process.env.npm_node_execpath, '/usr/bin/node', '/usr/local/bin/node'].filter((p): p is string => !!p && existsSync(p));
const systemNode = candidates.find((path) => execFileSync(path, ['-p', 'process.versions.node']).toString().trim() !== process.versions.node);
const dist = resolve(import.meta.dirname, '../dist');
let mock: RunningMock;

beforeAll(async () => {
  mock = await startMock();
});
afterAll(() => mock?.stop());

const script = (load: string) => `
  ${load}
  const client = createTickkiClient({ publishableKey: 'pk_test_demo', baseUrl: process.argv[1] });
  getConfig({ client }).then(({ data, error }) => {
    if (error) throw new Error(JSON.stringify(error));
    console.log(JSON.stringify({ node: process.versions.node, slug: data.data.business.slug }));
  });`;

it.runIf(systemNode)('the built ESM and CJS entries work on the system Node', async () => {
  const run = promisify(execFile);
  const esm = await run(systemNode!, ['--input-type=module', '-e', script(`import { createTickkiClient, getConfig } from ${JSON.stringify(dist + '/index.js')};`), mock.origin]);
  const cjs = await run(systemNode!, ['-e', script(`const { createTickkiClient, getConfig } = require(${JSON.stringify(dist + '/index.cjs')});`), mock.origin]);
  for (const { stdout } of [esm, cjs]) {
    const result = JSON.parse(stdout) as { node: string; slug: string };
    expect(result.slug).toBe('northwind');
    expect(Number(result.node.split('.')[0])).toBeLessThan(Number(process.versions.node.split('.')[0]));
  }
});
