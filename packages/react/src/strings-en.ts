/**
 * `@tickki/chat-react/strings/en`: the English UI strings, from `@tickki/chat-ui/strings/en`.
 *
 * @module
 */
export { en } from '@tickki/chat-ui/strings/en';
