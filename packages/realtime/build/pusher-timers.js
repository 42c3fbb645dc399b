// pusher-js's `core/utils/timers` and its abstract timer, for ES2022: the same two timers (a running
// one's `timer` is its handle, null once run or aborted), the clear functions still called bare as
// pusher-js's wrappers call them (a browser's `clearTimeout` throws when called on another object).

class Timer {
  constructor(set, clear, delay, callback) {
    this.clear = clear;
    this.timer = set(() => {
      if (this.timer) this.timer = callback(this.timer);
    }, delay);
  }

  isRunning() {
    return this.timer !== null;
  }

  ensureAborted() {
    if (this.timer) {
      this.clear(this.timer);
      this.timer = null;
    }
  }
}

export class OneOffTimer extends Timer {
  constructor(delay, callback) {
    super(setTimeout, (timer) => clearTimeout(timer), delay, () => (callback(), null));
  }
}

export class PeriodicTimer extends Timer {
  constructor(delay, callback) {
    super(setInterval, (timer) => clearInterval(timer), delay, (timer) => (callback(), timer));
  }
}
