// pusher-js's `core/events/callback_registry` and `core/events/dispatcher`, for ES2022: the same
// behaviour, to the order of calls and what a listener added or removed while an event is emitted
// sees (the registry replaces a list when it removes from it, and appends to it when it adds).

export class CallbackRegistry {
  _callbacks = {};

  get(name) {
    return this._callbacks['_' + name];
  }

  add(name, callback, context) {
    (this._callbacks['_' + name] ||= []).push({ fn: callback, context });
  }

  remove(name, callback, context) {
    if (!name && !callback && !context) return void (this._callbacks = {});
    for (const key of name ? ['_' + name] : Object.keys(this._callbacks)) {
      if (callback || context) {
        const left = (this._callbacks[key] || []).filter((binding) => (callback && callback !== binding.fn) || (context && context !== binding.context));
        if (left.length) this._callbacks[key] = left;
        else delete this._callbacks[key];
      } else delete this._callbacks[key];
    }
  }
}

export default class Dispatcher {
  callbacks = new CallbackRegistry();
  global_callbacks = [];

  constructor(failThrough) {
    this.failThrough = failThrough;
  }

  bind(eventName, callback, context) {
    this.callbacks.add(eventName, callback, context);
    return this;
  }

  bind_global(callback) {
    this.global_callbacks.push(callback);
    return this;
  }

  unbind(eventName, callback, context) {
    this.callbacks.remove(eventName, callback, context);
    return this;
  }

  unbind_global(callback) {
    this.global_callbacks = callback ? (this.global_callbacks || []).filter((c) => c !== callback) : [];
    return this;
  }

  unbind_all() {
    this.unbind();
    this.unbind_global();
    return this;
  }

  emit(eventName, data, metadata) {
    for (let i = 0; i < this.global_callbacks.length; i++) this.global_callbacks[i](eventName, data);
    const callbacks = this.callbacks.get(eventName);
    const args = metadata ? [data, metadata] : data ? [data] : [];
    if (callbacks && callbacks.length > 0) {
      for (let i = 0; i < callbacks.length; i++) callbacks[i].fn.apply(callbacks[i].context || globalThis, args);
    } else if (this.failThrough) this.failThrough(eventName, data);
    return this;
  }
}
