/**
 * `startSandbox()`: a local, stateful Tickki. One `http.Server` serves the Chat SDK API under
 * `/api/v1`, the control API under `/_control`, the agent console at `/agent`, signed attachment
 * downloads under `/attachments`, and (through `PusherServer`) the Pusher protocol 7 websocket
 * on `/app/{key}`.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { getRequestListener } from '@hono/node-server';
import type { ScriptedAgent } from './agent.js';
import type { Clock } from './clock.js';
import { SandboxControl } from './control.js';
import type { FaultEngine } from './faults.js';
import { createApp } from './http/app.js';
import { DEFAULT_PORT, type SandboxOptions } from './options.js';
import { Persistence } from './persist.js';
import type { PusherServer } from './realtime/index.js';
import { Sandbox } from './sandbox.js';
import type { Store } from './store.js';
import { sandboxUrls } from './urls.js';

/** A running sandbox. */
export interface RunningSandbox {
  /** `http://127.0.0.1:{port}`: the base URL to give an SDK (it appends `/api/v1`). */
  origin: string;
  /** `{origin}/api/v1`. */
  baseUrl: string;
  /** `ws://127.0.0.1:{port}/app/{appKey}`. */
  wsUrl: string;
  /** `{origin}/agent`: the agent console. */
  agentConsoleUrl: string;
  port: number;
  host: string;
  /** The demo publishable key. */
  demoKey: string;
  /** Programmatic control (the same operations as the `/_control` HTTP API). */
  control: SandboxControl;
  /** The state itself. */
  store: Store;
  /** The websocket server. */
  realtime: PusherServer;
  /** The HTTP fault engine. */
  faults: FaultEngine;
  clock: Clock;
  agent: ScriptedAgent;
  /** The underlying `http.Server`. */
  server: Server;
  /** Stops everything: pending agent replies, hung requests, websockets, the server; saves state. */
  close(): Promise<void>;
}

/** Starts a sandbox; resolves once it listens. */
export async function startSandbox(options: SandboxOptions = {}): Promise<RunningSandbox> {
  const sb = new Sandbox(options);
  const control = new SandboxControl(sb);
  const persistence = options.persist ? new Persistence(options.persist, sb.store) : undefined;
  const app = createApp(sb, control);
  const server = createServer(getRequestListener(app.fetch, { overrideGlobalObjects: false }));
  server.keepAliveTimeout = 5000;
  const host = options.host ?? '127.0.0.1';
  const port = options.port ?? DEFAULT_PORT;
  try {
    persistence?.load(sb.demoKey);
    sb.realtime.attach(server);
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(port, host, () => {
        server.off('error', reject);
        resolve();
      });
    });
  } catch (err) {
    await sb.realtime.close();
    throw err;
  }
  const address = server.address() as AddressInfo;
  sb.listening(host, address.port);
  const urls = sandboxUrls(sb.origin, sb.appKey);
  persistence?.start();

  let closing: Promise<void> | undefined;
  const close = () => {
    closing ??= (async () => {
      sb.agent.cancelAll();
      sb.shutdown.abort();
      await sb.realtime.close();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      persistence?.stop();
    })();
    return closing;
  };

  return {
    origin: sb.origin,
    baseUrl: urls.api,
    wsUrl: urls.websocket,
    agentConsoleUrl: `${sb.origin}/agent`,
    port: address.port,
    host,
    demoKey: sb.demoKey,
    control,
    store: sb.store,
    realtime: sb.realtime,
    faults: sb.faults,
    clock: sb.clock,
    agent: sb.agent,
    server,
    close,
  };
}
