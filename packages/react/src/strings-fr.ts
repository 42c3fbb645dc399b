/**
 * `@tickki/chat-react/strings/fr`: the French UI strings, from `@tickki/chat-ui/strings/fr`.
 *
 * @module
 */
export { fr } from '@tickki/chat-ui/strings/fr';
