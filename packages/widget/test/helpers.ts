/** Shared helpers of the integration tests: a real sandbox on a free port, polling (`@tickki/testkit`), pages served from loopback. */
export { sandbox, sessionStarts, waitFor, type RunningSandbox } from '@tickki/testkit';

/** The strict CSP every test page is served with: scripts and styles from the page's origin only. */
export const STRICT_CSP = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data: http://127.0.0.1:*; connect-src 'self' http://127.0.0.1:* ws://127.0.0.1:*; object-src 'none'; base-uri 'none'";

/** A page server on loopback: fixed files (path → [content type, body]), every page with `headers`. */
export async function servePages(
  files: Record<string, [type: string, body: string | Buffer]>,
  headers: Record<string, string> = {},
): Promise<{ origin: string; files: typeof files; close(): Promise<void> }> {
  const { createServer } = await import('node:http');
  const server = createServer((request, response) => {
    const file = files[new URL(request.url ?? '/', 'http://x').pathname];
    if (!file) {
      response.writeHead(404).end();
      return;
    }
    response.writeHead(200, { 'content-type': file[0], 'cache-control': 'no-store', ...(file[0].startsWith('text/html') ? headers : {}) }).end(file[1]);
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const { port } = server.address() as import('node:net').AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    files,
    close: () => new Promise((done) => server.close(() => done())),
  };
}
