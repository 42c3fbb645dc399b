/**
 * The modules `build/pusher-websocket-only.ts` swaps for shorter ones behave as pusher-js's own
 * (its sources, as published): the same script of binds, unbinds and emits, listeners that bind or
 * unbind others while an event is emitted included, gives the same calls in the same order; the
 * error classes are the same classes.
 */
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';

// loaded by path: the type check is not for pusher-js's sources nor the build's plain JS
const PUSHER_CORE = join(dirname(createRequire(import.meta.url).resolve('pusher-js/package.json')), 'src/core');
const load = (file: string) => import(/* @vite-ignore */ file) as Promise<Record<string, unknown>>;
const [{ default: OriginalDispatcher }, originalErrors, { default: ShorterDispatcher }, shorterErrors] = await Promise.all([
  load(join(PUSHER_CORE, 'events/dispatcher.ts')),
  load(join(PUSHER_CORE, 'errors.ts')),
  load(new URL('../build/pusher-events.js', import.meta.url).pathname),
  load(new URL('../build/pusher-errors.js', import.meta.url).pathname),
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
