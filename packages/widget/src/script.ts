/**
 * The script-tag build (`tickki-chat.js`), for pages without a bundler:
 *
 * ```html
 * <script src="https://cdn…/@tickki/chat-widget/dist/tickki-chat.js" data-publishable-key="pk_live_…" async></script>
 * ```
 *
 * This small loader defines `<tickki-chat>`, adds one to the page with the script's `data-*`
 * settings, and exposes it as `window.tickkiChat` (`open()`, `close()`, `toggle()`, `identify()`,
 * `consent()`, `logout()`, `on()`, `destroy()`). The chat (`tickki-chat-app.js`, next to this file) loads after the page.
 */
import { defineTickkiChat } from './element.js';
import type { TickkiChatElement } from './types.js';

const script = document.currentScript as HTMLScriptElement | null;
const base = script?.src || location.href;
// the chunks, beside this file: `tickki-chat-app.js` (the panel), `-words.js` (the launcher in another
// language), `-brand.js` (a first visit's brand colour)
defineTickkiChat((name) => import(/* @vite-ignore */ `${new URL(`tickki-chat-${name}.js`, base)}`));

// the element's observed attributes in their order (the same bytes twice compress to nearly nothing), then the two it reads when needed
const SETTINGS = ['publishable-key', 'base-url', 'locale', 'theme', 'primary-color', 'dir', 'strings', 'visitor-id', 'sound', 'consent', 'position', 'nonce'];

if (script?.dataset.publishableKey) {
  const add = () => {
    const element = document.createElement('tickki-chat') as TickkiChatElement;
    for (const name of SETTINGS) {
      const value = script.getAttribute(`data-${name}`);
      if (value !== null) element.setAttribute(name, value);
    }
    // a page with a nonce-based CSP gives the script tag its nonce: the styles use it too (unless `data-nonce` says)
    element.nonce ||= script.nonce;
    (globalThis as { tickkiChat?: TickkiChatElement }).tickkiChat = element;
    document.body.append(element);
    document.dispatchEvent(new CustomEvent('tickki:ready', { detail: element }));
  };
  if (document.body) add();
  else document.addEventListener('DOMContentLoaded', add);
}
