// pusher-js's `runtimes/web/net_info`, for ES2022: the same network monitor, a dispatcher of the
// window's `online` and `offline` events.
import Dispatcher from 'core/events/dispatcher';

export class NetInfo extends Dispatcher {
  constructor() {
    super();
    if (typeof window !== 'undefined' && window.addEventListener !== undefined)
      for (const event of ['online', 'offline']) window.addEventListener(event, () => this.emit(event), false);
  }

  /** False when the browser knows it is offline (true where it cannot tell). */
  isOnline() {
    const onLine = window.navigator.onLine;
    return onLine === undefined || onLine;
  }
}

export const Network = new NetInfo();
