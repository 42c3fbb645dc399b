// pusher-js's `core/connection/protocol/protocol`, for ES2022: the same functions, exported one by one
// (`pusher-connection.js` and `pusher-handshake.js` are this build's only users of them) rather than
// as the `Protocol` object. A close event's code is read once (pusher-js reads it for each
// comparison; the events are plain objects, from the transport or a parsed frame).

/** A frame's JSON as a pusher event, its `data` parsed too when it is JSON; throws a `MessageParseError`. */
export function decodeMessage(messageEvent) {
  try {
    const message = JSON.parse(messageEvent.data);
    let data = message.data;
    if (typeof data === 'string') {
      try {
        data = JSON.parse(data);
      } catch {}
    }
    const event = { event: message.event, channel: message.channel, data };
    if (message.user_id) event.user_id = message.user_id;
    return event;
  } catch (error) {
    throw { type: 'MessageParseError', error, data: messageEvent.data };
  }
}

export const encodeMessage = (event) => JSON.stringify(event);

export function processHandshake(messageEvent) {
  const { event, data } = decodeMessage(messageEvent);
  if (event === 'pusher:connection_established') {
    if (!data.activity_timeout) throw 'No activity timeout specified in handshake';
    return { action: 'connected', id: data.socket_id, activityTimeout: data.activity_timeout * 1000 };
  }
  if (event === 'pusher:error') return { action: getCloseAction(data), error: getCloseError(data) };
  throw 'Invalid handshake';
}

/** What a close code asks for: nothing (null) for a normal close, else backoff, retry, refused or tls_only. */
export function getCloseAction(closeEvent) {
  const code = closeEvent.code;
  // the same comparisons in the same order: a code that is not a number falls through them as in pusher-js
  return code < 4000 ? (code >= 1002 && code <= 1004 ? 'backoff' : null) : code === 4000 ? 'tls_only' : code < 4100 ? 'refused' : code < 4200 ? 'backoff' : code < 4300 ? 'retry' : 'refused';
}

export function getCloseError(closeEvent) {
  const code = closeEvent.code;
  return code !== 1000 && code !== 1001 ? { type: 'PusherError', data: { code, message: closeEvent.reason || closeEvent.message } } : null;
}
