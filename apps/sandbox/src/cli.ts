#!/usr/bin/env node
/** `tickki-sandbox`: starts a local Tickki (HTTP API, websocket, scripted agent, agent console). */
import { parseArgs } from 'node:util';
import { startSandbox, DEFAULT_PORT, type RunningSandbox, type SandboxOptions } from './index.js';
import type { AgentMode } from './store.js';
import { noHttpFaults } from './faults.js';
import { DEFAULT_FAULTS } from './realtime/index.js';

const HELP = `Usage: tickki-sandbox [options]

A local, stateful Tickki: the Chat SDK API v1 under /api/v1, the Pusher protocol 7 websocket on
/app/{key}, a scripted agent, an agent console at /agent and a control API under /_control.

Options:
  --port <n>            Port (default ${DEFAULT_PORT}, or $PORT; 0 picks a free one)
  --host <host>         Interface to listen on (default 127.0.0.1)
  --public-origin <url> Origin to put in realtime blocks and signed URLs (default http://host:port)
  --persist <file>      Keep the state in this JSON file across restarts
  --key <pk_test_…>     The demo publishable key (default pk_test_tickki_sandbox)
  --latency <ms>        Add this latency to every API answer
  --error-rate <0..1>   Share of API requests answered 500 server_error
  --agent <mode>        Scripted agent: echo (default), canned or off
  --agent-delay <ms>    Delay before the scripted agent answers (default 500)
  --canned <text>       A canned answer (repeat for several; implies --agent canned)
  --ignore-idempotency-key
                        Behave like a server without the Idempotency-Key extension (the real
                        backend may be one): a repeated send is stored again
  --seed <n>            Seed of the fault-injection random source (deterministic runs)
  --faults <json>       Any fault knobs at start, as the control API's PUT /_control/faults body,
                        e.g. '{"http":{"drop_response_rate":0.1},"realtime":{"doubleEncodeData":true}}'
  --quiet               Do not log requests
  -h, --help            Show this help

Faults, keys, branding and more can be changed while it runs: see the README's control API.`;

function fail(message: string): never {
  console.error(`tickki-sandbox: ${message}\n\nRun tickki-sandbox --help for the options.`);
  process.exit(2);
}

function number(name: string, text: string | undefined, check: (n: number) => boolean): number | undefined {
  if (text === undefined) return undefined;
  const n = Number(text);
  if (text.trim() === '' || !Number.isFinite(n) || !check(n)) fail(`invalid --${name}: ${text}`);
  return n;
}

let parsed;
try {
  parsed = parseArgs({
    options: {
      port: { type: 'string', short: 'p' },
      host: { type: 'string' },
      'public-origin': { type: 'string' },
      persist: { type: 'string' },
      key: { type: 'string' },
      latency: { type: 'string' },
      'error-rate': { type: 'string' },
      agent: { type: 'string' },
      'agent-delay': { type: 'string' },
      canned: { type: 'string', multiple: true },
      seed: { type: 'string' },
      faults: { type: 'string' },
      'ignore-idempotency-key': { type: 'boolean' },
      quiet: { type: 'boolean', short: 'q' },
      help: { type: 'boolean', short: 'h' },
    },
    strict: true,
  });
} catch (err) {
  fail(err instanceof Error ? err.message : String(err));
}
const { values } = parsed;

if (values.help) {
  console.log(HELP);
  process.exit(0);
}

const port = number('port', values.port ?? process.env.PORT, (n) => Number.isInteger(n) && n >= 0 && n <= 65535) ?? DEFAULT_PORT;
const latency = number('latency', values.latency, (n) => Number.isInteger(n) && n >= 0);
const errorRate = number('error-rate', values['error-rate'], (n) => n >= 0 && n <= 1);
const delay = number('agent-delay', values['agent-delay'], (n) => Number.isInteger(n) && n >= 0);
const seed = number('seed', values.seed, (n) => Number.isInteger(n));
const mode = (values.agent ?? (values.canned ? 'canned' : undefined)) as AgentMode | undefined;
if (mode !== undefined && !['echo', 'canned', 'off'].includes(mode)) fail(`invalid --agent: ${mode} (echo, canned or off)`);
let faults: unknown;
if (values.faults !== undefined) {
  try {
    faults = JSON.parse(values.faults);
  } catch {
    fail(`invalid --faults: not JSON: ${values.faults}`);
  }
}
if (values.key !== undefined && !/^pk_[A-Za-z0-9_\-.]{2,200}$/.test(values.key)) fail(`invalid --key: ${values.key} (a publishable key starts with pk_)`);

const options: SandboxOptions = {
  port,
  host: values.host ?? '127.0.0.1',
  agent: {
    ...(mode ? { mode } : {}),
    ...(delay !== undefined ? { delay_ms: delay } : {}),
    ...(values.canned ? { canned: values.canned } : {}),
  },
  faults: {
    ...(latency !== undefined ? { latency_ms: latency } : {}),
    ...(errorRate !== undefined ? { error_rate: errorRate } : {}),
    ...(values['ignore-idempotency-key'] ? { ignore_idempotency_key: true } : {}),
  },
};
if (values['public-origin']) options.publicOrigin = values['public-origin'];
if (values.persist) options.persist = values.persist;
if (values.key) options.demoKey = values.key;
// Always seeded, so the banner can say how to replay a run's random faults.
options.seed = seed ?? Math.floor(Math.random() * 1_000_000);
if (!values.quiet) options.log = (line) => console.log(`  ${new Date().toISOString().slice(11, 23)} ${line}`);

let sandbox: RunningSandbox;
try {
  sandbox = await startSandbox(options);
} catch (err) {
  const e = err as NodeJS.ErrnoException;
  if (e.code === 'EADDRINUSE') {
    // One line, no usage: nothing is wrong with the command, only with the moment.
    console.error(`tickki-sandbox: port ${port} is in use; pick another with --port`);
    process.exit(2);
  }
  fail(e.message ?? String(err));
}
if (faults !== undefined) {
  try {
    sandbox.control.setFaults(faults);
  } catch (err) {
    await sandbox.close();
    fail(`invalid --faults: ${err instanceof Error ? err.message : String(err)}`);
  }
}

/** The fault knobs that differ from their defaults, as `name=value` (empty: no faults). */
function activeFaults(): string[] {
  const { http, realtime } = sandbox.control.faults();
  const active: string[] = [];
  const differing = (current: object, defaults: object, prefix: string) => {
    for (const [name, value] of Object.entries(current)) {
      const fallback = (defaults as Record<string, unknown>)[name];
      if (name === 'latency_ms' || name === 'ignore_idempotency_key' || JSON.stringify(value) === JSON.stringify(fallback)) continue;
      if (Array.isArray(value) && value.length === 0) continue;
      active.push(`${prefix}${name}=${Array.isArray(value) ? value.join(',') : String(value)}`);
    }
  };
  differing(http, noHttpFaults(), '');
  differing(realtime, DEFAULT_FAULTS, 'realtime.');
  return active;
}
const faultList = activeFaults();
const { latency_ms: latencyMs, ignore_idempotency_key: ignoresKey } = sandbox.control.faults().http;

console.log(`Tickki sandbox is running.

  Playground:     ${sandbox.origin}/      (open it in a browser: a demo page with the chat widget)
  Base URL:       ${sandbox.origin}      (give this to an SDK; it appends /api/v1)
  API:            ${sandbox.baseUrl}
  WebSocket:      ${sandbox.wsUrl}
  Demo key:       ${sandbox.demoKey}
  Agent console:  ${sandbox.agentConsoleUrl}
  Control API:    ${sandbox.origin}/_control/state
  Scripted agent: ${sandbox.store.agent.mode}, ${sandbox.store.agent.delay_ms} ms${options.persist ? `\n  State file:     ${options.persist}` : ''}
  Latency:        ${latencyMs ? `${latencyMs} ms added to every API answer` : 'none added'}
  Faults:         ${faultList.length ? `${faultList.join(', ')}  (clear: curl -X DELETE ${sandbox.origin}/_control/faults)` : 'none'}
  Idempotency-Key: ${ignoresKey ? 'ignored, as a server without the extension (a repeated send is stored again)' : 'honoured (--ignore-idempotency-key: behave like a server that ignores it)'}
  Seed:           ${options.seed}  (same seed, same requests → same faults: --seed ${options.seed})

  Try: curl -H 'Authorization: Bearer ${sandbox.demoKey}' ${sandbox.baseUrl}/chat/config

Press Ctrl+C to stop.`);

let stopping = false;
const stop = () => {
  if (stopping) process.exit(1);
  stopping = true;
  void sandbox.close().then(() => process.exit(0));
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
