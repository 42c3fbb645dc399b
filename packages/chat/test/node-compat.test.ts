/**
 * The README's Node quickstart, run on the machine's own Node (20 here and in CI, the oldest we
 * support) against the real sandbox, from the built ESM and CJS entries.
 */
import { execFile, execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { sandbox, type RunningSandbox } from './helpers.js';

const candidates = [process.env.npm_node_execpath, '/usr/bin/node', '/usr/local/bin/node'].filter((p): p is string => !!p && existsSync(p));
const systemNode = candidates.find((path) => execFileSync(path, ['-p', 'process.versions.node']).toString().trim() !== process.versions.node);
const dist = fileURLToPath(new URL('../dist/', import.meta.url));
let sb: RunningSandbox;

beforeAll(async () => {
  sb = await sandbox({ agent: { mode: 'echo', delay_ms: 0, typing: false } });
});
afterAll(() => sb?.close());

const quickstart = (load: string) => `
  ${load}
  (async () => {
    const chat = new TickkiChat({ publishableKey: process.argv[1], baseUrl: process.argv[2] });
    const session = await chat.startSession({ visitorId: process.argv[3], name: 'Node' });
    await session.ready;
    await session.send('Hello from Node');
    const deadline = Date.now() + 10000;
    while (!session.messages.some((m) => m.content === 'Echo: Hello from Node') && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
    console.log(JSON.stringify({ node: process.versions.node, state: session.connectionState, contents: session.messages.map((m) => m.content) }));
    chat.dispose();
  })().catch((e) => { console.error(e); process.exit(1); });`;

it.runIf(systemNode)('the quickstart works on the system Node from the ESM and the CJS build', async () => {
  const run = promisify(execFile);
  const loads = [
    ['--input-type=module', '-e', quickstart(`import { TickkiChat } from ${JSON.stringify(dist + 'index.js')};`)],
    ['-e', quickstart(`const { TickkiChat } = require(${JSON.stringify(dist + 'index.cjs')});`)],
  ];
  for (const [i, args] of loads.entries()) {
    const { stdout } = await run(systemNode!, [...args, sb.demoKey, sb.origin, `v_node_${i}`], { timeout: 20_000 });
    const result = JSON.parse(stdout) as { node: string; state: string; contents: string[] };
    expect(Number(result.node.split('.')[0])).toBeLessThan(Number(process.versions.node.split('.')[0]));
    expect(result.state).toBe('connected');
    expect(result.contents).toEqual(['Hello from Node', 'Echo: Hello from Node']);
  }
});
