/** Monotonic counters the server keeps; all start at 0. */
export interface RealtimeCounters {
  /** Websockets accepted since start (including ones refused after the handshake for a bad key/protocol). */
  connectionsTotal: number;
  /** Upgrades refused because `faults.refuseConnections` was set. */
  connectionsRefused: number;
  /** Sockets closed by `dropConnections()`. */
  connectionsDropped: number;
  /** Sockets made half-open by `stallConnections` (the fault). */
  connectionsStalled: number;
  /** Handshakes refused for an unknown app key (4001). */
  unknownAppKey: number;
  /** Handshakes refused for a missing or unsupported protocol version (4006–4008). */
  protocolRejected: number;
  /** Upgrade requests on a path other than `/app/{key}` answered 404. */
  badPath: number;
  /** Frames received from clients. */
  framesIn: number;
  /** Frames written to clients (a broadcast to 100 sockets counts 100). */
  framesOut: number;
  bytesIn: number;
  bytesOut: number;
  /** Frames that were binary, oversized, not JSON, not an object, without `event`, or malformed. */
  garbledFrames: number;
  /** `pusher:error` frames sent. */
  errorsSent: number;
  /** Subscriptions refused for a missing or wrong signature. */
  authFailures: number;
  /** `client-…` events refused (4301). */
  clientEventsRefused: number;
  /** Successful `pusher:subscribe`s. */
  subscribes: number;
  /** `pusher:unsubscribe`s received. */
  unsubscribes: number;
  /** Calls to `broadcast()`. */
  broadcasts: number;
  /** Broadcasts silently dropped by `faults.dropBroadcastRate`. */
  broadcastsDropped: number;
  /** Broadcasts sent twice by `faults.duplicateBroadcastRate`. */
  broadcastsDuplicated: number;
  /** Broadcast sends held back by `faults.reorderWindowMs`. */
  broadcastsDelayed: number;
  /** `pusher:ping` frames the server sent to idle sockets. */
  pingsSent: number;
  /** Sockets closed with 4201 for not answering a ping in time. */
  idleDisconnects: number;
  /** Errors raised by individual sockets (reset connections, invalid websocket frames). */
  socketErrors: number;
  /** Unexpected exceptions caught while handling a frame (should stay 0). */
  internalErrors: number;
}

/** A snapshot of the server: live gauges plus {@link RealtimeCounters}. */
export interface RealtimeStats extends RealtimeCounters {
  /** Open sockets now. */
  connections: number;
  /** Channels with at least one subscriber. */
  channels: number;
  /** Subscriber count per channel name. */
  subscriptions: Record<string, number>;
  /** Sum of all subscriptions. */
  subscriptionsTotal: number;
}

/** Fresh zeroed counters. */
export function createCounters(): RealtimeCounters {
  return {
    connectionsTotal: 0,
    connectionsRefused: 0,
    connectionsDropped: 0,
    connectionsStalled: 0,
    unknownAppKey: 0,
    protocolRejected: 0,
    badPath: 0,
    framesIn: 0,
    framesOut: 0,
    bytesIn: 0,
    bytesOut: 0,
    garbledFrames: 0,
    errorsSent: 0,
    authFailures: 0,
    clientEventsRefused: 0,
    subscribes: 0,
    unsubscribes: 0,
    broadcasts: 0,
    broadcastsDropped: 0,
    broadcastsDuplicated: 0,
    broadcastsDelayed: 0,
    pingsSent: 0,
    idleDisconnects: 0,
    socketErrors: 0,
    internalErrors: 0,
  };
}
