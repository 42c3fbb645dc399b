// Browser bundle of the published entry point, resolved as an app's bundler would (package.json
// `exports` and pusher-js's `browser` build). The browser test loads it into a page.
import { TickkiChat, getAnalytics } from '@tickki/chat';

globalThis.TickkiChat = TickkiChat;
globalThis.getAnalytics = getAnalytics;
