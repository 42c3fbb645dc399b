/**
 * The modules `build/pusher-websocket-only.ts` swaps for shorter ones behave as pusher-js's own
 * (its sources, as published): the same script of binds, unbinds and emits, listeners that bind or
 * unbind others while an event is emitted included, gives the same calls in the same order; the
 * error classes are the same classes; the collection helpers give the same results (deep merges,
 * JSON of cyclic values, …); and `getConfig` gives the same config for a range of options, with its
 * authorizers built by the same modules from the same arguments.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { runInNewContext } from 'node:vm';
import { rolldown, type Plugin, type RolldownLog } from 'rolldown';
import { afterAll, describe, expect, it } from 'vitest';
import { pusherDefines, pusherTypescript, pusherWebsocketOnly } from '../build/pusher-websocket-only.ts';

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
