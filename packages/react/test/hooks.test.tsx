/**
 * The hooks under a non-DOM renderer (react-test-renderer, as React Native runs them) in Node,
 * against the real sandbox: StrictMode double mounts, sending, agent replies and typing, the
 * connection state through a dropped socket, dispose on unmount, and a server render.
 */
import { StrictMode, createElement, type ReactNode } from 'react';
import { renderToString } from 'react-dom/server';
import TestRenderer, { act, type ReactTestRenderer } from 'react-test-renderer';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { ChatSession } from '@tickki/chat';
import {
  ChatController,
  TickkiChatProvider,
  useAgentTyping,
  useChatConfig,
  useChatSession,
  useConnectionState,
  useMessages,
  useSyncState,
  type ChatSessionState,
} from '../src/index.js';
import { sandbox, sessionStarts, waitFor, type RunningSandbox } from './helpers.js';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

interface Seen {
  state?: ChatSessionState;
  messages: readonly { content: string; status: string; isFromAgent: boolean }[];
  connection?: string;
  /** Every connection state a render showed, in order (a short `reconnecting` is caught where it renders, not sampled). */
  connections?: string[];
  sync?: string;
  typing?: string | undefined;
  business?: string | undefined;
  renders: number;
}

function Probe({ visitorId, seen }: { visitorId: string; seen: Seen }): ReactNode {
  seen.state = useChatSession({ visitorId });
  seen.messages = useMessages();
  seen.connection = useConnectionState();
  if (seen.connections && seen.connections.at(-1) !== seen.connection) seen.connections.push(seen.connection);
  seen.sync = useSyncState().status;
  const typing = useAgentTyping();
  seen.typing = typing ? (typing.agentName ?? '?') : undefined;
  seen.business = useChatConfig()?.business.name;
  seen.renders++;
  return createElement('Text', null, `${seen.messages.length} messages`);
}

describe('hooks under a non-DOM renderer, against the sandbox', () => {
  let sb: RunningSandbox;
  let renderer: ReactTestRenderer | undefined;
  beforeAll(async () => {
    sb = await sandbox({ agent: { mode: 'echo', delay_ms: 0, typing: false }, config: { business: { name: 'Acme Support' } } });
  });
  afterEach(async () => {
    await act(async () => renderer?.unmount());
    renderer = undefined;
  });
  afterAll(async () => {
    await sb?.close();
  });

  const options = () => ({ publishableKey: sb.demoKey, baseUrl: sb.origin, lifecycle: null, timeoutMs: 2000, retry: { retries: 12, baseMs: 10, maxMs: 200 } });

  const mount = async (visitorId: string, seen: Seen) => {
    await act(async () => {
      renderer = TestRenderer.create(
        createElement(StrictMode, null, createElement(TickkiChatProvider, { ...options(), children: createElement(Probe, { visitorId, seen }) })),
      );
    });
  };

  /** Waits (outside act, letting React flush) until `check` holds. */
  const until = async (check: () => unknown, what: string) => {
    await waitFor(check, what);
    await act(async () => undefined);
  };

  it('StrictMode mounts twice but starts one session and one socket; send, reply, config', async () => {
    const starts = sessionStarts(sb);
    const seen: Seen = { messages: [], renders: 0 };
    await mount('v_strict', seen);
    await until(() => seen.state?.status === 'ready', 'ready');
    expect(sessionStarts(sb) - starts).toBe(1);
    expect(sb.control.realtimeStats().connections).toBe(1);
    expect(seen.connection).toBe('connected');
    await until(() => seen.sync === 'synced', 'synced');
    expect(seen.business).toBe('Acme Support');

    const session = seen.state!.session as ChatSession;
    await act(async () => void session.send('Hello from the hooks'));
    await until(() => seen.messages.some((m) => m.isFromAgent && m.content.includes('Hello from the hooks')), 'echo reply');
    expect(seen.messages.map((m) => [m.content.startsWith('Hello') ? 'visitor' : 'agent', m.status])).toEqual([
      ['visitor', 'sent'],
      ['agent', 'sent'],
    ]);
    expect(renderer!.toJSON()).toMatchObject({ type: 'Text', children: ['2 messages'] });
  });

  it('shows the agent typing, clears it on the reply, and follows the connection through a dropped socket', async () => {
    const seen: Seen = { messages: [], renders: 0 };
    await mount('v_typing', seen);
    await until(() => seen.state?.status === 'ready', 'ready');
    const conversationId = seen.state!.session!.conversationId;
    await act(async () => sb.control.agentTyping(conversationId, true, 'Ana'));
    await until(() => seen.typing === 'Ana', 'typing shown');
    await act(async () => void sb.control.reply(conversationId, 'Here to help', 'Ana'));
    await until(() => seen.messages.some((m) => m.content === 'Here to help'), 'reply');
    expect(seen.typing).toBeUndefined();

    const states = (seen.connections = [seen.connection!]);
    await act(async () => void sb.control.dropConnections());
    await until(() => states.includes('reconnecting') && seen.connection === 'connected', 'reconnected');
    expect(states[0]).toBe('connected');
    expect(states).toContain('reconnecting');
  });

  it('unmounting disposes the chat: no socket is left', async () => {
    const seen: Seen = { messages: [], renders: 0 };
    await mount('v_unmount', seen);
    await until(() => seen.state?.status === 'ready', 'ready');
    expect(sb.control.realtimeStats().connections).toBeGreaterThan(0);
    await act(async () => renderer!.unmount());
    renderer = undefined;
    await waitFor(() => sb.control.realtimeStats().connections === 0, 'sockets closed');
  });

  it('a server render gives the empty state and makes no request', () => {
    const before = sb.control.requests().length;
    const seen: Seen = { messages: [], renders: 0 };
    const html = renderToString(createElement(TickkiChatProvider, { ...options(), children: createElement(Probe, { visitorId: 'v_ssr', seen }) }));
    expect(html).toContain('0 messages');
    expect(seen.state?.status).toBe('idle');
    expect(seen.connection).toBe('idle');
    expect(sb.control.requests().length).toBe(before);
  });

  it('hooks outside a provider say so', () => {
    const seen: Seen = { messages: [], renders: 0 };
    expect(() => renderToString(createElement(Probe, { visitorId: 'x', seen }))).toThrow(/inside <TickkiChatProvider>/);
  });
});

describe('ChatController', () => {
  let sb: RunningSandbox;
  beforeAll(async () => {
    sb = await sandbox();
  });
  afterAll(async () => {
    await sb?.close();
  });

  it('expires a "typing" that is never followed by "stopped typing"', async () => {
    const controller = new ChatController({ publishableKey: sb.demoKey, baseUrl: sb.origin, lifecycle: null }, { typingTtlMs: 300 });
    const release = controller.retain();
    const session = await controller.start({ visitorId: 'v_ttl' });
    await session.ready;
    sb.control.agentTyping(session.conversationId, true);
    await waitFor(() => controller.view.typing, 'typing');
    await waitFor(() => controller.view.typing === undefined, 'typing expired', 3000);
    release();
    await waitFor(() => sb.control.realtimeStats().connections === 0, 'disposed');
  });

  it('the same options give the same session; a start that fails is an error state, and a restart recovers', async () => {
    const controller = new ChatController({ publishableKey: sb.demoKey, baseUrl: sb.origin, lifecycle: null, retry: { retries: 0 } });
    const a = controller.start({ visitorId: 'v_same' });
    expect(controller.start({ visitorId: 'v_same' })).toBe(a);
    await a;
    controller.stop();
    sb.control.setSuspended(true);
    await expect(controller.start({ visitorId: 'v_fail' })).rejects.toMatchObject({ code: 'business_suspended' });
    expect(controller.view).toMatchObject({ status: 'error', error: { code: 'business_suspended' } });
    sb.control.setSuspended(false);
    const b = await controller.start({ visitorId: 'v_fail' });
    await b.ready;
    await waitFor(() => controller.view.status === 'ready', 'ready');
    controller.dispose();
  });
});
