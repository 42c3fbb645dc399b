/**
 * The document as the API reference renders it. starlight-openapi lists every scheme of every
 * alternative security requirement under "Authorizations", so the document's "a publishable key, or a
 * publishable key and a bundle id" (the bundle id is optional) shows `publishableKey` twice. The
 * reference gets one requirement per operation holding each scheme once; the `bundleId` scheme's own
 * description says it is optional. Everything else is the canonical document as it is.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { parse } from 'yaml';

type Requirement = Record<string, string[]>;

/** Alternative requirements as one, each scheme once (scopes merged), in first-seen order. */
export function mergeRequirements(alternatives: Requirement[]): Requirement[] {
  if (alternatives.length < 2) return alternatives;
  const merged: Requirement = {};
  for (const requirement of alternatives) for (const [scheme, scopes] of Object.entries(requirement)) merged[scheme] = [...new Set([...(merged[scheme] ?? []), ...scopes])];
  return [merged];
}

/** `document` with every `security` list (global and per operation) merged as {@link mergeRequirements} says. */
export function referenceDocument(document: Record<string, any>): Record<string, any> {
  const copy = structuredClone(document);
  if (Array.isArray(copy.security)) copy.security = mergeRequirements(copy.security);
  for (const item of Object.values<Record<string, any>>(copy.paths ?? {}))
    for (const operation of Object.values<Record<string, any>>(item)) if (Array.isArray(operation?.security)) operation.security = mergeRequirements(operation.security);
  return copy;
}

/** Writes the reference's copy of the document at `path` (JSON) next to the build; returns `path`. */
export function writeReferenceDocument(canonical: string, path: string): string {
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, JSON.stringify(referenceDocument(parse(readFileSync(canonical, 'utf8')))));
  return path;
}

/** Where the build keeps it. */
export const referenceDocumentPath = (root: string): string => join(root, 'node_modules', '.cache', 'tickki-docs', 'openapi-reference.json');
