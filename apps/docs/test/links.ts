/**
 * A link check over a built site: every internal `href`/`src` must name a file of the site, and
 * every `#anchor` an element id on the page it points at.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pagesOf } from './helpers.ts';

/** A link that does not resolve. */
export interface BrokenLink {
  page: string;
  link: string;
  reason: string;
}

const ATTRIBUTE = /\s(?:href|src)="([^"]*)"/g;
const ID = /\sid="([^"]*)"/g;
const decode = (value: string) => value.replace(/&amp;/g, '&').replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&lt;/g, '<').replace(/&gt;/g, '>');

/** Checks every link of every page of the site in `dir`, served under `base`. Returns the broken ones and how many were checked. */
export function checkLinks(dir: string, base = '/'): { broken: BrokenLink[]; checked: number; external: Set<string> } {
  const origin = 'http://site.invalid';
  const ids = new Map<string, Set<string>>();
  const idsOf = (file: string) => {
    let found = ids.get(file);
    if (!found) {
      found = new Set([...readFileSync(file, 'utf8').matchAll(ID)].map((match) => decode(match[1]!)));
      ids.set(file, found);
    }
    return found;
  };
  const broken: BrokenLink[] = [];
  const external = new Set<string>();
  let checked = 0;
  for (const page of pagesOf(dir)) {
    const file = join(dir, page.endsWith('.html') ? page : `${page}index.html`);
    const html = readFileSync(file, 'utf8');
    const pageUrl = new URL(`${base}${page}`, origin);
    for (const match of html.matchAll(ATTRIBUTE)) {
      const link = decode(match[1]!);
      if (!link || link.startsWith('data:') || link.startsWith('mailto:') || link.startsWith('javascript:')) continue;
      const url = new URL(link, pageUrl);
      if (url.origin !== origin) {
        external.add(url.href);
        continue;
      }
      checked++;
      if (!url.pathname.startsWith(base)) {
        broken.push({ page, link, reason: `outside the base path ${base}` });
        continue;
      }
      const path = decodeURIComponent(url.pathname.slice(base.length));
      const target = join(dir, path.endsWith('/') || path === '' ? `${path}index.html` : path);
      if (!existsSync(target)) {
        broken.push({ page, link, reason: 'no such file' });
        continue;
      }
      const anchor = decodeURIComponent(url.hash.slice(1));
      if (anchor && target.endsWith('.html') && !idsOf(target).has(anchor)) broken.push({ page, link, reason: `no #${anchor} on the page` });
    }
  }
  return { broken, checked, external };
}
