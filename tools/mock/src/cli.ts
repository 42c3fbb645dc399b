#!/usr/bin/env node
/** `npm run mock [-- --port N]`: Prism on the canonical document, under the production paths. */
import { parseArgs } from 'node:util';
import { startMock } from './mock.ts';

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

const mock = await startMock({ port, host: values.host ?? '127.0.0.1', verbose: values.verbose ?? false });
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
