import type { AppLifecycle } from './lifecycle.js';
import { localStorageAdapter, memoryStorage, type StorageAdapter } from './storage.js';

/**
 * The one place that looks at the host platform. Nothing here runs at import time: every check
 * happens when a {@link TickkiChat} is created, so importing the SDK touches no `window`,
 * `document` or `localStorage` (Node, React Native, server-side rendering).
 */

interface BrowserGlobals {
  document?: Document;
  localStorage?: Storage;
  addEventListener?: unknown;
}

const browser = (): BrowserGlobals | undefined => {
  const g = globalThis as BrowserGlobals;
  return typeof g.document === 'object' && typeof g.addEventListener === 'function' ? g : undefined;
};

/** `localStorage` in a browser where it works, memory elsewhere (Node, React Native, privacy modes). */
export function defaultStorage(): StorageAdapter {
  try {
    const storage = browser()?.localStorage;
    if (storage) {
      storage.setItem('tickki:probe', '1');
      storage.removeItem('tickki:probe');
      return localStorageAdapter(storage);
    }
  } catch {
    // blocked storage: fall through
  }
  return memoryStorage();
}

/** Browser lifecycle: `online`/`offline`, `visibilitychange` and `pagehide`; `undefined` outside browsers. */
export function browserLifecycle(): AppLifecycle | undefined {
  const g = browser();
  const doc = g?.document;
  if (!doc) return undefined;
  const visible = (): boolean => doc.visibilityState !== 'hidden';
  const targets: [EventTarget, string][] = [
    [g as EventTarget, 'online'],
    [g as EventTarget, 'offline'],
    [g as EventTarget, 'pagehide'],
    [doc, 'visibilitychange'],
  ];
  return {
    visible,
    subscribe(listener) {
      // `online`/`offline` as they are; `pagehide` hides; `visibilitychange` tells which way
      const on = ({ type }: Event): void =>
        listener(type === 'online' || type === 'offline' ? type : type !== 'pagehide' && visible() ? 'visible' : 'hidden');
      for (const [target, type] of targets) target.addEventListener(type, on);
      return () => {
        for (const [target, type] of targets) target.removeEventListener(type, on);
      };
    },
  };
}

/** A `fetch` as the generated client calls it: with one `Request`. */
export type RequestFetch = (request: Request) => Promise<Response>;

/**
 * A `fetch` for one upload that sends `body` over `XMLHttpRequest` and reports its progress (0 to 1):
 * fetch has no upload progress. `undefined` where there is no `XMLHttpRequest` (Node); browsers, web
 * workers and React Native have it. URL, method and headers come from the generated client's
 * request; the body is sent as given (never read back from the request, which React Native's fetch
 * cannot do for form data), with the content type `XMLHttpRequest` sets for it. The request's
 * `AbortSignal` aborts it; a failed connection rejects with a `TypeError`, as fetch does.
 */
export function progressFetch(body: FormData, onProgress: (progress: number) => void): RequestFetch | undefined {
  const XHR = (globalThis as { XMLHttpRequest?: typeof XMLHttpRequest }).XMLHttpRequest;
  return (
    XHR &&
    ((request) =>
      new Promise((resolve, reject) => {
        const { signal } = request;
        const xhr = new XHR();
        xhr.open(request.method, request.url);
        request.headers.forEach((value, name) => name !== 'content-type' && xhr.setRequestHeader(name, value));
        xhr.responseType = 'blob';
        xhr.upload.onprogress = (e) => e.lengthComputable && onProgress(e.loaded / e.total);
        // what the client reads: the type to parse the body by, and `Retry-After`
        xhr.onload = () => {
          const headers = new Headers();
          for (const name of ['content-type', 'retry-after']) headers.set(name, xhr.getResponseHeader(name) ?? '');
          resolve(new Response(xhr.status === 204 ? null : xhr.response, { status: xhr.status, headers }));
        };
        xhr.onerror = () => reject(new TypeError('Network request failed'));
        xhr.onabort = () => reject(signal.reason);
        // the signal is this attempt's own: it is dropped with the attempt, listener included
        signal.addEventListener('abort', () => xhr.abort());
        if (signal.aborted) reject(signal.reason);
        else xhr.send(body);
      }))
  );
}

let counter = 0;

/** A unique id for client ids and `Idempotency-Key`s: a UUID where available, else time + counter + randomness. */
export const randomId = (): string =>
  (globalThis as { crypto?: { randomUUID?: () => string } }).crypto?.randomUUID?.() ??
  `${Date.now()}-${counter++}-${Math.random()}`;
