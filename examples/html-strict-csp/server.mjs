// A tiny static server (Node, no dependencies) for public/, sending a strict Content-Security-Policy:
// scripts and styles from this origin only, no inline code, no eval. The chat's API and websocket
// are on the Tickki host, so connect-src (and img-src, for the business's logo) name it.
//   PORT             where to listen (default 8080; 0 picks a free port)
//   TICKKI_BASE_URL  the Tickki host the page's data-base-url points at (default: the local sandbox)
import { createServer } from 'node:http';
import { readFile } from 'node:fs/promises';
import { extname, join, normalize } from 'node:path';

const tickki = new URL(process.env.TICKKI_BASE_URL ?? 'http://127.0.0.1:4010').origin;
const websocket = tickki.replace(/^http/, 'ws');
export const csp = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  `connect-src 'self' ${tickki} ${websocket}`,
  `img-src 'self' data: ${tickki}`,
  "object-src 'none'",
  "base-uri 'none'",
  "frame-ancestors 'none'",
].join('; ');

const root = new URL('public/', import.meta.url).pathname;
const types = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8', '.css': 'text/css; charset=utf-8', '.svg': 'image/svg+xml' };

const server = createServer(async (request, response) => {
  let path = decodeURIComponent(new URL(request.url ?? '/', 'http://host').pathname);
  if (path.endsWith('/')) path += 'index.html';
  const file = normalize(join(root, path));
  if (!file.startsWith(root)) return response.writeHead(403).end();
  try {
    const body = await readFile(file);
    response.writeHead(200, { 'content-type': types[extname(file)] ?? 'application/octet-stream', 'content-security-policy': csp, 'x-content-type-options': 'nosniff' });
    response.end(body);
  } catch {
    response.writeHead(404, { 'content-type': 'text/plain', 'content-security-policy': csp }).end('Not found');
  }
});

server.listen(Number(process.env.PORT ?? 8080), '127.0.0.1', () => {
  console.log(`Serving public/ on http://127.0.0.1:${server.address().port}/ (chat host ${tickki})`);
});
