/**
 * pusher-js built from its own sources with the websocket transport alone: the same class and
 * options as `pusher-js`, about 10 KB (min+gzip) lighter than its web build. For browsers talking to
 * Tickki (Laravel Reverb, websockets only): alias `pusher-js` to this module in your bundler.
 * Encrypted and presence channels, user sign-in, pusher-js's built-in HTTP authorizers and its
 * deprecated `authorizer` option, and stats (`enableStats`) are not included and throw if reached.
 */
import Pusher from 'pusher-js';
export default Pusher;
