/**
 * `useChatScreen` under a non-DOM renderer (react-test-renderer, as React Native runs it), in
 * StrictMode, against the real sandbox: one screen and one socket per mount, a changed `visitorId`
 * prop moves the live chat to that visitor, unmounting closes the socket, `logout` clears the device.
 */
import { StrictMode, createElement, type ReactNode } from 'react';
import { renderToString } from 'react-dom/server';
import TestRenderer, { act, type ReactTestRenderer } from 'react-test-renderer';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { memoryStorage, type StorageAdapter } from '@tickki/chat';
import { useChatScreen, type ChatScreenHandle, type UseChatScreenOptions } from '../src/index.js';
import { sandbox, sessionStarts, waitFor, type RunningSandbox } from './helpers.js';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

function Probe({ options, seen }: { options: UseChatScreenOptions; seen: { handle?: ChatScreenHandle; screens: Set<unknown> } }): ReactNode {
  const handle = useChatScreen(options);
  seen.handle = handle;
  seen.screens.add(handle.screen);
  return createElement('Text', null, `${handle.state.view.status} ${handle.state.view.messages.length}`);
}

describe('useChatScreen, against the sandbox', () => {
  let sb: RunningSandbox;
  let renderer: ReactTestRenderer | undefined;
  let storage: StorageAdapter;
  beforeAll(async () => {
    sb = await sandbox({ agent: { mode: 'off' } });
  });
  afterEach(async () => {
    await act(async () => renderer?.unmount());
    renderer = undefined;
    await waitFor(() => sb.control.realtimeStats().connections === 0, 'no socket left');
  });
  afterAll(async () => {
    await sb?.close();
  });

  const sockets = () => sb.control.realtimeStats().connections;
  const options = (more: Partial<UseChatScreenOptions> = {}): UseChatScreenOptions => ({
    publishableKey: sb.demoKey,
    baseUrl: sb.origin,
    storage,
    chat: { lifecycle: null, timeoutMs: 2000, retry: { retries: 3, baseMs: 10, maxMs: 50 } },
    ...more,
  });
  const element = (o: UseChatScreenOptions, seen: { handle?: ChatScreenHandle; screens: Set<unknown> }) =>
    createElement(StrictMode, null, createElement(Probe, { options: o, seen }));
  const until = async (check: () => unknown, what: string) => {
    await waitFor(check, what);
    await act(async () => undefined);
  };

  it('StrictMode mounts twice but keeps one screen, one session start and one socket; unmounting closes it', async () => {
    storage = memoryStorage();
    const starts = sessionStarts(sb);
    const seen = { screens: new Set<unknown>() } as { handle?: ChatScreenHandle; screens: Set<unknown> };
    await act(async () => void (renderer = TestRenderer.create(element(options({ visitorId: 'v_strict_screen' }), seen))));
    await until(() => seen.handle?.state.view.status === 'ready', 'ready');
    expect(sessionStarts(sb) - starts).toBe(1);
    expect(sockets()).toBe(1);
    expect(seen.screens.size).toBe(1);
    expect(renderer!.toJSON()).toMatchObject({ children: ['ready 0'] });
    expect(await seen.handle!.screen.send('one socket')).toBe(true);
    await act(async () => renderer!.unmount());
    renderer = undefined;
    await waitFor(() => sockets() === 0, 'the socket closed on unmount');
  });

  it('a changed visitorId prop moves the live chat to that visitor, with one socket', async () => {
    storage = memoryStorage();
    const seen = { screens: new Set<unknown>() } as { handle?: ChatScreenHandle; screens: Set<unknown> };
    await act(async () => void (renderer = TestRenderer.create(element(options(), seen)))); // anonymous
    await until(() => seen.handle?.state.view.status === 'ready', 'the anonymous session');
    const anonymous = seen.handle!.state.view.session!;
    expect(anonymous.visitorId).toMatch(/^v_/);
    const screen = seen.handle!.screen;

    await act(async () => renderer!.update(element(options({ visitorId: 'user_42', name: 'Dana' }), seen)));
    await until(() => seen.handle!.state.view.status === 'ready' && seen.handle!.state.view.session?.visitorId === 'user_42', "the user's session");
    expect(seen.handle!.screen).toBe(screen);
    expect(await seen.handle!.screen.send('logged in now')).toBe(true);
    const mine = seen.handle!.state.view.session!.conversationId;
    expect(mine).not.toBe(anonymous.conversationId);
    await waitFor(() => sb.control.messages(mine).length === 1, 'the message in the user’s conversation');
    expect(sb.control.messages(anonymous.conversationId)).toHaveLength(0);
    expect(sb.control.conversations().find((c) => c.id === mine)?.contact).toMatchObject({ name: 'Dana' });
    // the anonymous socket is dropped once its close handshake lands: wait for one, then check it stays one
    await waitFor(() => sockets() === 1, 'one socket (the anonymous one closed)');
    await new Promise((r) => setTimeout(r, 100));
    expect(sockets()).toBe(1);
  });

  it('logout clears the device; the open anonymous screen starts afresh as a new visitor', async () => {
    const data = new Map<string, string>();
    storage = { getItem: (k) => data.get(k) ?? null, setItem: (k, v) => void data.set(k, v), removeItem: (k) => void data.delete(k) };
    const seen = { screens: new Set<unknown>() } as { handle?: ChatScreenHandle; screens: Set<unknown> };
    await act(async () => void (renderer = TestRenderer.create(element(options({ name: 'Ada', email: 'ada@example.com' }), seen))));
    await until(() => seen.handle?.state.view.status === 'ready', 'ready');
    const before = seen.handle!.state.view.session!;
    await act(async () => void (await seen.handle!.screen.send('my private question')));
    // the kept messages are written a second after the send (later on a busy machine)
    await waitFor(() => [...data].some(([k, v]) => k.endsWith(':messages') && v.includes('my private question')), 'the kept messages written');
    await act(async () => seen.handle!.logout());
    const kept = [...data.entries()].filter(([k]) => !k.endsWith(':config'));
    expect(kept.map(([k, v]) => `${k}=${v}`).join('\n')).not.toMatch(/private question|"st_|ada@example.com/);
    await until(() => seen.handle!.state.view.status === 'ready', 'the next visitor’s session');
    expect(seen.handle!.state.view.session!.visitorId).not.toBe(before.visitorId);
    expect(seen.handle!.state.view.messages).toEqual([]);
  });

  it('a server render gives the empty state and makes no request', () => {
    storage = memoryStorage();
    const before = sb.control.requests().length;
    const seen = { screens: new Set<unknown>() } as { handle?: ChatScreenHandle; screens: Set<unknown> };
    expect(renderToString(createElement(Probe, { options: options({ visitorId: 'v_ssr' }), seen }))).toContain('idle 0');
    expect(sb.control.requests().length).toBe(before);
  });
});
