// pusher-js's `core/connection/handshake`, for ES2022: the same handshake on a transport, its
// listeners and `finish` in the constructor (pusher-js keeps them, and the transport and callback,
// on the object; nothing but `close` is used of it).
import { extend } from 'core/utils/collections';
import Connection from 'core/connection/connection';
import { processHandshake, getCloseAction, getCloseError } from 'core/connection/protocol/protocol';

export default class Handshake {
  constructor(transport, callback) {
    // `extend` as pusher-js's: a plain object under `params` (an error) is copied into the result
    const finish = (action, params) => callback(extend({ transport, action }, params));
    const unbind = () => {
      transport.unbind('message', onMessage);
      transport.unbind('closed', onClosed);
    };
    const onMessage = (m) => {
      unbind();
      let result;
      try {
        result = processHandshake(m);
      } catch (error) {
        // `processHandshake` never gives an 'error' action of its own
        result = { action: 'error', error };
      }
      if (result.action === 'connected') finish('connected', { connection: new Connection(result.id, transport), activityTimeout: result.activityTimeout });
      else {
        finish(result.action, { error: result.error });
        transport.close();
      }
    };
    const onClosed = (closeEvent) => {
      unbind();
      finish(getCloseAction(closeEvent) || 'backoff', { error: getCloseError(closeEvent) });
    };
    this.close = () => {
      unbind();
      transport.close();
    };
    transport.bind('message', onMessage);
    transport.bind('closed', onClosed);
  }
}
