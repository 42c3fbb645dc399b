import { Emitter } from '@tickki/chat-realtime/internal';
import type { WidgetEvents } from './types.js';

/** The element's events: its `on()` listeners, and a `tickki:<event>` DOM event on `target` for each. */
export class ElementEvents extends Emitter<WidgetEvents> {
  readonly #target: EventTarget;

  constructor(target: EventTarget) {
    // what a listener threw is thrown apart (it reaches the console), never into the element's code
    super((error) =>
      queueMicrotask(() => {
        throw error;
      }),
    );
    this.#target = target;
  }

  override emit<K extends keyof WidgetEvents>(event: K, value: WidgetEvents[K]): void {
    super.emit(event, value);
    this.#target.dispatchEvent(new CustomEvent(`tickki:${event}`, { detail: value }));
  }
}
