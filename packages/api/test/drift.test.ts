/**
 * Drift check: regenerating the client from the canonical document must reproduce the committed
 * files byte for byte. If this fails, run `npm run generate` and commit the result.
 */
import { createClient } from '@hey-api/openapi-ts';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, resolve } from 'node:path';
import { afterAll, expect, it } from 'vitest';
import config from '../openapi-ts.config.js';
import { configDefaultsSource, DOCUMENT, OUTPUT } from '../scripts/config-defaults.js';

const committed = resolve(import.meta.dirname, '../src/generated');
const fresh = mkdtempSync(join(tmpdir(), 'tickki-api-drift-'));
afterAll(() => rmSync(fresh, { recursive: true, force: true }));

const listFiles = (root: string): string[] =>
  readdirSync(root, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => relative(root, join(entry.parentPath, entry.name)))
    .sort();

it('the committed generated client matches a fresh generation', async () => {
  const base = await config;
  const single = Array.isArray(base) ? base[0] : base;
  await createClient({
    ...single,
    input: resolve(import.meta.dirname, '../../../openapi/tickki-chat-api.yaml'),
    output: { ...(single.output as object), path: fresh },
    logs: { level: 'silent' },
  });
  const files = listFiles(committed);
  expect(listFiles(fresh)).toEqual(files);
  for (const file of files) {
    expect(readFileSync(join(committed, file), 'utf8'), `src/generated/${file} differs from a fresh generation`).toBe(
      readFileSync(join(fresh, file), 'utf8'),
    );
  }
});

it('the committed config defaults match the document', () => {
  expect(readFileSync(OUTPUT, 'utf8'), 'src/config-defaults.gen.ts differs from a fresh generation').toBe(configDefaultsSource(readFileSync(DOCUMENT, 'utf8')));
});
