/** The API reference's copy of the document: each security scheme once per operation, nothing else changed. */
import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { mergeRequirements, referenceDocument } from '../src/lib/reference-document.ts';
import { openapiPath } from '../src/lib/site-config.ts';

const canonical = parse(readFileSync(openapiPath, 'utf8'));

describe('the reference document', () => {
  it('merges alternatives into one requirement, each scheme once', () => {
    expect(mergeRequirements([{ publishableKey: [] }, { publishableKey: [], bundleId: [] }])).toEqual([{ publishableKey: [], bundleId: [] }]);
    expect(mergeRequirements([{ a: [] }])).toEqual([{ a: [] }]);
    expect(mergeRequirements([])).toEqual([]);
  });

  it('gives every operation of the canonical document one requirement naming each scheme once', () => {
    const reference = referenceDocument(canonical);
    const operations = Object.values<Record<string, any>>(reference.paths).flatMap((item) => Object.values<Record<string, any>>(item));
    const withSecurity = operations.filter((o) => Array.isArray(o.security));
    expect(withSecurity.length).toBeGreaterThan(5);
    for (const o of withSecurity) expect(o.security, o.operationId).toHaveLength(1);
    const send = operations.find((o) => o.operationId === 'sendMessage')!;
    expect(Object.keys(send.security[0]).sort()).toEqual(['bundleId', 'publishableKey', 'sessionToken']);
    expect(reference.security).toEqual([{ publishableKey: [], bundleId: [] }]);
    // nothing else differs
    const strip = (d: any) => JSON.stringify(d, (k, v) => (k === 'security' ? undefined : v));
    expect(strip(reference)).toBe(strip(canonical));
  });
});
