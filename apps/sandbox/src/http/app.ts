/**
 * The whole HTTP surface of the sandbox: CORS and the request log, the API (`/api/v1`), the control
 * API (`/_control`), the agent console (`/agent`), signed attachment downloads (`/attachments`) and
 * the error envelope for everything else (404 `not_found`, never a bare 500).
 */
import { Hono } from 'hono';
import { cors } from 'hono/cors';
import { API_PREFIX, type ErrorCode } from '@tickki/chat-api';
import { AGENT_CONSOLE_HTML, LOGO_SVG } from '../console.js';
import { ControlError, type SandboxControl } from '../control.js';
import type { Sandbox } from '../sandbox.js';
import { checkAttachmentSignature } from '../signing.js';
import { sandboxUrls } from '../urls.js';
import { apiRoutes, IDEMPOTENCY_HEADER, type SandboxEnv } from './api.js';
import { ClientGone } from './body.js';
import { controlRoutes } from './control-routes.js';
import { playgroundRoutes } from './playground.js';
import { ApiError, Errors } from './errors.js';

const ALLOWED_HEADERS = ['Authorization', 'Content-Type', 'Accept', 'X-Tickki-Session', 'X-Tickki-Bundle-Id', 'Idempotency-Key'];

/** The HTTP app of `sb`; `control` serves `/_control`. */
export function createApp(sb: Sandbox, control: SandboxControl): Hono<SandboxEnv> {
  const app = new Hono<SandboxEnv>();

  // Browsers (web SDKs, demos) call the sandbox from other origins; the allow-list is the API's business.
  app.use(
    '*',
    cors({
      origin: (origin) => origin || '*',
      allowMethods: ['GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS'],
      allowHeaders: ALLOWED_HEADERS,
      exposeHeaders: ['Retry-After', 'Idempotent-Replayed'],
      maxAge: 600,
    }),
  );

  // Request log of the API calls.
  app.use(`${API_PREFIX}/*`, async (c, next) => {
    const started = Date.now();
    await next();
    let error: string | null = null;
    if (c.res.status >= 400) {
      try {
        const body = (await c.res.clone().json()) as { error?: unknown };
        if (typeof body.error === 'string') error = body.error;
      } catch {
        // not JSON
      }
    }
    sb.logRequest({
      at: sb.clock.iso(),
      method: c.req.method,
      path: c.req.path,
      operation: c.get('operation') ?? null,
      status: c.res.status,
      duration_ms: Date.now() - started,
      idempotency_key: c.req.header(IDEMPOTENCY_HEADER) ?? null,
      idempotent_replay: c.get('idempotentReplay') ?? false,
      dropped: c.get('dropped') ?? false,
      error,
    });
  });

  app.route(API_PREFIX, apiRoutes(sb));
  app.route('/_control', controlRoutes(control));

  playgroundRoutes(app, sb); // browsers asking for `/` get the playground page
  app.get('/', (c) =>
    c.json({
      name: 'Tickki sandbox',
      base_url: sb.origin,
      api: sandboxUrls(sb.origin, sb.appKey).api,
      websocket: sandboxUrls(sb.origin, sb.appKey).websocket,
      demo_key: sb.demoKey,
      agent_console: `${sb.origin}/agent`,
      control: `${sb.origin}/_control/state`,
    }),
  );
  app.get('/agent', (c) => c.html(AGENT_CONSOLE_HTML));
  app.get('/assets/logo.svg', (c) => c.body(LOGO_SVG, 200, { 'Content-Type': 'image/svg+xml' }));
  // browsers ask for it on every page that names no icon (a 404 there is console noise)
  app.get('/favicon.ico', (c) => c.body(LOGO_SVG, 200, { 'Content-Type': 'image/svg+xml', 'Cache-Control': 'max-age=86400' }));

  // Signed attachment downloads.
  app.get('/attachments/:id/:name', (c) => {
    const idText = c.req.param('id');
    const id = /^\d{1,12}$/.test(idText) ? Number(idText) : NaN;
    const attachment = sb.store.attachments.get(id);
    if (!attachment) return c.json({ error: 'not_found', message: 'Attachment not found.' }, 404);
    const verdict = checkAttachmentSignature(sb.store.signingSecret, id, c.req.query('expires'), c.req.query('signature'), Math.floor(sb.clock.now() / 1000));
    if (verdict === 'expired') return c.json({ error: 'link_expired', message: 'This link has expired. Ask for a new one.' }, 403);
    if (verdict === 'invalid') return c.json({ error: 'invalid_signature', message: 'The link signature is not valid.' }, 403);
    return c.body(new Uint8Array(attachment.data), 200, {
      'Content-Type': attachment.mime_type,
      'Content-Length': String(attachment.file_size),
      'Content-Disposition': `inline; filename*=UTF-8''${encodeURIComponent(attachment.file_name)}`,
      'Cache-Control': 'private, max-age=60',
      'X-Content-Type-Options': 'nosniff',
    });
  });

  app.notFound((c) => {
    const allow = allowedMethods(c.req.path);
    const message = allow ? `The ${c.req.method} method is not supported for this route. Supported: ${allow}.` : `No route for ${c.req.method} ${c.req.path}.`;
    return c.json({ error: 'not_found' satisfies ErrorCode, message }, 404, allow ? { Allow: allow } : {});
  });

  app.onError((err, c) => {
    if (err instanceof ApiError) {
      return c.json(err.body(), err.status as 400, err.headers);
    }
    if (err instanceof ClientGone) {
      c.env.outgoing.socket?.destroy();
      return c.body(null, 499 as 400);
    }
    if (err instanceof ControlError) return c.json({ error: err.code, message: err.message }, err.status);
    console.error('[tickki-sandbox] unexpected error:', err);
    const e = Errors.serverError();
    return c.json(e.body(), 500);
  });

  return app;
}

const API_PATHS: Array<[RegExp, string]> = [
  [/^\/api\/v1\/chat\/config$/, 'GET'],
  [/^\/api\/v1\/chat\/sessions$/, 'POST'],
  [/^\/api\/v1\/chat\/sessions\/[^/]+\/messages$/, 'GET, POST'],
  [/^\/api\/v1\/chat\/sessions\/[^/]+\/(identify|typing|heartbeat|attachments)$/, 'POST'],
  [/^\/api\/v1\/chat\/broadcasting\/auth$/, 'POST'],
  [/^\/api\/v1\/chat\/events$/, 'POST'],
];

function allowedMethods(path: string): string | undefined {
  return API_PATHS.find(([re]) => re.test(path))?.[1];
}
