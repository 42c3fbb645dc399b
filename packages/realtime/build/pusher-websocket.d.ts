/**
 * pusher-js built from its own sources with the websocket transport alone: the same class and
 * options as `pusher-js`, 7.5 KB (min+gzip) lighter than its web build. For browsers talking to
 * Tickki (Laravel Reverb, websockets only): alias `pusher-js` to this module in your bundler.
 * Encrypted channels, user sign-in and pusher-js's built-in HTTP authorizers are not included and
 * throw if reached.
 */
import Pusher from 'pusher-js';
export default Pusher;
