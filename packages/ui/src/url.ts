/** URLs a chat shows or opens that come from the server: attachments, the business's logo. */

// http(s), a host, then nothing that is whitespace or a control character
const HTTP = /^https?:\/\/[^\s/?#\\\u0000-\u001f\u007f]+(?:[/?#][^\s\u0000-\u001f\u007f]*)?$/i;

/**
 * `url` when it is an absolute `http:` or `https:` URL, else `undefined` (`javascript:`, `data:`,
 * `file:`, relative, empty, not a string). A plain check of the text, the same in every JavaScript
 * engine (React Native's `URL` does not parse).
 */
export function httpUrl(url: unknown): string | undefined {
  return typeof url === 'string' && HTTP.test(url) ? url : undefined;
}
