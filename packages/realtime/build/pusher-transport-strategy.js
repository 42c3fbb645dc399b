// pusher-js's `core/strategies/transport_strategy`, for ES2022: the same attempts on a transport
// (listeners bound and unbound in the same order, the same errors), its handshake made by its class
// rather than through `core/utils/factory` (whose maker does no more).
import Util from 'core/util';
import { TransportClosed, TransportPriorityTooLow, UnsupportedStrategy } from 'core/errors';
import { safeJSONStringify } from 'core/utils/collections';
import Handshake from 'core/connection/handshake';

export default class TransportStrategy {
  constructor(name, priority, transport, options) {
    this.name = name;
    this.priority = priority;
    this.transport = transport;
    this.options = options || {};
  }

  isSupported() {
    return this.transport.isSupported({ useTLS: this.options.useTLS });
  }

  connect(minPriority, callback) {
    if (!this.isSupported()) return failAttempt(new UnsupportedStrategy(), callback);
    if (this.priority < minPriority) return failAttempt(new TransportPriorityTooLow(), callback);
    let connected = false;
    const transport = this.transport.createConnection(this.name, this.priority, this.options.key, this.options);
    let handshake = null;
    const listeners = {
      initialized: () => {
        transport.unbind('initialized', listeners.initialized);
        transport.connect();
      },
      open: () => {
        handshake = new Handshake(transport, (result) => {
          connected = true;
          unbindListeners();
          callback(null, result);
        });
      },
      error: (error) => {
        unbindListeners();
        callback(error);
      },
      closed: () => {
        unbindListeners();
        callback(new TransportClosed(safeJSONStringify(transport)));
      },
    };
    const unbindListeners = () => {
      for (const event in listeners) transport.unbind(event, listeners[event]);
    };
    for (const event in listeners) transport.bind(event, listeners[event]);
    transport.initialize();
    const close = () => (handshake ? handshake.close() : transport.close());
    return {
      abort: () => {
        if (connected) return;
        unbindListeners();
        close();
      },
      forceMinPriority: (p) => {
        if (!connected && this.priority < p) close();
      },
    };
  }
}

function failAttempt(error, callback) {
  Util.defer(() => callback(error));
  return { abort() {}, forceMinPriority() {} };
}
