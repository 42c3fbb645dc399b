/**
 * `@tickki/chat-widget`: a drop-in Tickki chat for any web page.
 *
 * ```ts
 * import '@tickki/chat-widget';
 * // <tickki-chat publishable-key="pk_live_…"></tickki-chat>
 * document.querySelector('tickki-chat')!.open();
 * ```
 *
 * Importing defines `<tickki-chat>` in a browser and does nothing elsewhere (server rendering). The
 * element draws its launcher at once; the chat itself is a separate chunk, loaded after the page.
 *
 * @packageDocumentation
 */
import { defineTickkiChat as define } from './element.js';
import type { Chunks, LoadChunk } from './types.js';

export type { TickkiChatAttributes, TickkiChatElement, TickkiChatJsxProps, VisitorFields, WidgetEvents } from './types.js';
export type { ElementState } from './lifecycle.js';

/** The chunks the element loads lazily: the panel, the launcher's words, the first visit's brand colour. */
const CHUNKS = { app: () => import('./app-entry.js'), words: () => import('./words.js'), brand: () => import('./config-brand.js') };

/** Defines `<tickki-chat>` (or `name`) if it is not defined yet. Called on import; safe to call again. */
export function defineTickkiChat(name?: string): void {
  define(((chunk: keyof Chunks) => CHUNKS[chunk]()) as LoadChunk, name);
}

defineTickkiChat();

declare global {
  interface HTMLElementTagNameMap {
    /** `document.querySelector('tickki-chat')` is typed: `open()`, `identify()`, `on()`, … */
    'tickki-chat': import('./types.js').TickkiChatElement;
  }
}

/**
 * `<tickki-chat publishable-key="pk_live_…">` in React 19's JSX (`jsx: react-jsx`): its attributes
 * and a `ref` typed as the element. Without React installed this augmentation does nothing.
 */
declare module 'react' {
  namespace JSX {
    interface IntrinsicElements {
      'tickki-chat': import('./types.js').TickkiChatJsxProps;
    }
  }
}
