#!/usr/bin/env node
/** `npm run mock [-- --port N]`: Prism on the canonical document, under the production paths. */
import { parseArgs } from 'node:util';
import { createServer } from 'node:net';
import { startMock, type RunningMock } from './mock.ts';

const { values } = parseArgs({
  options: {
    port: { type: 'string', short: 'p' },
    host: { type: 'string' },
    verbose: { type: 'boolean', short: 'v' },
    help: { type: 'boolean', short: 'h' },
  },
});

if (values.help) {
  console.log(`Usage: npm run mock -- [--port N] [--host H] [--verbose]

Starts the Prism mock of openapi/tickki-chat-api.yaml. Answers come from the document's examples;
invalid requests are refused with Prism's validation error. Port: --port, else $PORT, else 4010.`);
  process.exit(0);
}

const port = Number(values.port ?? process.env.PORT ?? 4010);
if (!Number.isInteger(port) || port < 0 || port > 65535) {
  console.error(`Invalid port: ${values.port ?? process.env.PORT}`);
  process.exit(2);
}

const host = values.host ?? '127.0.0.1';
const busy = await new Promise<boolean>((done) => {
  const probe = createServer();
  probe.once('error', (err: NodeJS.ErrnoException) => done(err.code === 'EADDRINUSE'));
  probe.listen(port, host, () => probe.close(() => done(false)));
});
if (busy) {
  // The sandbox's words for the same situation.
  console.error(`tickki-mock: port ${port} is in use; pick another with --port`);
  process.exit(2);
}

let mock: RunningMock;
try {
  mock = await startMock({ port, host, verbose: values.verbose ?? false });
} catch (err) {
  console.error(`tickki-mock: ${err instanceof Error ? err.message : String(err)}`);
  process.exit(1);
}
console.log(`Tickki mock (Prism) listening.
  Base URL: ${mock.origin}   (give this to the SDK as baseUrl)
  API:      ${mock.baseUrl}/chat/config
  Try:      curl -H 'Authorization: Bearer pk_test_demo' ${mock.baseUrl}/chat/config
Press Ctrl+C to stop.`);

const shutdown = () => void mock.stop().then(() => process.exit(0));
process.on('SIGINT', shutdown);
process.on('SIGTERM', shutdown);
mock.process.once('exit', (code) => {
  console.error(`Prism exited (${code}).\n${mock.output()}`);
  process.exit(code ?? 1);
});
