/**
 * The reference really is generated: a copy of the document with a changed operation summary and
 * an extra error code, built under another base path, shows both on the rebuilt pages, and every
 * link of that build resolves under the base path.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { buildSite } from '../scripts/site.ts';
import { repoRootForTests } from './helpers.ts';
import { checkLinks } from './links.ts';

const scratch = mkdtempSync(join(tmpdir(), 'tickki-docs-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

it('a changed document changes the rebuilt site', { timeout: 240_000 }, async () => {
  const original = readFileSync(join(repoRootForTests, 'openapi/tickki-chat-api.yaml'), 'utf8');
  const summary = 'Get the chat configuration';
  expect(original).toContain(`summary: ${summary}\n`);
  const changed = original
    .replace(`summary: ${summary}\n`, 'summary: Fetch branding and limits (rebuilt)\n')
    .replace('        - server_error\n', '        - server_error\n        - maintenance_window\n');
  expect(changed).toContain('- maintenance_window');
  const document = join(scratch, 'changed.yaml');
  writeFileSync(document, changed);

  const { outDir } = await buildSite({ openapi: document, outDir: join(scratch, 'site'), base: '/docs/', sdkReference: false, verbose: false });

  const operation = readFileSync(join(outDir, 'api/operations/getconfig/index.html'), 'utf8');
  expect(operation).toContain('Fetch branding and limits (rebuilt)');
  expect(operation).not.toContain(summary);
  const errorCodes = readFileSync(join(outDir, 'reference/error-codes/index.html'), 'utf8');
  expect(errorCodes).toContain('id="maintenance_window"');
  expect(readFileSync(join(outDir, 'tickki-chat-api.yaml'), 'utf8')).toBe(changed);

  const { broken, checked } = checkLinks(outDir, '/docs/');
  // This build leaves the SDK reference out; links into it are checked on the full build.
  const intoSdk = (link: string, page: string) => new URL(link, `http://x/docs/${page}`).pathname.startsWith('/docs/sdk/');
  expect(broken.filter(({ link, page }) => !intoSdk(link, page))).toEqual([]);
  expect(checked).toBeGreaterThan(100);
});
