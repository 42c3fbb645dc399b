import type { Duplex } from 'node:stream';
import type { WebSocket } from 'ws';
import type { Channel } from './Channel.js';

/**
 * The server's state for one websocket, kept deliberately small: thousands of
 * these are alive at once.
 */
export class Connection {
  /** The Pusher socket id, `"<digits>.<digits>"`. */
  readonly id: string;
  readonly ws: WebSocket;
  /** The upgraded TCP socket under `ws`, written to directly by broadcasts (see `PusherServer`). */
  readonly socket: Duplex;
  /** Channels this socket is subscribed to. */
  readonly channels = new Set<Channel<Connection>>();
  /** `Date.now()` of the last frame (or control pong) received. */
  lastSeen: number;
  /** `Date.now()` when the server pinged this idle socket; 0 when no ping is outstanding. */
  pingSentAt = 0;
  /**
   * Fault: a half-open socket (see `PusherServer.stallConnections`). Nothing is written to it and
   * what it sends is ignored, but it stays open.
   */
  stalled = false;

  constructor(id: string, ws: WebSocket, socket: Duplex, now: number) {
    this.id = id;
    this.ws = ws;
    this.socket = socket;
    this.lastSeen = now;
  }

  /** Whether frames can be written to the socket. */
  get open(): boolean {
    return this.ws.readyState === 1;
  }
}
