import { API_PREFIX } from '@tickki/chat-api';

/** Where a sandbox at `origin` answers: the API, the websocket, the channel authorization. */
export interface SandboxUrls {
  /** `{origin}/api/v1`. */
  api: string;
  /** `ws://{host}/app/{appKey}` (`wss://` behind https). */
  websocket: string;
  /** `{origin}/api/v1/chat/broadcasting/auth`. */
  authEndpoint: string;
}

/** The one origin → URL mapping (the API prefix is the generated client's `API_PREFIX`). */
export function sandboxUrls(origin: string, appKey: string): SandboxUrls {
  const api = origin + API_PREFIX;
  return { api, websocket: `${origin.replace(/^http/, 'ws')}/app/${appKey}`, authEndpoint: `${api}/chat/broadcasting/auth` };
}
