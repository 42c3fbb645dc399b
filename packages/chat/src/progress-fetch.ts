/**
 * Upload progress, a module of its own: the chat imports it on the first upload that asks for
 * progress (`uploadAttachment(file, { onProgress })`), so a chat that never uploads never loads it.
 */

/** A `fetch` as the generated client calls it: with one `Request`. */
export type RequestFetch = (request: Request) => Promise<Response>;

/** Makes a `fetch` that sends `body` and reports its upload progress, or `undefined` where the platform cannot. */
export type ProgressFetch = (body: FormData, onProgress: (progress: number) => void) => RequestFetch | undefined;

/**
 * A `fetch` for one upload that sends `body` over `XMLHttpRequest` and reports its progress (0 to 1):
 * fetch has no upload progress. `undefined` where there is no `XMLHttpRequest` (Node); browsers, web
 * workers and React Native have it. URL, method and headers come from the generated client's
 * request; the body is sent as given (never read back from the request, which React Native's fetch
 * cannot do for form data), with the content type `XMLHttpRequest` sets for it. The request's
 * `AbortSignal` aborts it; a failed connection rejects with a `TypeError`, as fetch does.
 */
export const progressFetch: ProgressFetch = (body, onProgress) => {
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
};
