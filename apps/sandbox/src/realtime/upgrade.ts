import type { Duplex } from 'node:stream';
import { STATUS_CODES } from 'node:http';

/** Answers an HTTP upgrade request with a plain status response and closes the socket. */
export function rejectUpgrade(socket: Duplex, status: number): void {
  socket.on('error', ignore);
  if (!socket.writable) {
    socket.destroy();
    return;
  }
  const text = STATUS_CODES[status] ?? 'Error';
  socket.once('finish', () => socket.destroy());
  socket.end(
    `HTTP/1.1 ${status} ${text}\r\nConnection: close\r\nContent-Type: text/plain\r\n` +
      `Content-Length: ${Buffer.byteLength(text)}\r\n\r\n${text}`,
  );
}

/** Destroys an upgrade request's socket without any answer, like a crashed or unreachable server. */
export function dropUpgrade(socket: Duplex): void {
  socket.on('error', ignore);
  socket.destroy();
}

function ignore(): void {}

/** The app key of an upgrade path `/app/{key}` (query string allowed), or `undefined` if the path is another one. */
export function appKeyFromPath(url: string): string | undefined {
  const q = url.indexOf('?');
  const path = q < 0 ? url : url.slice(0, q);
  const m = /^\/app\/([^/]+)\/?$/.exec(path);
  if (!m || m[1] === undefined) return undefined;
  try {
    return decodeURIComponent(m[1]);
  } catch {
    return m[1];
  }
}

/** The `protocol` query parameter of an upgrade URL, or `undefined` when absent. */
export function protocolParam(url: string): string | undefined {
  const q = url.indexOf('?');
  if (q < 0) return undefined;
  return new URLSearchParams(url.slice(q + 1)).get('protocol') ?? undefined;
}
