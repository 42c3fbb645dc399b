/**
 * `@tickki/sandbox`: a local, stateful Tickki for SDK development and tests. The Chat SDK API v1 over
 * HTTP (exactly as the canonical OpenAPI document says), the Pusher protocol 7 websocket, a scripted
 * agent, an agent console, a control API and fault injection, all on one port.
 *
 * ```ts
 * const sandbox = await startSandbox({ port: 0, agent: { delay_ms: 0 } });
 * // give sandbox.origin to an SDK as its base URL, sandbox.demoKey as its publishable key
 * await sandbox.close();
 * ```
 * @module
 */
export { startSandbox, type RunningSandbox } from './start.js';
export { Sandbox } from './sandbox.js';
export {
  DEFAULT_APP_KEY,
  DEFAULT_APP_SECRET,
  DEFAULT_DEMO_KEY,
  DEFAULT_PORT,
  type ConfigPatch,
  type KeyInput,
  type RequestLogEntry,
  type SandboxOptions,
} from './options.js';
export { SandboxControl, ControlError, type AllFaults, type ConversationSummary, type ControlMessage } from './control.js';
export { FaultEngine, OPERATIONS, noHttpFaults, type HttpFaults, type OperationId } from './faults.js';
export { Clock } from './clock.js';
export { ScriptedAgent } from './agent.js';
export {
  Store,
  defaultAgent,
  defaultConfig,
  defaultRateLimits,
  type AgentMode,
  type AgentSettings,
  type KeyRecord,
  type PlanGates,
  type RateLimit,
  type RateLimits,
  type RecordedEvent,
  type StoreSnapshot,
} from './store.js';
export { encodeCursor } from './http/api.js';
export { JSON_BODY_LIMIT } from './http/body.js';
export { SIGNED_URL_TTL_SECONDS } from './signing.js';
export { PusherServer, signChannel, verifyChannelSignature, type Faults as RealtimeFaults } from './realtime/index.js';
