// pusher-js's `core/connection/connection`, for ES2022: the same connection (fields, methods, events,
// log lines), its transport listeners bound in the constructor (pusher-js's private `bindListeners`
// and `handleCloseEvent` are not methods here).
import Dispatcher from 'core/events/dispatcher';
import Logger from 'core/logger';
import { decodeMessage, encodeMessage, getCloseAction, getCloseError } from 'core/connection/protocol/protocol';

export default class Connection extends Dispatcher {
  constructor(id, transport) {
    super();
    this.id = id;
    this.transport = transport;
    this.activityTimeout = transport.activityTimeout;
    const listeners = {
      message: (messageEvent) => {
        let pusherEvent;
        try {
          pusherEvent = decodeMessage(messageEvent);
        } catch (error) {
          return this.emit('error', { type: 'MessageParseError', error, data: messageEvent.data });
        }
        Logger.debug('Event recd', pusherEvent);
        const { event } = pusherEvent;
        if (event === 'pusher:error') this.emit('error', { type: 'PusherError', data: pusherEvent.data });
        else if (event === 'pusher:ping' || event === 'pusher:pong') this.emit(event.slice(7));
        this.emit('message', pusherEvent);
      },
      activity: () => this.emit('activity'),
      error: (error) => this.emit('error', error),
      closed: (closeEvent) => {
        for (const event in listeners) this.transport.unbind(event, listeners[event]);
        if (closeEvent && closeEvent.code) {
          const action = getCloseAction(closeEvent);
          const error = getCloseError(closeEvent);
          if (error) this.emit('error', error);
          if (action) this.emit(action, { action, error });
        }
        this.transport = null;
        this.emit('closed');
      },
    };
    for (const event in listeners) transport.bind(event, listeners[event]);
  }

  handlesActivityChecks() {
    return this.transport.handlesActivityChecks();
  }

  send(data) {
    return this.transport.send(data);
  }

  send_event(name, data, channel) {
    const event = { event: name, data };
    if (channel) event.channel = channel;
    Logger.debug('Event sent', event);
    return this.send(encodeMessage(event));
  }

  ping() {
    if (this.transport.supportsPing()) this.transport.ping();
    else this.send_event('pusher:ping', {});
  }

  close() {
    this.transport.close();
  }
}
