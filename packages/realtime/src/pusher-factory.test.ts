import type { RealtimeConfig } from '@tickki/chat-api';
import { describe, expect, it } from 'vitest';
import { pusherConstructor, pusherOptions } from './pusher-factory.js';

const realtime: RealtimeConfig = {
  key: 'reverb-key',
  host: 'ws.tickki.example',
  port: 8443,
  scheme: 'https',
  channel: 'private-chat.session.904',
  auth_endpoint: 'https://app.tickki.com/api/v1/chat/broadcasting/auth',
  event: 'MessageCreated',
};

describe('pusherOptions', () => {
  const auth = () => {};

  it("points pusher-js at the session's host and port over TLS, websockets only, no stats", () => {
    expect(pusherOptions(realtime, auth)).toMatchObject({
      wsHost: 'ws.tickki.example',
      wsPort: 8443,
      wssPort: 8443,
      forceTLS: true,
      enabledTransports: ['ws', 'wss'],
      disableStats: true,
      channelAuthorization: { customHandler: auth },
    });
  });

  it('uses plain ws for scheme http', () => {
    expect(pusherOptions({ ...realtime, scheme: 'http' }, auth).forceTLS).toBe(false);
  });

  it('lets extra options tune timeouts but never the host, TLS or auth', () => {
    const o = pusherOptions(realtime, auth, { activityTimeout: 5000, wsHost: 'ws-mt1.pusher.com', forceTLS: false });
    expect(o.activityTimeout).toBe(5000);
    expect(o.wsHost).toBe('ws.tickki.example');
    expect(o.forceTLS).toBe(true);
    expect(JSON.stringify(o)).not.toContain('pusher.com');
  });
});

describe('pusherConstructor', () => {
  class Pusher {}

  it.each([
    ['the class itself (Node ESM)', Pusher],
    ['{ default } (bundler interop)', { default: Pusher }],
    ['{ Pusher } (the React Native build under Metro)', { Pusher }],
    ['a namespace of the React Native build', { default: { Pusher }, Pusher }],
    ['a namespace of a namespace', { default: { default: Pusher } }],
  ])('finds the class in %s', (_label, module) => {
    expect(pusherConstructor(module)).toBe(Pusher);
  });

  it('gives up on something that holds no class (then the connection fails as connection_failed)', () => {
    expect(pusherConstructor({})).toBeUndefined();
    expect(pusherConstructor(undefined)).toBeUndefined();
  });
});
