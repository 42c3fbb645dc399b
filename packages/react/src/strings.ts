/**
 * `@tickki/chat-react/strings`: the built-in UI string tables and `chatStrings()`, from
 * `@tickki/chat-ui/strings`.
 *
 * @module
 */
export { chatStrings, languages, en, fr, de } from '@tickki/chat-ui/strings';
