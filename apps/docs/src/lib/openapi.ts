/**
 * Reads the OpenAPI document the site is built from, with `$ref`s inside it resolved on demand.
 */
import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { openapiPath } from './site-config.ts';

/** A loose view of an OpenAPI node. */
export type Node = Record<string, any>;

/** The parsed document (read once per build). */
export const document: Node = parse(readFileSync(openapiPath, 'utf8'));

/** Follows `$ref` (local `#/…` pointers) until a node without one. */
export function deref(node: Node | undefined): Node | undefined {
  let current = node;
  for (let hops = 0; current && typeof current.$ref === 'string' && hops < 20; hops++) {
    const pointer = current.$ref.replace(/^#\//, '').split('/').map((part: string) => part.replace(/~1/g, '/').replace(/~0/g, '~'));
    current = pointer.reduce<Node | undefined>((at, key) => at?.[key], document);
  }
  return current;
}

/** The last segment of a `$ref` (`#/components/schemas/Message` → `Message`). */
export const refName = (node: Node | undefined): string | undefined => (typeof node?.$ref === 'string' ? node.$ref.split('/').at(-1) : undefined);

/** One operation of the document. */
export interface Operation {
  operationId: string;
  method: string;
  path: string;
  summary: string;
  node: Node;
}

const METHODS = ['get', 'put', 'post', 'delete', 'patch', 'head', 'options'];

/** Every operation, in document order. */
export function operations(): Operation[] {
  return Object.entries<Node>(document.paths ?? {}).flatMap(([path, item]) =>
    METHODS.filter((method) => item[method]).map((method) => ({
      operationId: item[method].operationId,
      method,
      path,
      summary: item[method].summary ?? '',
      node: item[method],
    })),
  );
}

/** A one-line type of a schema, for tables (`string`, `integer (int64)`, `Message[]`, `"a" | "b"`). */
export function typeLabel(schema: Node | undefined): string {
  if (!schema) return 'any';
  const name = refName(schema);
  const resolved = deref(schema) ?? {};
  if (name && resolved.enum) return resolved.enum.map((value: unknown) => JSON.stringify(value)).join(' | ');
  if (name) return name;
  if (resolved.const !== undefined) return JSON.stringify(resolved.const);
  if (resolved.enum) return resolved.enum.map((value: unknown) => JSON.stringify(value)).join(' | ');
  const type = Array.isArray(resolved.type) ? resolved.type.join(' | ') : resolved.type;
  if (type === 'array') return `${typeLabel(resolved.items)}[]`;
  return resolved.format ? `${type} (${resolved.format})` : (type ?? 'object');
}

/** The properties of an object schema as table rows. */
export function propertyRows(schema: Node | undefined): { name: string; type: string; required: boolean; description: string }[] {
  const resolved = deref(schema) ?? {};
  const required = new Set<string>(resolved.required ?? []);
  return Object.entries<Node>(resolved.properties ?? {}).map(([name, property]) => ({
    name,
    type: typeLabel(property),
    required: required.has(name),
    description: (property.description ?? deref(property)?.description ?? '').trim(),
  }));
}
