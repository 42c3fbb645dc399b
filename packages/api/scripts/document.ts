/**
 * Ships the canonical OpenAPI document with the package, as `dist/openapi.yaml` (byte for byte) and
 * `dist/openapi.json` (the same document parsed), for the `@tickki/chat-api/openapi.yaml` and
 * `@tickki/chat-api/openapi.json` exports. Runs after tsdown (`npm run build`).
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { parse } from 'yaml';

const source = readFileSync(new URL('../../../openapi/tickki-chat-api.yaml', import.meta.url), 'utf8');
const dist = new URL('../dist/', import.meta.url);
mkdirSync(dist, { recursive: true });
writeFileSync(new URL('openapi.yaml', dist), source);
writeFileSync(new URL('openapi.json', dist), `${JSON.stringify(parse(source), null, 2)}\n`);
