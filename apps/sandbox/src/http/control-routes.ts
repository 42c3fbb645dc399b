/**
 * The control API under `/_control` (not part of the public API document): JSON in, `{"data": …}`
 * out, `{"error", "message"}` with 400/404 on bad input. See the README for the reference.
 */
import { Hono, type Context } from 'hono';
import { ControlError, type SandboxControl } from '../control.js';
import type { SandboxEnv } from './api.js';
import { readRaw } from './body.js';

async function body(c: Context<SandboxEnv>): Promise<Record<string, unknown>> {
  const raw = await readRaw(c.env.incoming, 1024 * 1024);
  if (raw.tooLarge) throw new ControlError(400, 'the body may not be larger than 1 MiB');
  const text = raw.buf.toString('utf8').trim();
  if (text === '') return {};
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw new ControlError(400, 'the body is not valid JSON');
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw new ControlError(400, 'the body must be a JSON object');
  return value as Record<string, unknown>;
}

function idParam(c: Context<SandboxEnv>): number {
  const text = c.req.param('id') ?? '';
  if (!/^\d{1,15}$/.test(text)) throw new ControlError(404, `no conversation ${text}`);
  return Number(text);
}

export function controlRoutes(ctl: SandboxControl): Hono<SandboxEnv> {
  const r = new Hono<SandboxEnv>();

  r.onError((err, c) => {
    if (err instanceof ControlError) return c.json({ error: err.code, message: err.message }, err.status);
    throw err;
  });

  r.get('/health', (c) => c.json({ data: { ok: true } }));
  r.get('/state', (c) => c.json({ data: ctl.state() }));
  r.post('/reset', (c) => {
    ctl.reset();
    return c.json({ data: ctl.state() });
  });

  r.get('/config', (c) => c.json({ data: ctl.config() }));
  r.patch('/config', async (c) => c.json({ data: ctl.patchConfig(await body(c)) }));

  r.put('/agents', async (c) => c.json({ data: ctl.setAgentsOnline((await body(c)).online) }));
  r.post('/agents/online', async (c) => c.json({ data: ctl.setAgentsOnline((await body(c)).count ?? 1) }));
  r.post('/agents/offline', (c) => c.json({ data: ctl.setAgentsOnline(0) }));

  r.get('/agent', (c) => c.json({ data: ctl.agentSettings() }));
  r.patch('/agent', async (c) => c.json({ data: ctl.setAgent(await body(c)) }));

  r.get('/conversations', (c) => c.json({ data: ctl.conversations() }));
  r.get('/conversations/:id', (c) => {
    const id = idParam(c);
    return c.json({ data: { ...ctl.conversation(id), messages: ctl.messages(id) } });
  });
  r.get('/conversations/:id/messages', (c) => c.json({ data: ctl.messages(idParam(c)) }));
  r.post('/conversations/:id/messages', async (c) => {
    const id = idParam(c);
    const b = await body(c);
    return c.json({ data: ctl.reply(id, b.content, b.agent_name) });
  });
  r.post('/conversations/:id/typing', async (c) => {
    const id = idParam(c);
    const b = await body(c);
    ctl.agentTyping(id, b.typing ?? true, b.agent_name);
    return c.json({ data: { ok: true } });
  });
  r.post('/conversations/:id/revoke', (c) => c.json({ data: { revoked: ctl.revokeSessions(idParam(c)) } }));

  r.get('/analytics', (c) => c.json({ data: ctl.events({ visitor_id: c.req.query('visitor_id'), type: c.req.query('type') }) }));

  r.get('/faults', (c) => c.json({ data: ctl.faults() }));
  r.put('/faults', async (c) => c.json({ data: ctl.setFaults(await body(c)) }));
  r.patch('/faults', async (c) => c.json({ data: ctl.setFaults(await body(c)) }));
  r.delete('/faults', (c) => {
    ctl.clearFaults();
    return c.json({ data: ctl.faults() });
  });

  r.get('/realtime', (c) => c.json({ data: ctl.realtimeStats() }));
  r.post('/realtime/drop-connections', async (c) => c.json({ data: { dropped: ctl.dropConnections((await body(c)).code) } }));
  r.post('/realtime/stall-connections', (c) => c.json({ data: { stalled: ctl.stallConnections() } }));

  r.put('/suspended', async (c) => c.json({ data: { suspended: ctl.setSuspended((await body(c)).suspended) } }));
  r.get('/plan', (c) => c.json({ data: ctl.plan() }));
  r.patch('/plan', async (c) => c.json({ data: ctl.setPlan(await body(c)) }));
  r.get('/rate-limits', (c) => c.json({ data: ctl.rateLimits() }));
  r.patch('/rate-limits', async (c) => c.json({ data: ctl.setRateLimits(await body(c)) }));

  r.get('/keys', (c) => c.json({ data: ctl.keys() }));
  r.post('/keys', async (c) => c.json({ data: ctl.addKey(await body(c)) }, 201));
  r.patch('/keys/:key', async (c) => c.json({ data: ctl.updateKey(c.req.param('key'), await body(c)) }));
  r.delete('/keys/:key', (c) => {
    ctl.removeKey(c.req.param('key'));
    return c.json({ data: { deleted: true } });
  });

  r.post('/clock', async (c) => c.json({ data: { offset_ms: ctl.advanceClock((await body(c)).advance_ms) } }));
  r.get('/requests', (c) => c.json({ data: ctl.requests() }));

  return r;
}
