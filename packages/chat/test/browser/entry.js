// Browser bundle of the published entry point, resolved as an app's bundler would (package.json
// `exports` and pusher-js's `browser` build). The browser test loads it into a page.
import { TickkiChat } from '@tickki/chat';

globalThis.TickkiChat = TickkiChat;
