/**
 * Request bodies, read straight from the Node request with a size cap. A body over the cap is
 * drained (not stored) so the client still reads the 4xx answer instead of a reset connection.
 */
import type { IncomingMessage } from 'node:http';
import { ApiError, validationFailed } from './errors.js';

/** Largest JSON or form body accepted: 1 MiB. */
export const JSON_BODY_LIMIT = 1024 * 1024;
/** Beyond this many bytes an over-large body is no longer drained: the connection is closed. */
const DRAIN_LIMIT = 64 * 1024 * 1024;

/** Thrown when the client went away while its body was read; answered with nothing. */
export class ClientGone extends Error {
  constructor() {
    super('client closed the connection');
  }
}

/** The body's bytes, or `tooLarge` when it exceeds `cap` (its bytes are then discarded). */
export interface RawBody {
  buf: Buffer;
  size: number;
  tooLarge: boolean;
}

/** Reads the whole body, keeping at most `cap` bytes. */
export function readRaw(incoming: IncomingMessage, cap: number): Promise<RawBody> {
  const declared = Number(incoming.headers['content-length']);
  return new Promise((resolve, reject) => {
    if (incoming.readableEnded) {
      resolve({ buf: Buffer.alloc(0), size: 0, tooLarge: Number.isFinite(declared) && declared > cap });
      return;
    }
    const chunks: Buffer[] = [];
    let size = 0;
    let tooLarge = Number.isFinite(declared) && declared > cap;
    const cleanup = () => {
      incoming.off('data', onData);
      incoming.off('end', onEnd);
      incoming.off('error', onError);
      incoming.off('close', onClose);
    };
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      if (size > cap) tooLarge = true;
      if (!tooLarge) chunks.push(chunk);
      else chunks.length = 0;
      if (size > DRAIN_LIMIT) {
        cleanup();
        incoming.socket?.destroy();
        reject(new ClientGone());
      }
    };
    const onEnd = () => {
      cleanup();
      resolve({ buf: tooLarge ? Buffer.alloc(0) : Buffer.concat(chunks), size, tooLarge });
    };
    const onError = () => {
      cleanup();
      reject(new ClientGone());
    };
    const onClose = () => {
      if (!incoming.complete) {
        cleanup();
        reject(new ClientGone());
      }
    };
    incoming.on('data', onData);
    incoming.on('end', onEnd);
    incoming.on('error', onError);
    incoming.on('close', onClose);
    incoming.resume();
  });
}

/** The media type of a `Content-Type` header, lower-cased, without parameters. */
export function mediaType(contentType: string | undefined): string {
  return (contentType ?? '').split(';')[0]!.trim().toLowerCase();
}

/** Whether a media type is JSON (`application/json` or `…+json`). */
export const isJsonType = (type: string): boolean => type === 'application/json' || (type.startsWith('application/') && type.endsWith('+json'));

/** How an over-large body is answered: 413 where the document declares it, else 422. */
export type TooLarge = 413 | 422;

function tooLargeError(status: TooLarge, cap: number): ApiError {
  const message = `The request body may not be greater than ${Math.floor(cap / 1024)} kilobytes.`;
  return status === 413 ? new ApiError(413, 'payload_too_large', message) : validationFailed({ body: [message] });
}

function parseJson(buf: Buffer): unknown {
  const text = buf.toString('utf8').trim();
  if (text === '') return {};
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw validationFailed({ body: ['The request body is not valid JSON.'] });
  }
}

/** A JSON body. Any other content type is a 422 (the document declares 415 only for uploads). */
export async function readJson(incoming: IncomingMessage, tooLarge: TooLarge, cap = JSON_BODY_LIMIT): Promise<unknown> {
  const raw = await readRaw(incoming, cap);
  if (raw.tooLarge) throw tooLargeError(tooLarge, cap);
  const type = mediaType(incoming.headers['content-type']);
  if (!isJsonType(type)) {
    if (raw.size === 0 && type === '') return {};
    throw validationFailed({ body: [`The request body must be application/json${type ? `, not ${type}` : ''}.`] });
  }
  return parseJson(raw.buf);
}

/** A form-encoded or JSON body (the broadcasting-auth call takes both). */
export async function readFormOrJson(incoming: IncomingMessage, tooLarge: TooLarge, cap = 64 * 1024): Promise<unknown> {
  const raw = await readRaw(incoming, cap);
  if (raw.tooLarge) throw tooLargeError(tooLarge, cap);
  const type = mediaType(incoming.headers['content-type']);
  if (isJsonType(type)) return parseJson(raw.buf);
  if (type === 'application/x-www-form-urlencoded' || (type === '' && raw.size === 0)) {
    const out: Record<string, string> = {};
    for (const [k, v] of new URLSearchParams(raw.buf.toString('utf8'))) if (!(k in out)) out[k] = v;
    return out;
  }
  throw validationFailed({ body: [`The request body must be application/x-www-form-urlencoded or application/json${type ? `, not ${type}` : ''}.`] });
}

/** One uploaded file. */
export interface UploadedFile {
  name: string;
  type: string;
  data: Buffer;
}

/**
 * The `file` field of a multipart body. Not multipart: 415. Over `maxBytes` (plus room for the
 * multipart framing): 413. Garbled or without a file: 422.
 */
export async function readUpload(incoming: IncomingMessage, maxBytes: number, maxKb: number): Promise<UploadedFile> {
  const contentType = incoming.headers['content-type'] ?? '';
  if (mediaType(contentType) !== 'multipart/form-data') {
    throw new ApiError(415, 'unsupported_media_type', 'Expected multipart/form-data with a file field.');
  }
  const tooBig = () => new ApiError(413, 'payload_too_large', `The file may not be greater than ${maxKb} kilobytes.`);
  const raw = await readRaw(incoming, maxBytes + 64 * 1024);
  if (raw.tooLarge) throw tooBig();
  let form: FormData;
  try {
    form = await new Response(raw.buf, { headers: { 'content-type': contentType } }).formData();
  } catch {
    throw validationFailed({ file: ['The file failed to upload.'] });
  }
  const file = form.get('file');
  if (file === null) throw validationFailed({ file: ['The file field is required.'] });
  if (typeof file === 'string') throw validationFailed({ file: ['The file field must be a file.'] });
  if (file.size > maxBytes) throw tooBig();
  const name = sanitizeFileName(file.name);
  return { name, type: file.type || 'application/octet-stream', data: Buffer.from(await file.arrayBuffer()) };
}

/** The last path segment of a client file name, without control characters, at most 255 characters. */
export function sanitizeFileName(name: string): string {
  // eslint-disable-next-line no-control-regex
  const base = (name.split(/[\\/]/).pop() ?? '').replace(/[\u0000-\u001f\u007f]/g, '').trim();
  const chars = [...base];
  return chars.length === 0 ? 'file' : chars.slice(0, 255).join('');
}
