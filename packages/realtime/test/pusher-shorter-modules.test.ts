/**
 * The modules `build/pusher-websocket-only.ts` swaps for shorter ones behave as pusher-js's own
 * (its sources, as published): the same script of binds, unbinds and emits, listeners that bind or
 * unbind others while an event is emitted included, gives the same calls in the same order; the
 * error classes are the same classes; the collection helpers give the same results (deep merges,
 * JSON of cyclic values, …); and `getConfig` gives the same config for a range of options, with its
 * authorizers built by the same modules from the same arguments. The protocol, connection,
 * handshake, transport strategy, channel table, timers, network monitor, URL scheme, defaults and the
 * helpers the build keeps of `Util` and `Factory` are held to pusher-js's own in a build of each:
 * module by module on many inputs (frames well-formed and garbled, every close code pusher-js tells
 * apart), and a whole Pusher of each driven by the same script (a scripted `WebSocket`, fake timers)
 * gives the same sockets, frames, states, events and log lines.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { runInNewContext } from 'node:vm';
import { rolldown, type Plugin, type RolldownLog } from 'rolldown';
import { afterAll, afterEach, describe, expect, it, vi } from 'vitest';
import { pusherDefines, pusherTypescript, pusherWebsocketOnly, SHORTER } from '../build/pusher-websocket-only.ts';

// loaded by path: the type check is not for pusher-js's sources nor the build's plain JS
const PUSHER_SRC = join(dirname(createRequire(import.meta.url).resolve('pusher-js/package.json')), 'src');
const PUSHER_CORE = join(PUSHER_SRC, 'core');
const load = (file: string) => import(/* @vite-ignore */ file) as Promise<Record<string, unknown>>;
const [{ default: OriginalDispatcher }, originalErrors, originalCollections, { default: ShorterDispatcher }, shorterErrors, shorterCollections] = await Promise.all([
  load(join(PUSHER_CORE, 'events/dispatcher.ts')),
  load(join(PUSHER_CORE, 'errors.ts')),
  load(join(PUSHER_CORE, 'utils/collections.ts')),
  load(new URL('../build/pusher-events.js', import.meta.url).pathname),
  load(new URL('../build/pusher-errors.js', import.meta.url).pathname),
  load(new URL('../build/pusher-collections.js', import.meta.url).pathname),
]);
type ErrorClass = new (...args: unknown[]) => Error;

type DispatcherClass = new (failThrough?: (event: string, data: unknown) => void) => {
  bind(event: string, callback: (...args: unknown[]) => void, context?: unknown): unknown;
  bind_global(callback: (event: string, data: unknown) => void): unknown;
  unbind(event?: string, callback?: (...args: unknown[]) => void, context?: unknown): unknown;
  unbind_global(callback?: (event: string, data: unknown) => void): unknown;
  unbind_all(): unknown;
  emit(event: string, data?: unknown, metadata?: unknown): unknown;
  callbacks: { get(name: string): { fn: unknown }[] | undefined };
};

/** Runs one script of calls on a dispatcher of `Dispatcher` and returns what its listeners saw, in order. */
function script(Dispatcher: DispatcherClass): unknown[] {
  const seen: unknown[] = [];
  const d = new Dispatcher((event, data) => seen.push(['failThrough', event, data]));
  const ctxA = { name: 'A' };
  const ctxB = { name: 'B' };
  const a = function (this: unknown, ...args: unknown[]) {
    seen.push(['a', this === globalThis ? 'global' : (this as { name: string }).name, ...args]);
  };
  const b = (...args: unknown[]) => seen.push(['b', ...args]);
  const global1 = (event: string, data: unknown) => seen.push(['g1', event, data]);
  const global2 = (event: string, data: unknown) => seen.push(['g2', event, data]);
  const late = (...args: unknown[]) => seen.push(['late', ...args]);
  const selfRemoving = (...args: unknown[]) => {
    seen.push(['self', ...args]);
    d.unbind('x', selfRemoving);
  };
  const adding = () => {
    seen.push(['adding']);
    d.bind('x', late);
  };
  const globalRemoving = (event: string) => {
    seen.push(['gr', event]);
    d.unbind_global(globalRemoving);
  };

  d.bind('x', a);
  d.bind('x', a, ctxA);
  d.bind('x', b, ctxB);
  d.bind('y', b);
  d.bind_global(global1);
  d.emit('x', { n: 1 });
  d.emit('x', 0); // falsy data: no argument
  d.emit('x', undefined, { user_id: 'u' }); // metadata: both arguments
  d.emit('nobody', 'here'); // no listener: failThrough
  seen.push(['get', d.callbacks.get('x')?.length, d.callbacks.get('nobody')]);
  d.unbind('x', undefined, ctxA); // by context
  d.emit('x', 2);
  d.unbind('x', a); // by callback
  d.emit('x', 3);
  d.unbind(undefined, b); // a callback under every name
  d.emit('x', 4);
  d.emit('y', 4);
  seen.push(['get', d.callbacks.get('x'), d.callbacks.get('y')]);
  d.bind('x', selfRemoving);
  d.bind('x', adding);
  d.bind('x', b);
  d.bind_global(globalRemoving);
  d.bind_global(global2);
  d.emit('x', 5); // unbinding and binding while emitting
  d.emit('x', 6);
  d.unbind('x'); // a whole name
  d.emit('x', 7);
  d.bind('z', b);
  d.unbind_global(global1);
  d.emit('z', 8);
  d.unbind_all();
  d.emit('z', 9);
  d.unbind_global();
  d.bind_global(global1);
  d.unbind_global();
  d.emit('z', 10);
  return seen;
}

describe('the shorter pusher-js modules of the websocket-only build', () => {
  it('dispatch as pusher-js’s own dispatcher and callback registry', () => {
    const original = script(OriginalDispatcher as unknown as DispatcherClass);
    expect(original.length).toBeGreaterThan(30);
    expect(script(ShorterDispatcher as unknown as DispatcherClass)).toEqual(original);
  });

  it('have the same error classes', () => {
    expect(Object.keys(shorterErrors).sort()).toEqual(Object.keys(originalErrors).sort());
    for (const name of Object.keys(originalErrors)) {
      const Original = originalErrors[name] as ErrorClass;
      const Shorter = shorterErrors[name] as ErrorClass;
      const args = name === 'HTTPAuthError' ? [401, 'nope'] : ['nope'];
      const [o, s] = [new Original(...args), new Shorter(...args)];
      expect(s).toBeInstanceOf(Shorter);
      expect(s).toBeInstanceOf(Error);
      expect({ ...s, message: s.message, name: s.name, ctor: s.constructor.name }).toEqual({ ...o, message: o.message, name: o.name, ctor: o.constructor.name });
    }
  });
});

type Fn = (...args: unknown[]) => unknown;
type Helpers = Record<'extend' | 'stringify' | 'objectApply' | 'keys' | 'values' | 'filterObject' | 'safeJSONStringify', Fn>;

/**
 * `value` made comparable by `toEqual`: what `markers` holds becomes its marker (the same object,
 * not a copy of it), a value met again on the way down `[cycle]`, a function `function` (or, built
 * by a test stub, what built it and from what), and an object that is not a plain one or an array
 * also names its prototype. Own enumerable properties only, in their order (`toEqual` does not
 * compare the order, so each object is an array of entries).
 */
function comparable(value: unknown, markers = new Map<unknown, string>(), seen = new Set<unknown>()): unknown {
  if (markers.has(value)) return markers.get(value);
  if (seen.has(value)) return '[cycle]';
  if (typeof value === 'function') {
    const { builtBy, args } = value as { builtBy?: string; args?: unknown[] };
    if (!builtBy) return 'function';
    seen.add(value);
    const built = { builtBy, args: comparable(args, markers, seen) };
    seen.delete(value);
    return built;
  }
  if (typeof value !== 'object' || value === null) return typeof value === 'symbol' ? value.toString() : value;
  seen.add(value);
  const proto = Object.getPrototypeOf(value) as object | null;
  const entries = Object.keys(value).map((key) => [key, comparable((value as Record<string, unknown>)[key], markers, seen)]);
  seen.delete(value);
  if (Array.isArray(value)) return { array: entries, length: value.length };
  return proto === Object.prototype ? entries : { proto: proto === null ? null : comparable(proto, markers, seen), entries };
}

/** `markers` with each object and function under `value` named by its path from `name`. */
function mark(value: unknown, name: string, markers = new Map<unknown, string>()): Map<unknown, string> {
  if ((typeof value === 'object' && value !== null) || typeof value === 'function') {
    if (markers.has(value)) return markers;
    markers.set(value, name);
    for (const key of Object.keys(value)) mark((value as Record<string, unknown>)[key], `${name}.${key}`, markers);
  }
  return markers;
}

/** What `run` returns, or the class and message of what it throws. */
function outcome(run: () => unknown): unknown {
  try {
    return { returned: run() };
  } catch (error) {
    return { threw: error instanceof Error ? [error.constructor.name, error.message] : error };
  }
}

class Point {
  constructor(
    public x = 1,
    public y = 2,
  ) {}
}

/** Inputs for the JSON helpers, made anew for each call: cyclic ones, and the values JSON treats apart. */
function jsonInputs(): unknown[] {
  const self: Record<string, unknown> = { name: 'self' };
  self.self = self;
  const root: Record<string, unknown> = { x: { y: { z: 1 } } };
  ((root.x as Record<string, unknown>).y as Record<string, unknown>).back = root.x;
  const shared = { s: 1 };
  const sharing: Record<string, unknown> = { one: shared, two: shared, list: [shared, [shared]] };
  sharing.me = sharing;
  const array: unknown[] = [1, 'a'];
  array.push(array, { array }, [array]);
  const sparse: unknown[] = [];
  sparse[1] = 1;
  sparse[3] = sparse;
  sparse.length = 6;
  const special: Record<string, unknown> = {
    big: 10n,
    symbol: Symbol('s'),
    fn: () => 1,
    fnWithToJSON: Object.assign(() => 1, { toJSON: () => 'fn' }),
    undef: undefined,
    nil: null,
    nan: NaN,
    negZero: -0,
    inf: -Infinity,
    date: new Date(0),
    map: new Map([[1, 2]]),
    set: new Set([1]),
    regexp: /x/g,
    error: new Error('e'),
    point: new Point(),
    boxed: [new String('ab'), new Number(1), new Boolean(false)],
    withToJSON: { toJSON: () => 'x', v: 1 },
    list: [10n, Symbol('t'), () => 1, undefined, null, NaN],
    typed: new Uint8Array([1, 2]),
  };
  special.self = special;
  const keys: Record<string, unknown> = { b: 1, 2: 'two', a: 2, 1: 'one', 'q"uote': 3, 'new\nline': 4, '': 5, '\u2028': 6 };
  keys[''] = keys;
  const inherited = Object.create({ inheritedValue: 1 }, { own: { value: 1, enumerable: true }, hidden: { value: 2, enumerable: false } }) as Record<string, unknown>;
  inherited.self = inherited;
  const protoKey = JSON.parse('{"__proto__": {"x": 1}, "y": 2}') as Record<string, unknown>;
  protoKey.self = protoKey;
  const nullProto = Object.create(null) as Record<string, unknown>;
  nullProto.self = nullProto;
  const proxied: unknown[] = [1];
  const proxy = new Proxy(proxied, {});
  proxied.push(proxy);
  const arrayLike = Object.assign(Object.create(Array.prototype) as object, { 0: 'a', length: 1 }) as Record<string, unknown>;
  arrayLike.self = arrayLike;
  const otherRealm = runInNewContext('[1, { two: 2 }]') as unknown[];
  otherRealm.push(otherRealm);
  const instance = new Point() as Point & { self?: unknown };
  instance.self = instance;
  const deep: Record<string, unknown> = {};
  deep.a = { b: { c: [{ d: deep }, { e: deep.a }] } };
  return [
    'text', '', 1, 0, -0, NaN, Infinity, true, false, null, undefined, () => 1, Symbol('s'), 10n,
    { a: 1, b: [1, 'b', null] }, [], {}, new Date(0), new Map([[1, 2]]), new Error('e'), { toJSON: () => 'j' }, new Point(),
    self, root, sharing, array, sparse, special, keys, inherited, protoKey, nullProto, proxy, arrayLike, otherRealm, instance, deep,
    { nested: { once: self, twice: self } },
    [self, self],
  ];
}

/** What the collection helpers of `C` give on a script of inputs, made anew for each call. */
function collectionsScript(C: Helpers): unknown[] {
  const seen: unknown[] = [];
  const record = (what: string, run: () => unknown, markers?: Map<unknown, string>) => seen.push([what, comparable(outcome(run), markers)]);

  // extend: own and inherited properties, plain objects merged deeply (into the target's own when it has one)
  const shared = { point: new Point(), array: [1, { a: 1 }], fn: () => 1, nullProto: Object.create(null) as object, date: new Date(0) };
  const jsonProto = () => JSON.parse('{"__proto__": {"polluted": true}, "constructor": {"c": 1}, "prototype": 3, "ok": 1, "sub": {"__proto__": {"polluted": true}, "constructor": 1, "fine": 1}}') as object;
  const inherited = () => Object.create({ inheritedPlain: { p: 1 }, inheritedValue: 1 }, { own: { value: 1, enumerable: true }, hidden: { value: 2, enumerable: false } }) as object;
  const plain = () => ({ keep: 2, nested: { b: 2, deep: { y: 2, list: shared.array } }, ...shared, n: null, u: undefined, z: 0, e: '', f: false, nan: NaN });
  const sourceLists = (): unknown[][] => [
    [],
    [plain()],
    [null, undefined, 5],
    ['ab'],
    [['x', { a: 1 }]],
    ['ab', ['x', { a: 1 }]], // a plain object merged into a string: throws
    [{ nested: { a: 3, deep: { x: 3 } } }, { nested: { c: 4 } }],
    [inherited()],
    [jsonProto()],
    [{ fakePlain: { constructor: Object, x: 1 }, notPlain: { constructor: Point, x: 1 }, ctorless: Object.assign(Object.create(null), { x: 1 }) }],
    [{ [Symbol('skipped')]: 1, replaced: { now: 'an object' } }], // merged into a number: throws
    [{ replaced: 'a string' }, { arr: { now: 'merged into the array' } }],
    [plain(), null, jsonProto(), inherited(), { nested: { a: 3, deep: { x: 3 } } }, 'ab', { arr: { 1: 'one' } }],
  ];
  const sharedMarkers = mark(shared, 'shared');
  for (const [i, sources] of sourceLists().entries()) {
    const target: Record<string, unknown> = { keep: 1, nested: { a: 1, deep: { x: 1 } }, arr: [1], replaced: 1 };
    const targetNested = target.nested;
    record(`extend ${i} returns its target`, () => C.extend(target, ...sources) === target);
    // what it left in the target, returned or thrown, and what it did not touch
    seen.push([comparable(target, sharedMarkers), target.nested === targetNested, Object.getPrototypeOf(target) === Object.prototype, 'polluted' in {}]);
  }
  record('extend into {}', () => C.extend({}, { a: { b: { c: 1 } } }, { a: { b: { d: 2 } } }));
  record('extend of an array target', () => C.extend([1, 2], { 0: 'zero', x: { y: 1 } }));
  record('extend deep into a number', () => C.extend({ n: 5 }, { n: { a: 1 } }));
  record('extend deep into a frozen object', () => C.extend({ o: Object.freeze({ a: 1 }) }, { o: { b: 1 } }));
  record('extend onto a getter', () => C.extend({ get g() { return 1; } }, { g: 2 }));
  record('extend with nothing', () => C.extend({ a: 1 }));

  // stringify and safeJSONStringify
  record('stringify()', () => C.stringify());
  for (const input of jsonInputs()) {
    record('safeJSONStringify', () => C.safeJSONStringify(input));
    record('stringify', () => C.stringify(input));
  }
  record('stringify of many', () => C.stringify('connecting', { a: 1 }, undefined, null, 10n, ...jsonInputs().slice(-3), 'done', Symbol('s'), () => 1));
  record('a getter that throws', () => C.safeJSONStringify({ get boom() { throw new Error('boom'); } }));
  const cyclicThrowing: Record<string, unknown> = { get boom() { throw new Error('boom'); } };
  cyclicThrowing.self = cyclicThrowing;
  record('a cyclic getter that throws', () => C.safeJSONStringify(cyclicThrowing));

  // objectApply, keys, values, filterObject: own enumerable properties, in their order
  const objects = () => [
    {},
    { a: 1, b: 2, c: null },
    { b: 1, 2: 'two', a: 2, 1: 'one', [Symbol('no')]: 3 },
    Object.create({ inheritedValue: 1 }, { own: { value: 1, enumerable: true }, hidden: { value: 2, enumerable: false } }),
    [1, , 3],
    'ab',
    new Point(),
    JSON.parse('{"__proto__": 1, "x": 0}'),
    { zero: 0, empty: '', no: false, nil: null, undef: undefined, nan: NaN, yes: true, one: 1, text: 't', obj: {} },
  ];
  for (const [i, object] of objects().entries()) {
    const markers = mark(object, `object${i}`);
    const calls: unknown[] = [];
    record(`objectApply ${i}`, () => C.objectApply(object, (...args: unknown[]) => calls.push(args)), markers);
    seen.push(comparable(calls, markers));
    if (typeof object === 'object') {
      record(`keys ${i}`, () => C.keys(object), markers);
      record(`values ${i}`, () => C.values(object), markers);
    }
    for (const test of [undefined, null, () => true, () => false, (value: unknown, key: string) => key < 'n' || value === 0]) {
      const tests: unknown[] = [];
      const recording = test && ((...args: unknown[]) => (tests.push(comparable([...args.slice(0, 3), { ...(args[3] as object) }], markers)), test(...(args as [unknown, string]))));
      record(`filterObject ${i}`, () => C.filterObject(object, recording), markers);
      seen.push(tests);
    }
  }
  for (const object of [null, undefined, 5]) {
    record('objectApply of a primitive', () => C.objectApply(object, () => seen.push('called')));
    record('filterObject of a primitive', () => C.filterObject(object, () => true));
  }
  const deleting: Record<string, number> = { a: 1, b: 2, c: 3 };
  const order: unknown[] = [];
  C.objectApply(deleting, (value: unknown, key: unknown) => {
    order.push([key, value]);
    if (key === 'a') delete deleting.c;
  });
  seen.push(['deleted while applied', order]);
  return seen;
}

describe('the shorter collection helpers', () => {
  it('are only helpers of pusher-js’s own', () => {
    expect(Object.keys(shorterCollections).filter((name) => !(name in originalCollections))).toEqual([]);
  });

  it('are every helper the build uses: it bundles without a warning (a missing one would be `undefined`)', async () => {
    const logs: RolldownLog[] = [];
    const build = await rolldown({
      input: new URL('../build/pusher-websocket-entry.js', import.meta.url).pathname,
      platform: 'browser',
      onLog: (_level, log) => void logs.push(log),
      plugins: [pusherWebsocketOnly()],
      transform: { define: pusherDefines, typescript: pusherTypescript },
    });
    await build.generate({ format: 'esm', codeSplitting: false });
    await build.close();
    expect(logs.map((log) => log.message)).toEqual([]);
  });

  it('give the results of pusher-js’s own', () => {
    const original = collectionsScript(originalCollections as Helpers);
    expect(original.length).toBeGreaterThan(150);
    expect(collectionsScript(shorterCollections as Helpers)).toEqual(original);
  });

  it('decycle as pusher-js does (a sample of what they give)', () => {
    const C = shorterCollections as Helpers;
    const self: Record<string, unknown> = { a: [1, { b: 2 }] };
    self.self = self;
    self.again = self.a;
    self.deep = { list: [self, self.a] };
    expect(C.safeJSONStringify(self)).toBe('{"a":[1,{"b":2}],"self":{"$ref":"$"},"again":{"$ref":"$[\\"a\\"]"},"deep":{"list":[{"$ref":"$"},{"$ref":"$[\\"a\\"]"}]}}');
    expect(C.stringify('state', { n: 1 }, self.a)).toBe('Pusher : state : {"n":1} : [1,{"b":2}]');
  });
});

const CONFIG_ENTRY = join(PUSHER_SRC, 'config-test-entry.js'); // under pusher-js's sources: its imports resolve as theirs
const AUTH_MODULES = /(?:^|\/)auth\/(user_authenticator|channel_authorizer|deprecated_channel_authorizer)$/;

interface Configs {
  original: (opts: object, pusher: object) => Record<string, unknown>;
  shorter: (opts: object, pusher: object) => Record<string, unknown>;
  runtime: { protocol: string; calls: number };
}

const tempDir = mkdtempSync(join(tmpdir(), 'pusher-config-test-'));
afterAll(() => rmSync(tempDir, { recursive: true, force: true }));

/**
 * pusher-js's `getConfig` and the shorter one, bundled together as the build bundles them (same
 * plugin, defines and `core/defaults`), with a runtime whose protocol the test sets. `stubAuth`: the
 * authenticator and authorizer modules are stubs that return a function naming how it was built
 * (else the build's stand-ins).
 */
async function bundleConfigs(stubAuth: boolean): Promise<Configs> {
  const test: Plugin = {
    name: 'config-test',
    resolveId(source) {
      if (source === CONFIG_ENTRY) return CONFIG_ENTRY;
      if (source === 'runtime') return '\0test-runtime';
      const auth = stubAuth && AUTH_MODULES.exec(source);
      return auth ? `\0test-auth:${auth[1]}` : null;
    },
    load(id) {
      if (id === CONFIG_ENTRY)
        return [
          "export { getConfig as shorter } from 'core/config';",
          `export { getConfig as original } from ${JSON.stringify(join(PUSHER_CORE, 'config.ts'))};`,
          "export { default as runtime } from 'runtime';",
        ].join('\n');
      if (id === '\0test-runtime') return "export default { protocol: 'http:', calls: 0, getProtocol() { this.calls++; return this.protocol; } };";
      if (!id.startsWith('\0test-auth:')) return null;
      const built = (builtBy: string) => `(...args) => Object.assign(() => {}, { builtBy: '${builtBy}', args })`;
      return {
        'user_authenticator': `export default ${built('UserAuthenticator')};`,
        'channel_authorizer': `export default ${built('ChannelAuthorizer')};`,
        'deprecated_channel_authorizer': `export const ChannelAuthorizerProxy = ${built('ChannelAuthorizerProxy')};`,
      }[id.slice('\0test-auth:'.length)];
    },
  };
  const logs: RolldownLog[] = [];
  const build = await rolldown({
    input: CONFIG_ENTRY,
    platform: 'node',
    onLog: (_level, log) => void logs.push(log),
    plugins: [test, pusherWebsocketOnly()],
    transform: { define: pusherDefines, typescript: pusherTypescript },
  });
  const { output } = await build.generate({ format: 'esm', codeSplitting: false });
  await build.close();
  expect(logs).toEqual([]);
  const file = join(tempDir, `configs-${stubAuth ? 'stubbed' : 'built'}.js`);
  writeFileSync(file, output[0].code);
  return (await load(file)) as unknown as Configs;
}

/** Option objects, made anew for each call: every field `getConfig` reads, alone and together. */
function optionSets(): Record<string, unknown>[] {
  const customHandler = () => {};
  const inherited = Object.create({ wsHost: 'proto.example.com', enableStats: true, forceTLS: false }) as Record<string, unknown>;
  inherited.cluster = 'eu';
  return [
    { cluster: 'eu' },
    { cluster: 'mt1', wsHost: 'ws.example.com', wsPort: 6001, wssPort: 6002, forceTLS: false },
    { cluster: 'mt1', wsHost: 'ws.example.com', wsPort: 6001, wssPort: 6002, forceTLS: true },
    { cluster: 'eu', forceTLS: undefined },
    { cluster: 'eu', forceTLS: 0 },
    { cluster: '' },
    { cluster: 0, httpHost: '' },
    { cluster: 'eu', httpHost: 'sockjs.example.com', httpPort: 8080, httpsPort: 8443, httpPath: '/p', wsPath: '/ws', statsHost: 'stats.example.com' },
    { cluster: 'eu', activityTimeout: 1000, pongTimeout: 2000, unavailableTimeout: 3000 },
    { cluster: 'eu', activityTimeout: 0, pongTimeout: null, wsPort: 0, wssPort: '', wsPath: '', httpPath: '', statsHost: undefined },
    { cluster: 'eu', enabledTransports: ['ws', 'wss'] },
    { cluster: 'eu', disabledTransports: ['xhr_streaming', 'sockjs'], enabledTransports: ['ws'] },
    { cluster: 'eu', enabledTransports: undefined, disabledTransports: null },
    { cluster: 'eu', disableStats: true },
    { cluster: 'eu', disableStats: false },
    { cluster: 'eu', disableStats: undefined },
    { cluster: 'eu', enableStats: true },
    { cluster: 'eu', enableStats: false, disableStats: false },
    { cluster: 'eu', enableStats: undefined, disableStats: true },
    { cluster: 'eu', enableStats: 'yes' },
    { cluster: 'eu', channelAuthorization: { customHandler } },
    { cluster: 'eu', channelAuthorization: { customHandler, endpoint: '/auth', transport: 'jsonp', params: { a: 1 }, headers: { h: 'v' } } },
    { cluster: 'eu', channelAuthorization: { endpoint: '/auth', transport: 'jsonp', params: { a: 1 }, headersProvider: () => ({}) } },
    { cluster: 'eu', channelAuthorization: { customHandler: null } },
    { cluster: 'eu', channelAuthorization: { customHandler: undefined, endpoint: '/auth' } },
    { cluster: 'eu', channelAuthorization: { customHandler: false } },
    { cluster: 'eu', channelAuthorization: undefined },
    { cluster: 'eu', channelAuthorization: null, authEndpoint: '/ignored' },
    { cluster: 'eu', userAuthentication: { customHandler } },
    { cluster: 'eu', userAuthentication: { endpoint: '/user-auth', transport: 'jsonp', params: { p: 1 }, headers: {} } },
    { cluster: 'eu', userAuthentication: { customHandler: null } },
    { cluster: 'eu', userAuthentication: undefined },
    { cluster: 'eu', authEndpoint: '/a', authTransport: 'jsonp' },
    { cluster: 'eu', auth: { params: { p: 1 }, headers: { h: 1 } } },
    { cluster: 'eu', auth: { params: undefined } },
    { cluster: 'eu', auth: { headers: undefined, params: null } },
    { cluster: 'eu', auth: Object.create({ headers: { inherited: 1 } }) },
    { cluster: 'eu', auth: {} },
    { cluster: 'eu', auth: null },
    { cluster: 'eu', auth: 'not an object' },
    { cluster: 'eu', authorizer: customHandler },
    { cluster: 'eu', authorizer: undefined, authEndpoint: '/a', auth: { headers: { h: 1 } } },
    { cluster: 'eu', channelAuthorization: { customHandler }, authorizer: () => {}, auth: { params: {} } },
    { cluster: 'eu', timelineParams: { a: 1 }, ignoreNullOrigin: true, nacl: {} },
    { cluster: 'eu', timelineParams: undefined, ignoreNullOrigin: false, nacl: undefined },
    inherited,
    {
      cluster: 'us2',
      forceTLS: true,
      enabledTransports: ['ws', 'wss'],
      disableStats: true,
      channelAuthorization: { customHandler, endpoint: '' },
      userAuthentication: { customHandler: () => {} },
      wsHost: 'reverb.example.com',
      wsPort: 8080,
      wssPort: 443,
      activityTimeout: 30000,
      ignoreNullOrigin: true,
    },
  ];
}

/** `config` made comparable: the options' own objects and functions named as in the options, the pusher as `pusher`. */
const comparableConfig = (config: unknown, opts: object, pusher: object) => comparable(config, mark(opts, 'opts', new Map([[pusher, 'pusher']])));

describe('the shorter getConfig', async () => {
  const stubbed = await bundleConfigs(true);
  const built = await bundleConfigs(false);

  it('gives the config of pusher-js’s own, field for field, its authorizers built from the same arguments', () => {
    let cases = 0;
    for (const protocol of ['http:', 'https:', 'file:']) {
      stubbed.runtime.protocol = protocol;
      const [originals, shorters] = [optionSets(), optionSets()];
      for (const [i, opts] of originals.entries()) {
        const pusher = { pusher: i };
        const original = outcome(() => stubbed.original(opts, pusher));
        const shorter = outcome(() => stubbed.shorter(shorters[i]!, pusher));
        expect(comparableConfig(shorter, shorters[i]!, pusher), `options ${i} on ${protocol}`).toEqual(comparableConfig(original, opts, pusher));
        cases++;
      }
    }
    expect(cases).toBeGreaterThan(120);
  });

  it('reads the protocol of the runtime once, as pusher-js’s own', () => {
    stubbed.runtime.protocol = 'https:';
    for (const getConfig of [stubbed.original, stubbed.shorter]) {
      stubbed.runtime.calls = 0;
      const config = getConfig({ cluster: 'eu', forceTLS: false }, {});
      expect([config.useTLS, stubbed.runtime.calls]).toEqual([true, 1]);
    }
  });

  it('gives the same config with the build’s authorizer stand-ins: custom handlers as given, the built-in ones and `authorizer` throwing alike', () => {
    for (const protocol of ['http:', 'https:']) {
      built.runtime.protocol = protocol;
      const [originals, shorters] = [optionSets(), optionSets()];
      for (const [i, opts] of originals.entries()) {
        const pusher = {};
        const original = outcome(() => built.original(opts, pusher));
        const shorter = outcome(() => built.shorter(shorters[i]!, pusher));
        expect(comparableConfig(shorter, shorters[i]!, pusher), `options ${i} on ${protocol}`).toEqual(comparableConfig(original, opts, pusher));
        if (!('returned' in (original as object))) continue;
        // a built-in authorizer throws when called, naming what this build leaves out
        const configs = [(original as { returned: Record<string, Fn> }).returned, (shorter as { returned: Record<string, Fn> }).returned];
        for (const name of ['userAuthenticator', 'channelAuthorizer'])
          if (typeof configs[0]![name] === 'function') expect(outcome(() => configs[1]![name]!({}, () => {}))).toEqual(outcome(() => configs[0]![name]!({}, () => {})));
      }
    }
    expect(outcome(() => built.shorter({ cluster: 'eu', authorizer: () => {} }, {}))).toEqual({
      threw: ['Error', 'pusher-js: the deprecated `authorizer` option is not part of this build'],
    });
  });
});

// ——— the connection, protocol, handshake, strategy, channel table, timers and the rest, side by side ———

/**
 * The SHORTER modules held here to pusher-js's own in a build of each (the same plugin, defines and
 * runtime): all but the stand-ins for what the build keeps no record of (`timeline`, `url_store`)
 * and the logger, whose lines are not pusher-js's (pusher-js's logs its level function's JSON and the
 * arguments as one array: `Pusher :  : ["State changed","connecting -> connected"]`).
 */
const HELD = Object.keys(SHORTER).filter((key) => !['core/timeline/timeline', 'core/utils/url_store', 'core/logger'].includes(key));
const INTERNALS_ENTRY = join(PUSHER_SRC, 'internals-test-entry.js'); // under pusher-js's sources: its imports resolve as theirs
const RUNTIME_FILE = fileURLToPath(new URL('../build/pusher-runtime.js', import.meta.url));

type Listener = (...args: any[]) => unknown;
type Instance = Record<string, any>;
type Class = new (...args: any[]) => Instance;
interface DispatcherLike {
  bind(event: string, callback: Listener): unknown;
  bind_global(callback: Listener): unknown;
  emit(event: string, data?: unknown): unknown;
  callbacks: { get(name: string): unknown[] | undefined };
}

/** What the tests drive of one build: its Pusher and the modules under it. */
interface Internals {
  Pusher: Class & { log?: (message: string) => void };
  Dispatcher: new () => DispatcherLike;
  protocol: Record<'decodeMessage' | 'encodeMessage' | 'processHandshake' | 'getCloseAction' | 'getCloseError', (arg: unknown) => unknown>;
  Connection: Class;
  Handshake: Class;
  OneOffTimer: Class;
  PeriodicTimer: Class;
  Util: Record<string, Listener>;
  Channels: Class;
  TransportStrategy: Class;
  Factory: Record<string, Listener>;
  NetInfo: new () => DispatcherLike & { isOnline(): unknown };
  Network: DispatcherLike & { isOnline(): unknown };
  initialize: (this: unknown) => void;
  URLSchemes: Record<string, Record<string, Listener>>;
  Defaults: Record<string, unknown>;
}

/** The file of pusher-js's that `source` names from `importer`, resolved as the build's plugin does; null for others. */
function pusherFile(source: string, importer: string): string | null {
  if (source.startsWith('.')) return join(dirname(importer), source);
  if (/^(core|runtimes)\//.test(source)) return join(PUSHER_SRC, source);
  if (/^(isomorphic|web|worker)\//.test(source)) return join(PUSHER_SRC, 'runtimes', source);
  return null;
}

/**
 * The build (`originals` false) or the build with pusher-js's own module for each of {@link HELD},
 * wherever it is imported, exporting what the tests drive. Each is loaded anew: its own Pusher,
 * runtime and network monitor (bound to the `window` of the moment).
 */
async function bundleInternals(originals: boolean): Promise<Internals> {
  const entry = [
    "export { default as Pusher } from 'core/pusher';",
    "export { default as Dispatcher } from 'core/events/dispatcher';",
    // pusher-js's `Protocol` object, the shorter module's functions
    `export ${originals ? '{ default as protocol }' : '* as protocol'} from 'core/connection/protocol/protocol';`,
    "export { default as Connection } from 'core/connection/connection';",
    "export { default as Handshake } from 'core/connection/handshake';",
    "export { OneOffTimer, PeriodicTimer } from 'core/utils/timers';",
    "export { default as Util } from 'core/util';",
    "export { default as Channels } from 'core/channels/channels';",
    "export { default as TransportStrategy } from 'core/strategies/transport_strategy';",
    "export { default as Factory } from 'core/utils/factory';",
    "export { NetInfo, Network } from 'runtimes/web/net_info';",
    "export { default as initialize } from 'runtimes/isomorphic/transports/transport_connection_initializer';",
    "export * as URLSchemes from 'core/transports/url_schemes';",
    "export { default as Defaults } from 'core/defaults';",
  ].join('\n');
  const test: Plugin = {
    name: 'internals-test',
    async resolveId(source, importer) {
      if (source === INTERNALS_ENTRY) return INTERNALS_ENTRY;
      if (!originals || !importer || !(importer.startsWith(PUSHER_SRC) || importer.startsWith('\0') || importer === RUNTIME_FILE)) return null;
      const file = pusherFile(source, importer);
      const key = file?.slice(PUSHER_SRC.length + 1).replace(/\.ts$/, '').replace(/\/index$/, '');
      // pusher-js's own file, as the build's plugin resolves a module it keeps
      return file && HELD.includes(key!) ? this.resolve(file, importer, { skipSelf: true }) : null;
    },
    load: (id) => (id === INTERNALS_ENTRY ? entry : null),
  };
  const logs: RolldownLog[] = [];
  const build = await rolldown({
    input: INTERNALS_ENTRY,
    platform: 'node',
    onLog: (_level, log) => void logs.push(log),
    plugins: [test, pusherWebsocketOnly()],
    transform: { define: pusherDefines, typescript: pusherTypescript },
  });
  const { output } = await build.generate({ format: 'esm', codeSplitting: false });
  await build.close();
  expect(logs.map((log) => log.message)).toEqual([]);
  const code = output[0].code;
  // the build with pusher-js's own modules holds them (and the other none of them)
  const originalsIn = HELD.filter((key) => [`${key}.ts`, `${key}/index.ts`].some((file) => code.includes(`// ${PUSHER_SRC}/${file}\n`) || code.includes(`pusher-js/src/${file}\n`)));
  expect(originalsIn).toEqual(originals ? HELD : []);
  const file = join(tempDir, `internals-${originals ? 'original' : 'shorter'}.js`);
  writeFileSync(file, code);
  return (await load(file)) as unknown as Internals;
}

/**
 * `value` made comparable by `toEqual`, strictly: objects as their entries in order (keys set to
 * undefined kept), errors as their class and message, functions as `function`, instances of other
 * classes as their class's name (`toEqual` would compare them by their fields alone).
 */
function snapshot(value: unknown, seen = new Set<unknown>()): unknown {
  if (typeof value === 'function') return 'function';
  if (typeof value === 'symbol' || typeof value === 'bigint') return `${typeof value} ${String(value)}`;
  if (typeof value === 'number' && !Number.isFinite(value)) return `number ${value}`;
  if (typeof value !== 'object' || value === null) return value;
  if (seen.has(value)) return '[cycle]';
  seen.add(value);
  try {
    const entries = () => Object.entries(value).map(([key, v]) => [key, snapshot(v, seen)]);
    if (value instanceof Error) return { error: value.constructor.name, message: value.message, entries: entries() };
    if (Array.isArray(value)) return { array: entries(), length: value.length };
    const proto = Object.getPrototypeOf(value) as object | null;
    if (proto !== null && proto !== Object.prototype && proto.constructor !== Object) return `[${(proto.constructor as { name?: string } | undefined)?.name}]`;
    return entries();
  } finally {
    seen.delete(value);
  }
}

/** What `run` returns or throws, made comparable. */
const attempt = (run: () => unknown): unknown => {
  try {
    return { returned: snapshot(run()) };
  } catch (error) {
    return { threw: snapshot(error) };
  }
};

const range = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, i) => from + i);

/** Close codes: every one about the ranges pusher-js tells apart, and what is not a number. */
const CLOSE_CODES: unknown[] = [
  ...range(995, 1016), 1500, 2000, 2999, 3000, 3500, ...range(3995, 4305), 4400, 4500, 4999, 5000, 65535, -1, 0,
  NaN, Infinity, -Infinity, 1001.5, 1002.5, 1004.5, 3999.5, 4000.5, 4099.5, 4199.5, 4299.5,
  undefined, null, true, false, '', 'x', '1000', '1002', '4000', '4050', '4100', '4200', '4300', [], [4000], [1, 2], {},
];
const closeEvents = (): unknown[] => [
  ...CLOSE_CODES.map((code) => ({ code, reason: 'reason', wasClean: false })),
  { code: 4001, reason: '', message: 'from message' },
  { code: 4101, message: 'message only' },
  { code: 4201, reason: 'reason wins', message: 'message' },
  { code: 1006, reason: 0, message: null },
  { code: 1000 },
  { code: 4100, reason: { nested: { object: true } } },
  // the handshake's result merges plain objects as pusher-js's `extend` does: these keys are left out of a copy
  JSON.parse('{"code": 4001, "message": {"__proto__": {"x": 1}, "constructor": 2, "kept": 3}}'),
  JSON.parse('{"code": 4001, "message": {"__proto__": {"x": 1}, "prototype": 2, "kept": {"constructor": {"c": 1}, "k": 1}}}'),
  {},
  Object.create({ code: 4100 }),
  undefined,
  null,
  'a string',
];

const established = (data: unknown = JSON.stringify({ socket_id: '123.456', activity_timeout: 30 })) => JSON.stringify({ event: 'pusher:connection_established', data });

/** Frames as a socket may give them: well-formed, garbled, and what is not even a string. */
const frames = (): unknown[] => [
  established(),
  established(JSON.stringify({ socket_id: '1.1', activity_timeout: 120 })),
  established({ socket_id: '2.2', activity_timeout: 5 }),
  established(JSON.stringify({ socket_id: '3.3', activity_timeout: '7' })),
  established(JSON.stringify({ socket_id: '4.4', activity_timeout: 0 })),
  established(JSON.stringify({ socket_id: '5.5' })),
  established(JSON.stringify({ activity_timeout: 1.5 })),
  established(JSON.stringify(null)),
  established('not json'),
  established(''),
  established(null),
  established(),
  ...[1000, 1001, 1002, 1003, 1006, 4000, 4001, 4099, 4100, 4199, 4200, 4299, 4300, 4500].map((code) => JSON.stringify({ event: 'pusher:error', data: { code, message: `error ${code}` } })),
  JSON.stringify({ event: 'pusher:error', data: JSON.stringify({ code: 4004, message: 'as JSON' }) }),
  JSON.stringify({ event: 'pusher:error', data: { message: 'no code' } }),
  '{"event":"pusher:error","data":{"code":4001,"message":{"__proto__":{"x":1},"prototype":2,"kept":3}}}',
  JSON.stringify({ event: 'pusher:error', data: null }),
  JSON.stringify({ event: 'pusher:error', data: 'text' }),
  JSON.stringify({ event: 'pusher:error' }),
  JSON.stringify({ event: 'pusher:ping', data: {} }),
  JSON.stringify({ event: 'pusher:pong', data: {} }),
  JSON.stringify({ event: 'pusher:ping' }),
  JSON.stringify({ event: 'client-x', channel: 'private-a', data: '{"a":1}', user_id: 'u1' }),
  JSON.stringify({ event: 'x', channel: 'c', data: '{"a":1}', user_id: 0 }),
  JSON.stringify({ event: 'x', channel: 'c', data: '{"a":1}', user_id: '' }),
  JSON.stringify({ event: 'x', data: '[1,"2"]' }),
  JSON.stringify({ event: 'x', data: '"string"' }),
  JSON.stringify({ event: 'x', data: ' 12 ' }),
  JSON.stringify({ event: 'x', data: 'true' }),
  JSON.stringify({ event: 'x', data: '{bad json' }),
  JSON.stringify({ event: 'x', data: '' }),
  JSON.stringify({ event: 'x', data: 5 }),
  JSON.stringify({ event: 'x', data: null }),
  JSON.stringify({ event: 'x', data: [1, { b: 2 }] }),
  JSON.stringify({ event: 'x', channel: 'c', data: { nested: '{"not":"parsed"}' }, extra: 1 }),
  JSON.stringify({ event: 'pusher_internal:subscription_succeeded', channel: 'private-a', data: '{}' }),
  JSON.stringify({ event: 1, channel: 2, data: 3, user_id: 4 }),
  '{"__proto__": {"event": "inherited"}, "data": "{\\"__proto__\\": 1}"}',
  '', 'x', '{', '{"event":', 'null', '1', '"s"', '[]', '[{"event":"x"}]', 'true', '{}', ' {"event":"spaced"} ',
  undefined, null, 5, {}, ['{"event":"in an array"}'],
];

describe('the shorter connection modules, side by side with pusher-js’s own (a build of each)', async () => {
  /** A `window` for the network monitors: a target of `online` and `offline` events. */
  class FakeWindow extends EventTarget {
    navigator: { onLine?: unknown } = { onLine: true };
  }
  const windows = [new FakeWindow(), new FakeWindow()] as const;
  vi.stubGlobal('window', windows[0]);
  const original = await bundleInternals(true);
  vi.stubGlobal('window', windows[1]);
  const shorter = await bundleInternals(false);
  vi.unstubAllGlobals();
  /** What `script` records with pusher-js's own modules, and with the shorter ones. */
  const sideBySide = (script: (I: Internals, record: (...entry: unknown[]) => void, window: FakeWindow) => void) =>
    [original, shorter].map((I, i) => {
      const seen: unknown[] = [];
      const record = (...entry: unknown[]) => void seen.push(entry.map((value) => snapshot(value)));
      I.Pusher.log = (message) => record('log', message);
      try {
        script(I, record, windows[i]!);
      } finally {
        delete I.Pusher.log;
      }
      return seen;
    });
  afterEach(() => {
    vi.useRealTimers();
    vi.unstubAllGlobals();
  });

  /** A transport connection for a connection or handshake: a dispatcher of the build's that records what is asked of it. */
  const fakeTransport = (I: Internals, record: (...entry: unknown[]) => void, supportsPing = false) =>
    Object.assign(new I.Dispatcher(), {
      activityTimeout: 5000,
      close: () => record('transport.close'),
      send: (data: unknown) => (record('transport.send', data), 'sent'),
      ping: () => record('transport.ping'),
      supportsPing: () => supportsPing,
      handlesActivityChecks: () => 'handles?',
    });
  const listenerCounts = (dispatcher: DispatcherLike) => ['message', 'closed', 'initialized', 'open', 'error', 'activity'].map((event) => dispatcher.callbacks.get(event)?.length ?? 0);

  it('protocol: decode frames, encode events, read handshakes and close codes as pusher-js', () => {
    const [o, s] = sideBySide(({ protocol: P }, record) => {
      for (const data of frames()) record('decode', data, attempt(() => P.decodeMessage({ data })));
      for (const event of [undefined, null, {}]) record('decode of no message event', attempt(() => P.decodeMessage(event)));
      for (const data of frames()) record('handshake', data, attempt(() => P.processHandshake({ data })));
      for (const event of closeEvents()) record('close', event, attempt(() => P.getCloseAction(event)), attempt(() => P.getCloseError(event)));
      const cyclic: Record<string, unknown> = { event: 'x' };
      cyclic.data = cyclic;
      for (const event of [{ event: 'x', data: { a: 1 } }, { event: 'x', channel: 'c', data: 's' }, { data: undefined }, {}, null, 'text', { event: 'x', data: 10n }, cyclic])
        record('encode', attempt(() => P.encodeMessage(event)));
    });
    expect(o!.length).toBeGreaterThan(500);
    expect(s).toEqual(o);
    // a sample of what they give
    const P = shorter.protocol;
    expect([4000, 4001, 4099, 4100, 4199, 4200, 4299, 4300, 1000, 1001, 1002, 1003, 1004, 1005, 1006].map((code) => P.getCloseAction({ code }))).toEqual([
      'tls_only', 'refused', 'refused', 'backoff', 'backoff', 'retry', 'retry', 'refused', null, null, 'backoff', 'backoff', 'backoff', null, null,
    ]);
  });

  it('handshake: the same result for each first frame or close, the transport closed and unbound alike', () => {
    const [o, s] = sideBySide((I, record) => {
      const handshake = (script: (transport: ReturnType<typeof fakeTransport>, handshake: Instance) => void) => {
        const transport = fakeTransport(I, record);
        const h = new I.Handshake(transport, (result: Record<string, any>) =>
          record('result', result, result.transport === transport, result.connection?.id, result.connection?.transport === transport, result.connection?.activityTimeout),
        );
        record('bound', listenerCounts(transport));
        record('outcome', attempt(() => script(transport, h)));
        record('left bound', listenerCounts(transport));
        // nothing more once finished
        transport.emit('message', { data: established() });
        transport.emit('closed', { code: 4100 });
      };
      for (const data of frames()) handshake((transport) => transport.emit('message', { data }));
      for (const event of closeEvents()) handshake((transport) => transport.emit('closed', event));
      handshake((transport) => transport.emit('message', undefined));
      handshake((_, h) => h.close());
      handshake((transport, h) => {
        transport.emit('error', { type: 'x' });
        h.close();
        h.close();
      });
    });
    expect(o!.length).toBeGreaterThan(1500);
    expect(s).toEqual(o);
  });

  it('connection: the same events, log lines, sends and close actions for each frame and close', () => {
    const [o, s] = sideBySide((I, record) => {
      const connection = (supportsPing: boolean, script: (transport: ReturnType<typeof fakeTransport>, connection: Instance) => void) => {
        const transport = fakeTransport(I, record, supportsPing);
        const c = new I.Connection('123.456', transport);
        c.bind_global((event: string, data: unknown) => record('emit', event, data));
        record('made', c.id, c.activityTimeout, c.transport === transport, listenerCounts(transport), c.handlesActivityChecks());
        record('outcome', attempt(() => script(transport, c)));
        record('after', c.transport === transport, c.transport === null, listenerCounts(transport));
      };
      connection(false, (transport, c) => {
        for (const data of frames()) transport.emit('message', { data });
        transport.emit('message', undefined);
      });
      connection(false, (transport, c) => {
        transport.emit('activity');
        transport.emit('error', { type: 'WebSocketError', error: 'e' });
        transport.emit('error');
        record(c.send('raw'), c.send_event('e', { a: 1 }), c.send_event('e', 'd', 'chan'), c.send_event('e', undefined, ''), c.send_event('e', 0, 'c'));
        c.ping();
        c.close();
      });
      connection(true, (_, c) => c.ping());
      for (const event of closeEvents()) connection(false, (transport) => transport.emit('closed', event));
      connection(false, (transport, c) => {
        transport.emit('closed', { code: 4200 });
        record('closed', attempt(() => c.send('after close')));
        transport.emit('message', { data: JSON.stringify({ event: 'x' }) });
      });
    });
    expect(o!.length).toBeGreaterThan(2000);
    expect(s).toEqual(o);
  });

  it('timers: one-off and periodic timers run, report and abort as pusher-js’s, clearing with the bare functions', () => {
    const [o, s] = sideBySide((I, record) => {
      vi.useFakeTimers({ now: 0 });
      const [fakeClearTimeout, fakeClearInterval] = [clearTimeout, clearInterval];
      vi.stubGlobal('clearTimeout', function (this: unknown, id: number) {
        record('clearTimeout', this === undefined || this === globalThis);
        fakeClearTimeout(id);
      });
      vi.stubGlobal('clearInterval', function (this: unknown, id: number) {
        record('clearInterval', this === undefined || this === globalThis);
        fakeClearInterval(id);
      });
      const state = (name: string, timer: Instance) => record(name, Date.now(), timer.isRunning(), timer.timer === null, timer instanceof I.OneOffTimer, timer instanceof I.PeriodicTimer);
      const once = new I.OneOffTimer(100, (...args: unknown[]) => record('once ran', Date.now(), args));
      state('once', once);
      vi.advanceTimersByTime(99);
      state('once', once);
      vi.advanceTimersByTime(1);
      state('once', once);
      once.ensureAborted();
      const aborted = new I.OneOffTimer(100, () => record('aborted ran'));
      aborted.ensureAborted();
      state('aborted', aborted);
      aborted.ensureAborted();
      vi.advanceTimersByTime(200);
      const periodic = new I.PeriodicTimer(100, (...args: unknown[]) => record('periodic ran', Date.now(), args));
      vi.advanceTimersByTime(350);
      state('periodic', periodic);
      periodic.ensureAborted();
      state('periodic', periodic);
      vi.advanceTimersByTime(500);
      // a periodic timer aborted by its own callback keeps its handle (pusher-js's returns it after the callback)
      const selfAborting: Instance = new I.PeriodicTimer(50, () => {
        record('self-aborting ran', Date.now());
        selfAborting.ensureAborted();
      });
      vi.advanceTimersByTime(120);
      state('self-aborting', selfAborting);
      selfAborting.ensureAborted();
      const zero = new I.OneOffTimer(0, () => record('zero ran', Date.now()));
      state('zero', zero);
      const deferred = I.Util.defer!((...args: unknown[]) => record('deferred ran', Date.now(), args)) as Instance;
      state('deferred', deferred);
      vi.advanceTimersByTime(0);
      state('deferred', deferred);
      const throwing = new I.OneOffTimer(10, () => {
        throw new Error('from the callback');
      });
      record('throwing', attempt(() => vi.advanceTimersByTime(10)));
      state('throwing', throwing);
    });
    expect(o!.length).toBeGreaterThan(20);
    expect(s).toEqual(o);
  });

  it('util: the shorter one has each helper the build calls (Util.defer alone), as factory has each maker', async () => {
    const logs: RolldownLog[] = [];
    const ids: string[] = [];
    const build = await rolldown({
      input: new URL('../build/pusher-websocket-entry.js', import.meta.url).pathname,
      platform: 'browser',
      onLog: (_level, log) => void logs.push(log),
      plugins: [pusherWebsocketOnly(), { name: 'ids', buildEnd() { ids.push(...this.getModuleIds()); } }],
      transform: { define: pusherDefines, typescript: pusherTypescript },
    });
    await build.generate({ format: 'esm', codeSplitting: false });
    await build.close();
    // pusher-js's modules in the build, and the build's own
    const sources = ids.map((id) => (id.startsWith('\0pusher-websocket-only:') ? SHORTER[id.slice('\0pusher-websocket-only:'.length)] ?? '' : readFileSync(id, 'utf8')));
    const called = (object: string) => new Set(sources.flatMap((source) => [...source.matchAll(new RegExp(`\\b${object}\\.(\\w+)`, 'g'))].map((match) => match[1]!)));
    expect([...called('Util')].sort()).toEqual(Object.keys(shorter.Util).sort());
    expect([...called('Factory')].sort()).toEqual(Object.keys(shorter.Factory).sort());
    for (const name of Object.keys(shorter.Util)) expect(typeof original.Util[name]).toBe('function');
    for (const name of Object.keys(shorter.Factory)) expect(typeof original.Factory[name]).toBe('function');
  });

  it('factory: the same classes made with the same arguments', () => {
    const [o, s] = sideBySide((I, record) => {
      const channels = I.Factory.createChannels!() as Instance;
      record(channels, channels.channels, channels instanceof I.Channels);
      const manager = I.Factory.createConnectionManager!('key', {
        getStrategy: (options: unknown) => (record('getStrategy', options), { isSupported: () => false }),
        timeline: { info: () => {}, error: () => {} },
        useTLS: true,
        activityTimeout: 1,
        pongTimeout: 2,
        unavailableTimeout: 3,
      }) as Instance;
      record(manager, manager.key, manager.state, manager.usingTLS);
      record('timeline sender', attempt(() => I.Factory.createTimelineSender!({}, {})));
    });
    expect(s).toEqual(o);
  });

  it('channel table: the same channels for each name, found, listed, removed and disconnected alike', () => {
    const names = ['a', 'private-a', 'presence-a', 'private-encrypted-a', '#a', '', 'private-', 'presence', 'a#', 'private-b', 'toString', 'constructor', '__proto__', 'hasOwnProperty'];
    const [o, s] = sideBySide((I, record) => {
      for (const nacl of [undefined, { nacl: true }]) {
        const pusher = { config: { nacl } };
        const table = new I.Channels();
        for (const name of [...names, 5, null]) {
          const added = attempt(() => table.add(name, pusher));
          const channel = table.find(name) as Instance | undefined;
          record('add', name, added, channel?.name, channel?.pusher === pusher, attempt(() => table.add(name, pusher) === channel));
        }
        record('all', table.all().map((channel: Instance) => [snapshot(channel), channel.name]));
        for (const channel of table.all() as Instance[]) channel.subscribed = channel.subscriptionPending = true;
        table.disconnect();
        record('disconnected', table.all().map((channel: Instance) => [channel.subscribed, channel.subscriptionPending]));
        record('remove', snapshot(table.remove('private-a')), table.remove('private-a'), table.find('private-a'), snapshot(table.remove('nothing')));
        record('table', Object.keys(table), Object.keys(table.channels));
      }
    });
    expect(o!.length).toBeGreaterThan(30);
    expect(s).toEqual(o);
  });

  it('transport strategy: the same attempts, handshakes, errors, aborts and priorities', () => {
    const [o, s] = sideBySide((I, record) => {
      vi.useFakeTimers({ now: 0 });
      const strategyOptions = { key: 'app-key', useTLS: false, timeline: {} };
      const transport = (supported: unknown, initializes = true) => {
        let connection: DispatcherLike & Instance;
        return {
          isSupported: (environment: unknown) => (record('isSupported', environment), supported),
          createConnection(name: string, priority: number, key: string, options: unknown) {
            record('createConnection', name, priority, key, options === strategyOptions);
            connection = Object.assign(new I.Dispatcher(), {
              initialize: () => (record('initialize'), initializes && connection.emit('initialized')),
              connect: () => record('connect'),
              close: () => record('close'),
            });
            return connection;
          },
          get connection() {
            return connection;
          },
        };
      };
      const callback = (error: unknown, result?: Record<string, unknown>) => record('callback', error, result, result?.action, (result?.connection as Instance | undefined)?.id);
      const attemptOn = (t: ReturnType<typeof transport>, minPriority: number, script: (runner: Instance, c: () => DispatcherLike) => void, options: unknown = strategyOptions) => {
        const strategy = new I.TransportStrategy('ws', 3, t, options);
        record('strategy', strategy.name, strategy.priority, strategy.options === options, snapshot(strategy.options), attempt(() => strategy.isSupported()));
        const runner = strategy.connect(minPriority, callback) as Instance;
        record('runner', Object.keys(runner));
        record('outcome', attempt(() => script(runner, () => t.connection)));
        vi.advanceTimersByTime(10);
        if (t.connection) record('listeners', listenerCounts(t.connection));
      };
      const open = (c: () => DispatcherLike) => c().emit('open');
      const message = (c: () => DispatcherLike, data: unknown) => c().emit('message', { data });
      attemptOn(transport(false), 0, (runner) => (runner.abort(), runner.forceMinPriority(10)));
      attemptOn(transport(0), 0, () => {});
      attemptOn(transport(true), 4, (runner) => runner.abort());
      attemptOn(transport(true), 3, () => {});
      attemptOn(transport(true), 0, (runner, c) => {
        open(c);
        message(c, established());
        runner.abort();
        runner.forceMinPriority(10);
      });
      for (const data of frames().slice(12, 20)) attemptOn(transport(true), 0, (_, c) => (open(c), message(c, data)));
      attemptOn(transport(true), 0, (_, c) => (open(c), message(c, 'garbled')));
      attemptOn(transport(true), 0, (_, c) => c().emit('error', { type: 'WebSocketError' }));
      attemptOn(transport(true), 0, (_, c) => c().emit('closed', { code: 1006 }));
      // closed after open: the strategy's listener and the handshake's (bound later) both run
      attemptOn(transport(true), 0, (_, c) => (open(c), c().emit('closed', { code: 4100, reason: 'over capacity' })));
      attemptOn(transport(true), 0, (_, c) => (open(c), c().emit('closed', { code: 1000 })));
      attemptOn(transport(true), 0, (runner) => runner.abort());
      attemptOn(transport(true), 0, (runner, c) => (open(c), runner.abort(), message(c, established())));
      attemptOn(transport(true), 0, (runner, c) => (runner.forceMinPriority(3), runner.forceMinPriority(4), open(c)));
      attemptOn(transport(true), 0, (runner, c) => (open(c), runner.forceMinPriority(2), runner.forceMinPriority(5)));
      attemptOn(transport(true, false), 0, (_, c) => (c().emit('initialized'), c().emit('initialized'), open(c), message(c, established())));
      attemptOn(transport(true), 0, () => {}, undefined);
    });
    expect(o!.length).toBeGreaterThan(200);
    expect(s).toEqual(o);
  });

  it('network monitor: the same events from the window, and the same answer to isOnline', () => {
    const [o, s] = sideBySide((I, record, window) => {
      I.Network.bind('online', (...args: unknown[]) => record('online', args));
      I.Network.bind('offline', (...args: unknown[]) => record('offline', args));
      window.dispatchEvent(new Event('offline'));
      window.dispatchEvent(new Event('online'));
      window.dispatchEvent(new Event('other'));
      record('is a dispatcher', I.Network instanceof I.Dispatcher, I.Network instanceof I.NetInfo);
      vi.stubGlobal('window', window);
      for (const onLine of [true, false, undefined, null, 0, 'yes']) {
        window.navigator.onLine = onLine;
        record('isOnline', onLine, attempt(() => I.Network.isOnline()));
      }
      window.navigator.onLine = true;
      const added: unknown[] = [];
      for (const stub of [undefined, {}, { addEventListener: undefined }, { addEventListener: (...args: unknown[]) => added.push(args.map((arg) => snapshot(arg))) }]) {
        vi.stubGlobal('window', stub);
        record('made', attempt(() => snapshot(new I.NetInfo())), added.splice(0));
      }
      vi.stubGlobal('window', { navigator: undefined });
      record('no navigator', attempt(() => I.Network.isOnline()));
    });
    expect(s).toEqual(o);
  });

  it('url scheme: the same socket URLs for any key and options', () => {
    const [o, s] = sideBySide(({ URLSchemes }, record) => {
      record('schemes', Object.keys(URLSchemes.ws!));
      for (const key of ['app-key', '', 'a b/c?d', 5, undefined])
        for (const params of [
          { useTLS: true, hostTLS: 'ws.example.com:443', hostNonTLS: 'ws.example.com:80', httpPath: '' },
          { useTLS: false, hostTLS: 'ws.example.com:443', hostNonTLS: 'ws.example.com:80', httpPath: '/path' },
          { useTLS: undefined, hostNonTLS: 'h:1' },
          { useTLS: 1, hostTLS: 'h:2', httpPath: 0 },
          { useTLS: '', hostNonTLS: 'h:3', httpPath: null },
          { httpPath: '/p/' },
          {},
        ])
          record('url', key, params, attempt(() => URLSchemes.ws!.getInitial!(key, params)));
    });
    expect(s).toEqual(o);
  });

  /** What a script drives of a Pusher of the build, with a scripted `WebSocket` and fake timers. */
  interface Driver {
    pusher(options?: object): Instance;
    socket(index?: number): { open(): void; frame(data: unknown): void; close(code: unknown, reason?: string, wasClean?: boolean): void; error(): void };
    establish(socketId?: string, activityTimeout?: number): void;
    subscribe(pusher: Instance, name: string): void;
    advance(ms: number): void;
    record(...entry: unknown[]): void;
    window: FakeWindow;
    /** whether `new WebSocket` throws */
    refuseSockets: boolean;
  }

  /**
   * What a script of connections, frames, closes, timers and channels does with a Pusher of each
   * build: its sockets (URLs, frames sent, closes), its connection's and its channels' events, its
   * global events, its authorizer's calls and its log lines, each at its time.
   */
  const drive = (script: (d: Driver) => void) =>
    sideBySide((I, record, window) => {
      vi.useFakeTimers({ now: 0 });
      const sockets: Instance[] = [];
      const pushers: Instance[] = [];
      const d: Driver = {
        record: (...entry) => record(Date.now(), ...entry),
        window,
        refuseSockets: false,
        pusher(options = {}) {
          const pusher = new I.Pusher('app-key', {
            cluster: 'eu',
            wsHost: 'ws.test',
            wsPort: 6001,
            wssPort: 6002,
            forceTLS: false,
            enabledTransports: ['ws', 'wss'],
            disableStats: true,
            channelAuthorization: {
              customHandler: (params: { channelName: string }, callback: Listener) => {
                d.record('authorize', params);
                setTimeout(() => (params.channelName.endsWith('-denied') ? callback(new Error('denied'), null) : callback(null, { auth: `auth:${params.channelName}` })), 20);
              },
            },
            ...options,
          });
          d.record('made', pusher.connection.state);
          pusher.connection.bind_global((event: string, data: unknown) => d.record('connection', event, data, pusher.connection.state, pusher.connection.socket_id));
          pusher.bind_global((event: string, data: unknown) => d.record('global', event, data));
          pushers.push(pusher);
          return pusher;
        },
        socket(index = sockets.length - 1) {
          const socket = sockets[index]!;
          const then = (run: () => unknown) => (d.record('socket outcome', attempt(run)), d.advance(1));
          return {
            open: () => then(() => socket.onopen?.()),
            frame: (data) => then(() => socket.onmessage?.({ data: typeof data === 'string' ? data : JSON.stringify(data) })),
            close: (code, reason = '', wasClean = false) => then(() => ((socket.closed = true), socket.onclose?.({ code, reason, wasClean }))),
            error: () => then(() => socket.onerror?.({ type: 'error' })),
          };
        },
        establish(socketId = '1.1', activityTimeout = 30) {
          d.socket().open();
          d.socket().frame(established(JSON.stringify({ socket_id: socketId, activity_timeout: activityTimeout })));
        },
        subscribe(pusher, name) {
          d.record(
            'subscribe',
            name,
            attempt(() => {
              const channel = pusher.subscribe(name);
              channel.bind_global((event: string, data: unknown) => d.record('channel', name, event, data));
              return [channel.name, channel.subscribed, channel.subscriptionPending];
            }),
          );
          d.advance(1);
        },
        advance: (ms) => vi.advanceTimersByTime(ms),
      };
      vi.stubGlobal(
        'WebSocket',
        class {
          onopen?: Listener;
          onclose?: Listener;
          onmessage?: Listener;
          onerror?: Listener;
          index = sockets.length;
          closed = false;
          constructor(url: string) {
            if (d.refuseSockets) throw new Error(`refused ${url}`);
            sockets.push(this);
            d.record('socket', this.index, url);
          }
          send(frame: string) {
            d.record('send', this.index, frame);
          }
          close(...args: unknown[]) {
            d.record('socket.close', this.index, args);
            if (this.closed) return;
            this.closed = true;
            setTimeout(() => this.onclose?.({ code: 1005, reason: '', wasClean: true }), 5);
          }
        },
      );
      d.record('script', attempt(() => script(d)));
      for (const pusher of pushers) pusher.disconnect();
      vi.advanceTimersByTime(100);
      d.record('end', sockets.length, pushers.map((pusher) => [pusher.connection.state, pusher.allChannels().map((channel: Instance) => [channel.name, channel.subscribed])]));
    });

  const channelEvent = (channel: string, event: string, data: unknown, extra = {}) => ({ event, channel, data: JSON.stringify(data), ...extra });

  it('pusher: connects, subscribes, receives, pings and reconnects alike', () => {
    const [o, s] = drive((d) => {
      const pusher = d.pusher();
      d.subscribe(pusher, 'private-chat');
      d.subscribe(pusher, 'public');
      d.establish('1.1', 30);
      d.advance(25);
      d.socket().frame(channelEvent('private-chat', 'pusher_internal:subscription_succeeded', {}));
      d.socket().frame(channelEvent('public', 'pusher_internal:subscription_succeeded', {}));
      d.socket().frame(channelEvent('private-chat', 'pusher_internal:subscription_count', { subscription_count: 3 }));
      d.socket().frame(channelEvent('private-chat', 'MessageCreated', { id: 1, body: 'hi' }));
      d.socket().frame(channelEvent('private-chat', 'client-typing', { typing: true }, { user_id: 'u1' }));
      d.socket().frame(channelEvent('nowhere', 'MessageCreated', { id: 2 }));
      d.socket().frame({ event: 'global-event', data: '{"g":1}' });
      d.socket().frame({ event: 'pusher:ping', data: {} });
      d.socket().frame({ event: 'pusher:pong', data: {} });
      d.record('trigger', attempt(() => pusher.channel('private-chat').trigger('client-typing', { a: 1 })), attempt(() => pusher.channel('private-chat').trigger('typing', {})));
      d.record('send_event', attempt(() => pusher.send_event('e', { x: 1 }, 'c')), attempt(() => pusher.send_event('e', 'text')));
      d.advance(29_000);
      d.advance(2_000); // the activity timeout: a ping
      d.socket().frame({ event: 'pusher:pong', data: {} });
      d.advance(30_000); // another ping
      d.advance(31_000); // no pong: a new socket
      d.establish('2.2', 120);
      d.advance(25);
      d.socket().frame(channelEvent('private-chat', 'pusher_internal:subscription_succeeded', {}));
      d.record('unsubscribe', attempt(() => pusher.unsubscribe('private-chat')), attempt(() => pusher.unsubscribe('nothing')));
      d.advance(60_000);
      d.socket().frame({ event: 'anything' }); // activity: the ping waits
      d.advance(90_000);
      d.record('channels', pusher.allChannels().map((channel: Instance) => channel.name));
      pusher.disconnect();
      d.advance(10);
      pusher.connect();
      d.establish('3.3', 10);
      d.advance(10);
    });
    expect(o!.length).toBeGreaterThan(80);
    expect(s).toEqual(o);
  });

  it('pusher: the same for each close code, before the handshake, in it (pusher:error) and after it', () => {
    const codes = [1000, 1001, 1002, 1003, 1004, 1005, 1006, 1011, 3000, 4000, 4001, 4009, 4099, 4100, 4150, 4199, 4200, 4201, 4299, 4300, 4301, 4500, 4999];
    for (const code of codes) {
      const scripts: ((d: Driver) => void)[] = [
        (d) => {
          d.pusher();
          d.socket().open();
          d.socket().close(code, `closed ${code}`);
          for (let i = 0; i < 8; i++) d.advance(5_000);
        },
        (d) => {
          d.pusher();
          d.socket().close(code, `closed ${code}`, true);
          d.advance(20_000);
        },
        (d) => {
          d.pusher();
          d.socket().open();
          d.socket().frame({ event: 'pusher:error', data: { code, message: `error ${code}` } });
          d.advance(1_000);
          d.socket().close(code);
          for (let i = 0; i < 8; i++) d.advance(5_000);
        },
        (d) => {
          const pusher = d.pusher();
          d.subscribe(pusher, 'private-chat');
          d.establish();
          d.advance(30);
          d.socket().frame({ event: 'pusher:error', data: { code, message: `after ${code}` } });
          d.socket().close(code, `closed ${code}`);
          d.advance(1_500);
          d.establish('9.9');
          d.advance(60_000);
        },
      ];
      for (const [i, script] of scripts.entries()) {
        const [o, s] = drive(script);
        expect(s, `close code ${code}, script ${i}`).toEqual(o);
      }
    }
  });

  it('pusher: the same for garbled frames, in the handshake and after it, and for socket errors', () => {
    for (const data of frames()) {
      const [o, s] = drive((d) => {
        const pusher = d.pusher();
        d.socket().open();
        d.socket().frame(data);
        d.advance(20_000);
        if (pusher.connection.state !== 'connected') d.establish();
        d.socket().frame(data);
        d.advance(1_000);
      });
      expect(s, `frame ${String(data)}`).toEqual(o);
    }
    const [o, s] = drive((d) => {
      d.pusher();
      d.socket().error();
      d.socket().close(1006);
      d.advance(15_000);
      d.socket().open();
      d.socket().error();
      d.socket().close(1006);
      d.advance(40_000);
      d.establish();
      d.socket().error();
      d.advance(1_000);
      d.refuseSockets = true;
      d.socket().close(1006);
      d.advance(70_000);
    });
    expect(s).toEqual(o);
  });

  it('pusher: the same with the network going offline and online, disconnects, and options', () => {
    const scripts: ((d: Driver) => void)[] = [
      (d) => {
        d.pusher();
        d.establish();
        d.window.dispatchEvent(new Event('offline')); // a ping, to see if the socket lives
        d.advance(31_000);
        d.window.dispatchEvent(new Event('online')); // connecting: at once
        d.advance(10);
        d.establish('2.2');
        d.window.dispatchEvent(new Event('online'));
        d.advance(10);
      },
      (d) => {
        const pusher = d.pusher({ unavailableTimeout: 2_000 });
        d.advance(3_000);
        d.window.dispatchEvent(new Event('online'));
        d.advance(10);
        pusher.disconnect();
        d.window.dispatchEvent(new Event('online'));
        d.advance(20_000);
        pusher.connect();
        pusher.connect();
        d.establish();
        pusher.disconnect();
        pusher.disconnect();
        d.advance(10);
      },
      (d) => {
        d.pusher({ forceTLS: true, wsPath: '/ws', activityTimeout: 5_000, pongTimeout: 1_000 });
        d.establish('1.1', 120);
        d.advance(5_000);
        d.advance(1_000);
        d.establish('1.2', 3);
        d.advance(3_500);
      },
      (d) => d.pusher({ enabledTransports: ['xhr_streaming'] }),
      (d) => d.pusher({ disabledTransports: ['ws'] }),
      (d) => d.pusher({ forceTLS: true, disabledTransports: ['ws'] }),
      (d) => {
        d.pusher({ wsHost: undefined, cluster: 'mt1', wsPort: undefined });
        d.socket().open();
        d.socket().close(4000); // TLS only: again over wss
        d.advance(10);
        d.establish();
      },
      (d) => {
        const pusher = d.pusher();
        d.establish();
        pusher.switchCluster({ appKey: 'other-key', cluster: 'us2' });
        d.advance(10);
        d.establish('4.4');
      },
    ];
    for (const [i, script] of scripts.entries()) {
      const [o, s] = drive(script);
      expect(s, `script ${i}`).toEqual(o);
    }
  });

  it('pusher: the same channels for each name, subscribed, cancelled, denied and unsubscribed alike', () => {
    const [o, s] = drive((d) => {
      const pusher = d.pusher();
      for (const name of ['private-a', 'public', 'presence-a', 'private-encrypted-a', '#a', '', 'private-denied', 'private-a']) d.subscribe(pusher, name);
      d.establish();
      d.advance(5);
      d.record('cancel', attempt(() => pusher.unsubscribe('private-a')));
      d.subscribe(pusher, 'private-a'); // reinstated
      d.record('cancel again', attempt(() => pusher.unsubscribe('private-a')));
      d.advance(30);
      d.socket().frame(channelEvent('private-a', 'pusher_internal:subscription_succeeded', {})); // cancelled: unsubscribes
      d.socket().frame(channelEvent('public', 'pusher_internal:subscription_succeeded', { some: 'data' }));
      d.socket().frame(channelEvent('public', 'pusher_internal:other', {}));
      d.socket().frame(channelEvent('public', 'pusher:subscription_error', { status: 403 }));
      d.socket().frame(channelEvent('private-denied', 'event-before-subscribed', {}));
      d.record('channels', pusher.allChannels().map((channel: Instance) => [channel.name, channel.subscribed, channel.subscriptionPending, channel.subscriptionCancelled]));
      d.socket().close(4200);
      d.advance(10);
      d.establish('2.2');
      d.advance(30);
      d.record('channels', pusher.allChannels().map((channel: Instance) => [channel.name, channel.subscribed, channel.subscriptionPending]));
      d.record('unsubscribe', attempt(() => pusher.unsubscribe('public')));
      d.subscribe(pusher, 'private-encrypted-b');
      const withNacl = d.pusher({ nacl: {} });
      d.subscribe(withNacl, 'private-encrypted-b');
    });
    expect(o!.length).toBeGreaterThan(50);
    expect(s).toEqual(o);
  });

  it('defaults: pusher-js’s, without the CDN settings', () => {
    const { cdn_http, cdn_https, dependency_suffix, ...kept } = original.Defaults;
    expect([cdn_http, cdn_https, dependency_suffix]).toEqual(['', '', '']);
    expect(snapshot(shorter.Defaults)).toEqual(snapshot(kept));
  });

  it('transport initializer: the same state, initialized or closed by the transport’s hooks', () => {
    const [o, s] = sideBySide((I, record) => {
      for (const isInitialized of [true, false, 1, 0]) {
        const transport = {
          name: 'ws',
          options: { useTLS: true },
          hooks: { isInitialized: () => isInitialized },
          changeState: (...args: unknown[]) => record('changeState', args),
          onClose: (...args: unknown[]) => record('onClose', args),
          // the timeline: pusher-js's tells it which transport, the shorter one nothing (this build's keeps nothing)
          timeline: { info() {} },
          buildTimelineMessage: (message: unknown) => message,
        };
        I.initialize.call(transport);
      }
    });
    expect(o!.length).toBe(4);
    expect(s).toEqual(o);
  });
});
