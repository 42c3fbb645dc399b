/**
 * Fan-out benchmark of the sandbox's Pusher server.
 *
 *   node bench/realtime-bench.ts [--sockets 5000] [--messages 200] [--interval 25] [--timeout 180]
 *
 * Runs on Node 24 as is (type stripping). The server runs in a child process (one core), the
 * N raw `ws` clients in this one (the other core), both on 127.0.0.1. Every client subscribes to
 * its own private channel and to one shared private channel. Then:
 *  1. `--messages` broadcasts on the shared channel, `--interval` ms apart: the latency from
 *     the server's `broadcast()` call to each client's receipt (process.hrtime is CLOCK_MONOTONIC,
 *     comparable across processes), p50/p99/max over every delivery, and per message the time
 *     until the last client had it;
 *  2. one broadcast on each client's own channel, all in one burst: per-delivery latency and
 *     the burst's duration;
 *  3. the floor: the same number of client sockets connect to a bare `ws` server (its own child
 *     process, one core, no protocol, no channels) that sends each message as one frame built
 *     once, and phase 1 runs again against it. Ours beside the floor, and their ratio, say how
 *     much the sandbox's Pusher server adds to what loopback websockets cost on this machine.
 * It reports the server's sockets, RSS and heap per socket (after GC, minus the idle baseline),
 * prints a JSON summary as the last line, and stops by itself (hard deadline `--timeout` s).
 */
import { fork, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { registerHooks } from 'node:module';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { WebSocket, WebSocketServer } from 'ws';

// Sources import each other as `./x.js` (NodeNext); under type stripping the files are `./x.ts`.
registerHooks({
  resolve(specifier, context, nextResolve) {
    try {
      return nextResolve(specifier, context);
    } catch (err) {
      if (specifier.startsWith('.') && specifier.endsWith('.js')) {
        return nextResolve(`${specifier.slice(0, -3)}.ts`, context);
      }
      throw err;
    }
  },
});
const { PusherServer, signChannel } = await import('../src/realtime/index.js');

const KEY = 'bench-key';
const SECRET = 'bench-secret';
const SHARED = 'private-bench.shared';
const own = (i: number): string => `private-bench.${i}`;

function arg(name: string, fallback: number): number {
  const i = process.argv.indexOf(`--${name}`);
  const v = i >= 0 ? Number(process.argv[i + 1]) : fallback;
  if (!Number.isFinite(v) || v < 0) throw new Error(`--${name} must be a number`);
  return v;
}

const nowNs = (): bigint => process.hrtime.bigint();

// ----------------------------------------------------------------------------- server side

type ToServer =
  | { type: 'mem' }
  | { type: 'shared'; count: number; intervalMs: number }
  | { type: 'unicast'; sockets: number }
  | { type: 'stats' }
  | { type: 'exit' };

interface Mem {
  rss: number;
  heapUsed: number;
  external: number;
}

async function runServer(): Promise<void> {
  const gc = (globalThis as { gc?: () => void }).gc;
  const http = createServer((_req, res) => res.writeHead(404).end());
  const realtime = new PusherServer({ appKey: KEY, appSecret: SECRET, activityTimeoutSeconds: 600 });
  realtime.attach(http);
  await new Promise<void>((resolve) => http.listen(0, '127.0.0.1', 4096, resolve));
  const sockets = (): number => Math.max(1, realtime.stats().connections);
  const send = (msg: unknown): void => {
    process.send?.(msg);
  };
  const mem = (): Mem => {
    gc?.();
    gc?.();
    const m = process.memoryUsage();
    return { rss: m.rss, heapUsed: m.heapUsed, external: m.external };
  };
  // Never outlive the benchmark, even if it crashes.
  process.on('disconnect', () => process.exit(0));
  process.on('message', async (raw: ToServer) => {
    switch (raw.type) {
      case 'mem':
        send({ type: 'mem', mem: mem() });
        break;
      case 'shared': {
        const loopMs: number[] = [];
        const cpu0 = process.cpuUsage();
        for (let seq = 0; seq < raw.count; seq++) {
          const t0 = nowNs();
          realtime.broadcast(SHARED, 'MessageCreated', { seq, t: t0.toString() });
          loopMs.push(Number(nowNs() - t0) / 1e6);
          await new Promise((r) => setTimeout(r, raw.intervalMs));
        }
        const cpu = process.cpuUsage(cpu0);
        send({
          type: 'shared',
          loopMs,
          // CPU of the whole phase (loops and idle gaps), per delivered frame.
          cpuUsPerFrame: { user: cpu.user / (raw.count * sockets()), system: cpu.system / (raw.count * sockets()) },
        });
        break;
      }
      case 'unicast': {
        const t0 = nowNs();
        let delivered = 0;
        for (let i = 0; i < raw.sockets; i++) {
          delivered += realtime.broadcast(own(i), 'MessageCreated', { seq: i, t: nowNs().toString() });
        }
        send({ type: 'unicast', burstMs: Number(nowNs() - t0) / 1e6, delivered });
        break;
      }
      case 'stats': {
        const { subscriptions: _omit, ...rest } = realtime.stats();
        send({ type: 'stats', stats: rest });
        break;
      }
      case 'exit':
        await realtime.close();
        http.close();
        process.exit(0);
    }
  });
  send({ type: 'ready', port: (http.address() as AddressInfo).port, idle: mem() });
}

/** The floor: a bare `ws` server that sends one frame, built once per message, to every socket. */
async function runFloorServer(): Promise<void> {
  const http = createServer((_req, res) => res.writeHead(404).end());
  const wss = new WebSocketServer({ server: http, perMessageDeflate: false });
  await new Promise<void>((resolve) => http.listen(0, '127.0.0.1', 4096, resolve));
  process.on('disconnect', () => process.exit(0));
  process.on('message', async (raw: ToServer) => {
    if (raw.type === 'shared') {
      const loopMs: number[] = [];
      for (let seq = 0; seq < raw.count; seq++) {
        const t0 = nowNs();
        // The same bytes a Pusher broadcast carries, framed once and handed to every socket.
        const frame = Buffer.from(JSON.stringify({ event: 'MessageCreated', channel: SHARED, data: JSON.stringify({ seq, t: t0.toString() }) }));
        for (const client of wss.clients) client.send(frame, { binary: false });
        loopMs.push(Number(nowNs() - t0) / 1e6);
        await new Promise((r) => setTimeout(r, raw.intervalMs));
      }
      process.send?.({ type: 'shared', loopMs, cpuUsPerFrame: { user: 0, system: 0 } });
    } else if (raw.type === 'exit') {
      for (const client of wss.clients) client.terminate();
      http.close();
      process.exit(0);
    }
  });
  process.send?.({ type: 'ready', port: (http.address() as AddressInfo).port });
}

// ----------------------------------------------------------------------------- client side

function percentile(sorted: Float64Array, p: number): number {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

const round = (x: number): number => Math.round(x * 100) / 100;

function summary(values: Float64Array): { p50: number; p99: number; max: number; n: number } {
  const s = values.slice().sort();
  return { p50: round(percentile(s, 50)), p99: round(percentile(s, 99)), max: round(s[s.length - 1] ?? NaN), n: s.length };
}

/** The `t` (hrtime ns) inside a broadcast frame's doubly escaped data, without a full parse. */
const T_FIELD = /\\"t\\":\\"(\d+)\\"/;
const SEQ_FIELD = /\\"seq\\":(\d+)/;

async function runClients(): Promise<void> {
  const sockets = arg('sockets', 5000);
  const messages = arg('messages', 200);
  const intervalMs = arg('interval', 25);
  const timeoutS = arg('timeout', 180);
  const started = Date.now();

  const child: ChildProcess = fork(fileURLToPath(import.meta.url), ['--server'], {
    execArgv: ['--expose-gc', '--max-old-space-size=2048'],
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  const deadline = setTimeout(() => {
    console.error(JSON.stringify({ bench: 'realtime', error: `deadline of ${timeoutS}s exceeded` }));
    child.kill('SIGKILL');
    process.exit(1);
  }, timeoutS * 1000);
  deadline.unref();

  const inbox: { type: string; [k: string]: unknown }[] = [];
  let wake: (() => void) | undefined;
  child.on('message', (m: { type: string }) => {
    inbox.push(m);
    wake?.();
  });
  child.on('exit', (code) => {
    if (code !== 0 && code !== null) console.error(`server exited with ${code}`);
  });
  async function reply<T>(type: string, request?: ToServer, to: ChildProcess = child): Promise<T> {
    if (request) to.send(request);
    for (;;) {
      const i = inbox.findIndex((m) => m.type === type);
      if (i >= 0) return inbox.splice(i, 1)[0] as T;
      await new Promise<void>((r) => (wake = r));
    }
  }

  const ready = await reply<{ port: number; idle: Mem }>('ready');
  const url = `ws://127.0.0.1:${ready.port}/app/${KEY}?protocol=7&client=bench&version=1`;

  // Latency samples: shared phase (messages × sockets) and unicast phase (sockets).
  const sharedLat = new Float64Array(messages * sockets);
  let sharedN = 0;
  const lastArrival = new Float64Array(messages); // latest receipt per message, ms after its send
  const unicastLat = new Float64Array(sockets);
  let unicastN = 0;
  let phase: 'setup' | 'shared' | 'unicast' = 'setup';
  let subscribed = 0;
  let errors = 0;
  const clients: WebSocket[] = [];

  function open(i: number): Promise<void> {
    return new Promise((resolve, reject) => {
      const ws = new WebSocket(url, { perMessageDeflate: false });
      clients.push(ws);
      let acks = 0;
      ws.on('error', (err) => {
        errors++;
        reject(err);
      });
      ws.on('message', (data) => {
        const at = nowNs();
        const text = data.toString();
        if (phase !== 'setup' && text.startsWith('{"event":"MessageCreated"')) {
          const t = T_FIELD.exec(text);
          if (!t) return;
          const ms = Number(at - BigInt(t[1]!)) / 1e6;
          if (phase === 'shared') {
            sharedLat[sharedN++] = ms;
            const seq = Number(SEQ_FIELD.exec(text)?.[1] ?? -1);
            if (seq >= 0 && ms > lastArrival[seq]!) lastArrival[seq] = ms;
          } else {
            unicastLat[unicastN++] = ms;
          }
          return;
        }
        const msg = JSON.parse(text) as { event: string; data?: string };
        if (msg.event === 'pusher:connection_established') {
          const socketId = (JSON.parse(msg.data!) as { socket_id: string }).socket_id;
          for (const channel of [own(i), SHARED]) {
            ws.send(
              JSON.stringify({
                event: 'pusher:subscribe',
                data: { channel, auth: `${KEY}:${signChannel(SECRET, socketId, channel)}` },
              }),
            );
          }
        } else if (msg.event === 'pusher_internal:subscription_succeeded') {
          if (++acks === 2) {
            subscribed++;
            resolve();
          }
        } else if (msg.event === 'pusher:ping') {
          ws.send('{"event":"pusher:pong","data":{}}');
        } else if (msg.event === 'pusher:error' || msg.event === 'pusher:subscription_error') {
          errors++;
          reject(new Error(text));
        }
      });
    });
  }

  const tConnect = Date.now();
  const concurrency = 200;
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(concurrency, sockets) }, async () => {
      while (next < sockets) await open(next++);
    }),
  );
  const connectMs = Date.now() - tConnect;
  console.log(`${subscribed} sockets connected and subscribed to 2 channels each in ${connectMs} ms`);

  const held = (await reply<{ mem: Mem }>('mem', { type: 'mem' })).mem;
  const perSocket = {
    rssBytes: Math.round((held.rss - ready.idle.rss) / sockets),
    heapBytes: Math.round((held.heapUsed - ready.idle.heapUsed) / sockets),
    externalBytes: Math.round((held.external - ready.idle.external) / sockets),
  };
  console.log(`server memory per socket: ${JSON.stringify(perSocket)}`);

  phase = 'shared';
  const sharedServer = await reply<{ loopMs: number[]; cpuUsPerFrame: { user: number; system: number } }>('shared', {
    type: 'shared',
    count: messages,
    intervalMs,
  });
  const waitUntil = Date.now() + 5000;
  while (sharedN < messages * sockets && Date.now() < waitUntil) await new Promise((r) => setTimeout(r, 10));
  const shared = {
    messages,
    intervalMs,
    expected: messages * sockets,
    delivered: sharedN,
    latencyMs: summary(sharedLat.subarray(0, sharedN)),
    lastClientMs: summary(lastArrival),
    serverLoopMs: summary(Float64Array.from(sharedServer.loopMs)),
    serverCpuUsPerFrame: { user: round(sharedServer.cpuUsPerFrame.user), system: round(sharedServer.cpuUsPerFrame.system) },
  };
  console.log(`shared channel: ${JSON.stringify(shared)}`);

  phase = 'unicast';
  const uni = await reply<{ burstMs: number; delivered: number }>('unicast', { type: 'unicast', sockets });
  const waitUni = Date.now() + 5000;
  while (unicastN < sockets && Date.now() < waitUni) await new Promise((r) => setTimeout(r, 10));
  const perChannel = {
    broadcasts: sockets,
    delivered: unicastN,
    serverBurstMs: round(uni.burstMs),
    broadcastsPerSecond: Math.round(sockets / (uni.burstMs / 1000)),
    latencyMs: summary(unicastLat.subarray(0, unicastN)),
  };
  console.log(`per-channel burst: ${JSON.stringify(perChannel)}`);

  const stats = (await reply<{ stats: Record<string, number> }>('stats', { type: 'stats' })).stats;
  child.send({ type: 'exit' } satisfies ToServer);
  for (const ws of clients) ws.terminate();
  await new Promise<void>((r) => child.once('exit', () => r()));

  // 3. The floor: the same number of sockets, a bare ws server, the same broadcasts.
  const floorChild: ChildProcess = fork(fileURLToPath(import.meta.url), ['--floor'], {
    execArgv: ['--max-old-space-size=2048'],
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  floorChild.on('message', (m: { type: string }) => {
    inbox.push(m);
    wake?.();
  });
  const floorReady = await reply<{ port: number }>('ready');
  const floorClients: WebSocket[] = [];
  const floorLat = new Float64Array(messages * sockets);
  let floorN = 0;
  const floorLast = new Float64Array(messages);
  const openFloor = () =>
    new Promise<void>((resolve, reject) => {
      const ws = new WebSocket(`ws://127.0.0.1:${floorReady.port}/`, { perMessageDeflate: false });
      floorClients.push(ws);
      ws.on('open', () => resolve());
      ws.on('error', reject);
      ws.on('message', (data) => {
        const at = nowNs();
        const text = data.toString();
        const t = T_FIELD.exec(text);
        if (!t) return;
        const ms = Number(at - BigInt(t[1]!)) / 1e6;
        floorLat[floorN++] = ms;
        const seq = Number(SEQ_FIELD.exec(text)?.[1] ?? -1);
        if (seq >= 0 && ms > floorLast[seq]!) floorLast[seq] = ms;
      });
    });
  let nextFloor = 0;
  await Promise.all(
    Array.from({ length: Math.min(concurrency, sockets) }, async () => {
      while (nextFloor < sockets) {
        nextFloor++;
        await openFloor();
      }
    }),
  );
  const floorServer = await reply<{ loopMs: number[] }>('shared', { type: 'shared', count: messages, intervalMs }, floorChild);
  const waitFloor = Date.now() + 5000;
  while (floorN < messages * sockets && Date.now() < waitFloor) await new Promise((r) => setTimeout(r, 10));
  floorChild.send({ type: 'exit' } satisfies ToServer);
  for (const ws of floorClients) ws.terminate();
  await new Promise<void>((r) => floorChild.once('exit', () => r()));
  clearTimeout(deadline);
  const floor = {
    server: 'bare ws, one frame built once per message',
    expected: messages * sockets,
    delivered: floorN,
    latencyMs: summary(floorLat.subarray(0, floorN)),
    lastClientMs: summary(floorLast),
    serverLoopMs: summary(Float64Array.from(floorServer.loopMs)),
  };
  const ratio = { p50: round(shared.latencyMs.p50 / floor.latencyMs.p50), p99: round(shared.latencyMs.p99 / floor.latencyMs.p99) };
  console.log(`floor (bare ws): ${JSON.stringify(floor)}`);

  const result = {
    bench: 'realtime',
    node: process.version,
    cpus: (await import('node:os')).availableParallelism(),
    fdLimit: fdLimit(),
    sockets,
    held: stats.connections,
    subscriptions: stats.subscriptionsTotal,
    connectMs,
    errors,
    memoryPerSocket: perSocket,
    serverRssMB: round(held.rss / 1048576),
    shared,
    perChannel,
    floor,
    ratioToFloor: ratio,
    garbledFrames: stats.garbledFrames,
    durationS: round((Date.now() - started) / 1000),
    target: {
      sockets: 5000,
      fanoutP99Ms: 50,
      met: sockets >= 5000 && shared.latencyMs.p99 < 50 && sharedN === messages * sockets,
      ratioToFloorP99: 1.2,
      ratioMet: ratio.p99 <= 1.2,
    },
  };
  const pad = (x: number | string, n = 9) => String(x).padStart(n);
  console.log(`
fan-out: ${sockets} sockets, ${messages} broadcasts ${intervalMs} ms apart, latency per delivery   p50 ms    p99 ms
  sandbox (Pusher protocol, private channel)                                    ${pad(shared.latencyMs.p50)} ${pad(shared.latencyMs.p99)}
  floor (bare ws, one prebuilt frame, same sockets count)                       ${pad(floor.latencyMs.p50)} ${pad(floor.latencyMs.p99)}
  ratio sandbox / floor                                                         ${pad(ratio.p50)} ${pad(ratio.p99)}   aim p99 ≤ 1.2: ${result.target.ratioMet ? 'met' : 'MISSED'}
  p99 target 50 ms: ${result.target.met ? 'met' : `MISSED (sandbox ${shared.latencyMs.p99} ms${floor.latencyMs.p99 >= 50 ? `; the floor itself is ${floor.latencyMs.p99} ms on this machine` : ''})`}`);
  console.log(JSON.stringify(result));
}

function fdLimit(): number | string {
  try {
    const line = readFileSync('/proc/self/limits', 'utf8')
      .split('\n')
      .find((l) => l.startsWith('Max open files'));
    return Number(line?.split(/\s+/)[3]);
  } catch {
    return 'unknown';
  }
}

if (process.argv.includes('--server')) await runServer();
else if (process.argv.includes('--floor')) await runFloorServer();
else await runClients();
