// The page of test/pusher-websocket.test.ts: this package on pusher-js as the test resolves it (the websocket-only build).
import Pusher from 'pusher-js';
import { createTickkiClient, startSession } from '@tickki/chat-api';
import { RealtimeConnection } from '@tickki/chat-realtime';

window.Pusher = Pusher;
window.seen = { states: [], messages: [], errors: [], subscribed: [] };
const params = new URLSearchParams(location.search);
let token;
const client = createTickkiClient({ publishableKey: params.get('key'), baseUrl: params.get('base'), sessionToken: () => token });
const { data, error } = await startSession({ client, body: { visitor_id: 'v_pusher_build' } });
if (error) throw new Error(error.error);
token = data.data.session_token;

window.rt = new RealtimeConnection({ realtime: data.data.realtime, client });
window.rt.on('state', ({ to }) => window.seen.states.push(to));
window.rt.on('message', (m) => window.seen.messages.push(m.content));
window.rt.on('error', (e) => window.seen.errors.push(e.code));
window.rt.on('subscribed', (s) => window.seen.subscribed.push(s.resubscribed));
window.rt.connect();
window.conversationId = data.data.conversation_id;
