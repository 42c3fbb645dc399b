/**
 * Benchmarks of `@tickki/chat` (run after `npm run build`: `npm run bench`). Node 24 runs this file
 * directly (type stripping).
 *
 * 1. Merging 10,000 incoming messages into the store, against a naive baseline that de-duplicates by
 *    scanning the array (the Flutter client's way).
 * 2. `startSession()` → ready (subscribed + history loaded) with 50 ms of injected latency on every
 *    API answer, against a plain sequential integration of the same calls.
 * 3. Memory: what a store of 10,000 messages holds, and the heap left behind by chats started and
 *    disposed over and over, against the plain integration that disconnects pusher-js. The sandbox
 *    runs in a child process here, so that only the client's heap is measured.
 * 4. Round trips: a cold start and a resume (a session kept in storage) until ready, with 50 ms of
 *    latency per API answer, in round trips (time / 50 ms). The contract's floor for a cold start is
 *    2 (session, then channel authorization).
 * 5. Persisting at 10,000 messages held: the cost per incoming message of keeping the newest ones
 *    for the next start, against filtering the whole snapshot (the earlier way).
 * 6. Exactly once without the server's `Idempotency-Key`: what a send in doubt costs (its answer lost,
 *    with or without its echo), in requests and milliseconds, against a send answered at once, with
 *    50 ms of latency per API answer, the header ignored and the default retry policy.
 */
import { spawn } from 'node:child_process';
import { createTickkiClient, getConfig, listMessages, authorizeChannel, startSession, type Session } from '@tickki/chat-api';
import type { Message } from '@tickki/chat-realtime';
import PusherModule from 'pusher-js';
import { MessageStore, TickkiChat, memoryStorage } from '../dist/index.js';
import { KEEP, MessageCache } from '../dist/internal.js';
import { startSandbox } from '../../../apps/sandbox/dist/index.js';

const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[xs.length >> 1]!;
const fmt = (ms: number): string => `${ms.toFixed(2)} ms`;

// ---------------------------------------------------------------- 1. store merge

function incoming(n: number): Message[] {
  const t0 = Date.parse('2026-11-29T10:00:00Z');
  const all: Message[] = Array.from({ length: n }, (_, i) => ({
    id: i + 1,
    direction: i % 3 ? 'outbound' : 'inbound',
    type: 'text',
    content: `message ${i}`,
    createdAt: new Date(t0 + i * 1000),
    attachments: [],
    isFromAgent: i % 3 !== 0,
  }));
  // mostly in order, every 10th swapped with its neighbour, 10 % echoed twice
  const out = [...all];
  for (let i = 0; i + 1 < out.length; i += 10) [out[i], out[i + 1]] = [out[i + 1]!, out[i]!];
  for (let i = 0; i < n; i += 10) out.splice(i + 5, 0, all[i]!);
  return out;
}

function naiveMerge(messages: Message[]): readonly Message[] {
  const list: Message[] = [];
  for (const m of messages) {
    if (list.some((x) => x.id === m.id)) continue; // O(n) scan per message
    list.push(m);
  }
  return list.sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime() || a.id - b.id);
}

function storeMerge(messages: Message[]): readonly unknown[] {
  const store = new MessageStore();
  for (const m of messages) store.merge([m]); // one by one, as broadcasts arrive
  return store.snapshot();
}

function benchStore(runs = 21): void {
  const messages = incoming(10_000);
  const store: number[] = [];
  const naive: number[] = [];
  for (let r = 0; r < runs; r++) {
    let t = performance.now();
    const a = storeMerge(messages);
    store.push(performance.now() - t);
    t = performance.now();
    const b = naiveMerge(messages);
    naive.push(performance.now() - t);
    if (a.length !== 10_000 || b.length !== 10_000) throw new Error('wrong merge result');
  }
  console.log(`\n1. merge 10,000 incoming messages (${messages.length} events incl. duplicates and swaps), median of ${runs}`);
  console.log(`   MessageStore (Map + ordered insert): ${fmt(median(store))}`);
  console.log(`   naive array scan (Flutter-style):    ${fmt(median(naive))}`);
  console.log(`   ratio: ${(median(naive) / median(store)).toFixed(1)}× faster`);
}

// ---------------------------------------------------------------- 2. start → ready

type PusherCtor = new (key: string, options: Record<string, unknown>) => {
  subscribe(channel: string): { bind(event: string, fn: () => void): void };
  disconnect(): void;
};
const Pusher = ((PusherModule as unknown as { default?: PusherCtor }).default ?? PusherModule) as unknown as PusherCtor;

async function sequential(origin: string, key: string, visitorId: string): Promise<() => void> {
  let token: string | undefined;
  const client = createTickkiClient({ publishableKey: key, baseUrl: origin, sessionToken: () => token });
  await getConfig({ client, throwOnError: true });
  const { data } = await startSession({ client, body: { visitor_id: visitorId }, throwOnError: true });
  const session: Session = data.data;
  token = session.session_token;
  const rt = session.realtime;
  const pusher = new Pusher(rt.key, {
    cluster: 'x',
    wsHost: rt.host,
    wsPort: rt.port,
    forceTLS: false,
    enabledTransports: ['ws'],
    disableStats: true,
    channelAuthorization: {
      customHandler: (params: { socketId: string; channelName: string }, cb: (e: Error | null, a: { auth: string } | null) => void) => {
        authorizeChannel({ client, body: { socket_id: params.socketId, channel_name: params.channelName }, throwOnError: true }).then(
          (r) => cb(null, r.data),
          (e: Error) => cb(e, null),
        );
      },
    },
  });
  await new Promise<void>((resolve) => pusher.subscribe(rt.channel).bind('pusher:subscription_succeeded', resolve));
  await listMessages({ client, path: { conversation_id: session.conversation_id }, query: { limit: 50 }, throwOnError: true });
  return () => pusher.disconnect();
}

async function benchStart(runs = 11): Promise<void> {
  const sb = await startSandbox({ port: 0, agent: { mode: 'off' }, rateLimits: { per_key: null, per_session: null } });
  try {
    sb.control.setFaults({ http: { latency_ms: 50 } });
    const ours: number[] = [];
    const plain: number[] = [];
    for (let r = 0; r < runs + 1; r++) {
      const chat = new TickkiChat({ publishableKey: sb.demoKey, baseUrl: sb.origin, storage: memoryStorage(), lifecycle: null });
      let t = performance.now();
      const session = await chat.startSession({ visitorId: `v_bench_a_${r}` });
      await session.ready;
      const a = performance.now() - t;
      chat.dispose();
      t = performance.now();
      const stop = await sequential(sb.origin, sb.demoKey, `v_bench_b_${r}`);
      const b = performance.now() - t;
      stop();
      if (r > 0) {
        // the first run warms up the JIT and the connection pool
        ours.push(a);
        plain.push(b);
      }
    }
    console.log(`\n2. startSession() → ready (subscribed + history loaded), 50 ms latency per API answer, median of ${runs}`);
    console.log(`   @tickki/chat (parallel):                 ${fmt(median(ours))}`);
    console.log(`   sequential (config → session → pusher → auth → subscribe → history): ${fmt(median(plain))}`);
    console.log(`   ratio: ${(median(plain) / median(ours)).toFixed(2)}× faster`);
  } finally {
    await sb.close();
  }
}

// ---------------------------------------------------------------- 3. memory

/**
 * Heap in use after full collections. Between them the event loop turns, so that finalizers run
 * (Node's fetch frees each request's abort wiring from a FinalizationRegistry).
 */
async function heapUsed(): Promise<number> {
  const gc = (globalThis as { gc?: () => void }).gc!;
  for (let i = 0; i < 4; i++) {
    gc();
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  return process.memoryUsage().heapUsed;
}

/** A sandbox in a child process; resolves its origin and demo key, and a stop function. */
async function childSandbox(): Promise<{ origin: string; key: string; stop: () => void }> {
  const code = `const { startSandbox } = await import(${JSON.stringify(new URL('../../../apps/sandbox/dist/index.js', import.meta.url).href)});
const sb = await startSandbox({ port: 0, agent: { mode: 'off' }, rateLimits: { per_key: null, per_session: null } });
console.log(JSON.stringify({ origin: sb.origin, key: sb.demoKey }));`;
  const child = spawn(process.execPath, ['--input-type=module', '-e', code], { stdio: ['ignore', 'pipe', 'inherit'] });
  const line = await new Promise<string>((resolve, reject) => {
    child.stdout.once('data', (chunk: Buffer) => resolve(String(chunk)));
    child.once('exit', (status) => reject(new Error(`sandbox exited (${status})`)));
  });
  const { origin, key } = JSON.parse(line) as { origin: string; key: string };
  return { origin, key, stop: () => child.kill() };
}

async function benchMemory(cycles = 300): Promise<void> {
  if (!(globalThis as { gc?: unknown }).gc) {
    console.log('\n3. memory: skipped (run with node --expose-gc)');
    return;
  }
  const unique = incoming(10_000).filter((m, i, all) => all.findIndex((x) => x.id === m.id) === i);
  const before = await heapUsed();
  const store = new MessageStore();
  store.merge(unique);
  store.snapshot();
  const storeBytes = (await heapUsed()) - before;
  if (store.size !== 10_000) throw new Error('wrong store size');

  const sb = await childSandbox();
  try {
    const ours = async (): Promise<void> => {
      const chat = new TickkiChat({ publishableKey: sb.key, baseUrl: sb.origin, storage: memoryStorage(), lifecycle: null });
      await (await chat.startSession({ visitorId: 'v_bench_memory_a' })).ready;
      chat.dispose();
    };
    const plain = async (): Promise<void> => (await sequential(sb.origin, sb.key, 'v_bench_memory_b'))();
    const growth = async (run: () => Promise<void>): Promise<number> => {
      for (let i = 0; i < 100; i++) await run(); // warm-up: JIT, keep-alive sockets, caches
      await new Promise((r) => setTimeout(r, 200));
      const start = await heapUsed();
      for (let i = 0; i < cycles; i++) await run();
      await new Promise((r) => setTimeout(r, 200)); // closing sockets settle
      return ((await heapUsed()) - start) / cycles;
    };
    const a = await growth(ours);
    const b = await growth(plain);
    console.log(`\n3. memory (heap after full GC)`);
    console.log(`   MessageStore holding 10,000 messages: ${(storeBytes / 1024 / 1024).toFixed(2)} MB (${Math.round(storeBytes / 10_000)} B per message, its copies and both indexes included)`);
    console.log(`   heap left per chat started and disposed (${cycles} cycles):`);
    console.log(`     @tickki/chat (dispose):                       ${(a / 1024).toFixed(2)} KB`);
    console.log(`     plain pusher-js integration (disconnect):     ${(b / 1024).toFixed(2)} KB`);
  } finally {
    sb.stop();
  }
}

// ---------------------------------------------------------------- 4. round trips

async function benchRoundTrips(runs = 11, latencyMs = 50): Promise<void> {
  const sb = await startSandbox({ port: 0, agent: { mode: 'off' }, rateLimits: { per_key: null, per_session: null } });
  try {
    sb.control.setFaults({ http: { latency_ms: latencyMs } });
    const cold: number[] = [];
    const resume: number[] = [];
    for (let r = 0; r < runs + 1; r++) {
      const storage = memoryStorage();
      const visitorId = `v_bench_rt_${r}`;
      let chat = new TickkiChat({ publishableKey: sb.demoKey, baseUrl: sb.origin, storage, lifecycle: null });
      let t = performance.now();
      const first = await chat.startSession({ visitorId });
      await first.ready;
      const a = performance.now() - t;
      await first.send('hello'); // something to keep
      chat.dispose();
      await new Promise((resolve) => setTimeout(resolve, 50)); // the kept messages are written
      chat = new TickkiChat({ publishableKey: sb.demoKey, baseUrl: sb.origin, storage, lifecycle: null });
      t = performance.now();
      const again = await chat.startSession({ visitorId });
      await again.ready;
      const b = performance.now() - t;
      chat.dispose();
      if (r > 0) {
        cold.push(a);
        resume.push(b);
      }
    }
    const rt = (ms: number): string => (ms / latencyMs).toFixed(2);
    const line = (xs: number[]): string => `${fmt(median(xs))} = ${rt(median(xs))} round trips (best ${rt(Math.min(...xs))})`;
    console.log(`\n4. round trips until ready (${latencyMs} ms latency per API answer), median of ${runs}`);
    console.log(`   cold start (no kept session):  ${line(cold)}; the contract's floor is 2`);
    console.log(`   resume (session kept):         ${line(resume)}`);
  } finally {
    await sb.close();
  }
}

// ---------------------------------------------------------------- 5. persist cost

/** Per incoming message with `held` messages in the store: median over `batches` of `perBatch` messages each. */
async function persistCost(held: number, batches = 9, perBatch = 60): Promise<{ ours: number; whole: number }> {
  const base = incoming(held).filter((m, i, all) => all.findIndex((x) => x.id === m.id) === i);
  let id = held;
  const next = (): Message => ({ ...base[0]!, id: ++id, createdAt: new Date(Date.parse('2026-11-29T10:00:00Z') + id * 1000) });
  const storage = memoryStorage();
  // this package's cache: the newest KEEP, found walking back from the newest
  const store = new MessageStore();
  store.merge(base);
  const gap = {
    get syncedId() {
      return store.newestId;
    },
    cursor: null,
  };
  const cache = new MessageCache({ store, storage, key: 'k', gap });
  // the earlier way: a fresh snapshot of everything, filtered, then the newest KEEP
  const naive = new MessageStore();
  naive.merge(base);
  const ours: number[] = [];
  const whole: number[] = [];
  for (let b = 0; b < batches; b++) {
    let t = performance.now();
    for (let i = 0; i < perBatch; i++) {
      store.merge([next()]);
      await cache.save();
    }
    ours.push((performance.now() - t) / perBatch);
    t = performance.now();
    for (let i = 0; i < perBatch; i++) {
      naive.merge([next()]);
      const sent = naive.snapshot().filter((m) => m.status === 'sent');
      await storage.setItem('k2', JSON.stringify({ n: naive.newestId, m: sent.slice(-KEEP) }));
    }
    whole.push((performance.now() - t) / perBatch);
  }
  return { ours: median(ours), whole: median(whole) };
}

async function benchPersist(): Promise<void> {
  const us = (ms: number): string => `${(ms * 1000).toFixed(0)} µs`.padStart(8);
  await persistCost(1000, 3); // warm-up
  const small = await persistCost(1000);
  const large = await persistCost(10_000);
  console.log(`\n5. persisting the newest ${KEEP} messages after an incoming message (saved at once here; the session coalesces bursts), median of 9 batches`);
  console.log(`   held:                                        1,000     10,000`);
  console.log(`   MessageCache (walks back from the newest): ${us(small.ours)}  ${us(large.ours)}`);
  console.log(`   whole snapshot filtered (earlier):         ${us(small.whole)}  ${us(large.whole)}`);
  console.log(`   at 10,000 held: ${(large.whole / large.ours).toFixed(1)}× cheaper; growth from 1,000 to 10,000: ${(large.ours / small.ours).toFixed(2)}× (earlier ${(large.whole / small.whole).toFixed(2)}×)`);
}

// ---------------------------------------------------------------- 6. sends in doubt

async function benchInDoubt(sends = 15, latencyMs = 50): Promise<void> {
  const sb = await startSandbox({ port: 0, agent: { mode: 'off' }, rateLimits: { per_key: null, per_session: null } });
  try {
    const chat = new TickkiChat({ publishableKey: sb.demoKey, baseUrl: sb.origin, lifecycle: null });
    const session = await chat.startSession({ visitorId: 'v_bench_doubt' });
    await session.ready;
    await new Promise((resolve) => setTimeout(resolve, 200)); // the fill after the first subscription
    const scenarios = [
      ['answered at once', {}],
      ['answer lost, echo delivered', { drop_response_next: 1 }],
      ['answer and echo lost', { drop_response_next: 1, silent_store_next: 1 }],
    ] as const;
    const results: { name: string; ms: number; sends: number; lists: number }[] = [];
    for (const [name, fault] of scenarios) {
      const times: number[] = [];
      const count = (op: string): number => sb.control.requests().filter((r) => r.operation === op).length;
      const [sends0, lists0] = [count('sendMessage'), count('listMessages')];
      for (let i = 0; i < sends; i++) {
        sb.control.setFaults({ http: { latency_ms: latencyMs, ignore_idempotency_key: true, ...fault, operations: ['sendMessage', 'listMessages'] } });
        const t = performance.now();
        const m = await session.send(`${name} ${i}`);
        times.push(performance.now() - t);
        if (m.status !== 'sent') throw new Error(`${name}: ${m.status}`);
      }
      results.push({ name, ms: median(times), sends: (count('sendMessage') - sends0) / sends, lists: (count('listMessages') - lists0) / sends });
    }
    const stored = sb.control.messages(session.conversationId).length;
    chat.dispose();
    const happy = results[0]!;
    console.log(`\n6. a send in doubt (${latencyMs} ms latency per API answer, Idempotency-Key ignored, default retry policy), median of ${sends} sends each`);
    for (const r of results)
      console.log(`   ${`${r.name}:`.padEnd(30)} ${fmt(r.ms).padStart(10)} (${(r.ms / happy.ms).toFixed(2)}× answered)  ${r.sends.toFixed(2)} sendMessage + ${r.lists.toFixed(2)} listMessages per send`);
    console.log(`   extra requests on the happy path: ${(happy.sends - 1 + happy.lists).toFixed(2)} per send; messages stored: ${stored} for ${sends * scenarios.length} sends`);
  } finally {
    await sb.close();
  }
}

benchStore();
await benchInDoubt();
await benchStart();
await benchMemory();
await benchRoundTrips();
await benchPersist();
