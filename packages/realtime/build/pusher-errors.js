// pusher-js's `core/errors` for ES2022 classes: the same classes, without the `Object.setPrototypeOf`
// each constructor needs only when compiled down to ES5 functions.
export class BadEventName extends Error {}
export class BadChannelName extends Error {}
export class RequestTimedOut extends Error {}
export class TransportPriorityTooLow extends Error {}
export class TransportClosed extends Error {}
export class UnsupportedFeature extends Error {}
export class UnsupportedTransport extends Error {}
export class UnsupportedStrategy extends Error {}
export class HTTPAuthError extends Error {
  constructor(status, msg) {
    super(msg);
    this.status = status;
  }
}
