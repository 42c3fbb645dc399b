/**
 * `@tickki/chat-react/strings/de`: the German UI strings, from `@tickki/chat-ui/strings/de`.
 *
 * @module
 */
export { de } from '@tickki/chat-ui/strings/de';
