/**
 * Message text → plain text and link segments, for any renderer (DOM or native). Only `http:`,
 * `https:` and `mailto:` targets become links; everything else, `javascript:` included, stays text.
 */

/** A piece of a message: plain text, or a link with a checked `href`. */
export type TextSegment = { text: string; href?: undefined } | { text: string; href: string };

// http(s) URLs, www. hosts, mailto: and bare e-mail addresses
const LINK = /\b(?:https?:\/\/|www\.)[^\s<>"']+|\bmailto:[^\s<>"']+|\b[\w.+-]+@[\w-]+(?:\.[\w-]+)+\b/gi;
const TRAILING = /[.,;:!?)\]}'"»”’]+$/;
const ALLOWED = new Set(['http:', 'https:', 'mailto:']);

/** The URL a link text stands for, or `undefined` when it is not an allowed, well-formed link. */
export function safeHref(text: string): string | undefined {
  const candidate = /^www\./i.test(text) ? `https://${text}` : !/^[a-z][\w+.-]*:/i.test(text) && text.includes('@') ? `mailto:${text}` : text;
  try {
    const url = new URL(candidate);
    return ALLOWED.has(url.protocol) ? url.href : undefined;
  } catch {
    return undefined;
  }
}

/** Splits `text` into segments; adjacent text stays one segment. Trailing punctuation is not part of a link. */
export function linkify(text: string): TextSegment[] {
  const out: TextSegment[] = [];
  let last = 0;
  const push = (piece: string) => {
    if (!piece) return;
    const prev = out.at(-1);
    if (prev && prev.href === undefined) prev.text += piece;
    else out.push({ text: piece });
  };
  for (const match of text.matchAll(LINK)) {
    let found = match[0];
    const trail = TRAILING.exec(found)?.[0] ?? '';
    // keep a closing bracket that closes one opened inside the link (Wikipedia-style URLs)
    found = found.slice(0, found.length - trail.length);
    const href = safeHref(found);
    push(text.slice(last, match.index));
    if (href) out.push({ text: found, href });
    else push(found);
    push(trail);
    last = match.index + match[0].length;
  }
  push(text.slice(last));
  return out;
}
