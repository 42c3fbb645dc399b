/**
 * The published build serializes scalar parameters only (`src/scalar-params-only.ts` stands in for the
 * generated `core/pathSerializer.gen.ts`; arrays and objects throw). That holds only while no
 * operation of the canonical document has an array or object parameter: this test fails the day one
 * does, so the stand-in can never silently break a new operation. If it fails, drop the stand-in from
 * `tsdown.config.ts` (and its row in the README) rather than loosening this test.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';

type Schema = Record<string, unknown>;
type Document = { paths?: Record<string, Record<string, unknown>>; components?: Record<string, Record<string, unknown>> };
type Parameter = { name?: string; in?: string; schema?: Schema; content?: unknown; $ref?: string };

const DOCUMENT = resolve(import.meta.dirname, '../../../openapi/tickki-chat-api.yaml');
const METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'];
const SCALAR_TYPES = new Set(['string', 'integer', 'number', 'boolean', 'null']);

/** Follows a local `#/…` reference; anything else is a failure (the document is self-contained). */
function deref<T>(document: Document, node: T & { $ref?: string }): T {
  let current: unknown = node;
  for (let hops = 0; current && typeof (current as { $ref?: unknown }).$ref === 'string'; hops++) {
    const ref = (current as { $ref: string }).$ref;
    if (!ref.startsWith('#/') || hops > 20) throw new Error(`unresolvable $ref ${ref}`);
    current = ref
      .slice(2)
      .split('/')
      .reduce<unknown>((at, key) => (at as Record<string, unknown> | undefined)?.[key.replace(/~1/g, '/').replace(/~0/g, '~')], document);
    if (current === undefined) throw new Error(`dangling $ref ${ref}`);
  }
  return current as T;
}

/** Why a parameter schema is not a scalar, or null when it is one (string, integer, number, boolean, possibly nullable). */
function notScalar(document: Document, node: Schema | undefined): string | null {
  if (!node) return 'no schema';
  const schema = deref<Schema>(document, node);
  for (const key of ['oneOf', 'anyOf', 'allOf'] as const) {
    const parts = schema[key];
    if (Array.isArray(parts)) {
      for (const part of parts as Schema[]) {
        const why = notScalar(document, part);
        if (why) return `${key}: ${why}`;
      }
    }
  }
  for (const key of ['items', 'prefixItems', 'properties', 'additionalProperties', 'patternProperties']) {
    if (key in schema) return `has ${key}`;
  }
  const types = Array.isArray(schema.type) ? (schema.type as unknown[]) : schema.type === undefined ? [] : [schema.type];
  const combined = ['oneOf', 'anyOf', 'allOf'].some((key) => Array.isArray(schema[key]));
  if (types.length === 0 && !combined && !('enum' in schema) && !('const' in schema)) return 'no type (could be anything)';
  const other = types.find((type) => typeof type !== 'string' || !SCALAR_TYPES.has(type));
  if (other !== undefined) return `type ${JSON.stringify(other)}`;
  for (const key of ['enum', 'const'] as const) {
    const values = key === 'enum' ? (schema.enum as unknown[] | undefined) : 'const' in schema ? [schema.const] : undefined;
    if (values?.some((value) => value !== null && typeof value === 'object')) return `${key} with an array or object value`;
  }
  return null;
}

/** Every parameter of every operation (path-item and operation level), with why it is not a scalar. */
function parameters(document: Document) {
  const found: Array<{ operation: string; in: string; name: string; problem: string | null }> = [];
  for (const [path, rawItem] of Object.entries(document.paths ?? {})) {
    const item = deref<Record<string, unknown>>(document, rawItem);
    const shared = (item.parameters as Parameter[] | undefined) ?? [];
    for (const method of METHODS) {
      const operation = item[method] as { operationId?: string; parameters?: Parameter[] } | undefined;
      if (!operation) continue;
      for (const raw of [...shared, ...(operation.parameters ?? [])]) {
        const parameter = deref<Parameter>(document, raw);
        const problem = parameter.content !== undefined ? 'declared with content (a serialized structure)' : notScalar(document, parameter.schema);
        found.push({ operation: operation.operationId ?? `${method.toUpperCase()} ${path}`, in: String(parameter.in), name: String(parameter.name), problem });
      }
    }
  }
  return found;
}

const canonical = parse(readFileSync(DOCUMENT, 'utf8')) as Document;

describe('the canonical document has scalar parameters only (what src/scalar-params-only.ts supports)', () => {
  it('no operation has an array or object path, query, header or cookie parameter', () => {
    const problems = parameters(canonical)
      .filter((parameter) => parameter.problem)
      .map((parameter) => `${parameter.operation}: ${parameter.in} parameter ${parameter.name}: ${parameter.problem}`);
    expect(problems, 'remove the pathSerializer stand-in from tsdown.config.ts before adding such a parameter').toEqual([]);
  });

  it('sees the parameters the API has (path-item and operation level, through $ref)', () => {
    const seen = parameters(canonical).map((parameter) => `${parameter.operation} ${parameter.in} ${parameter.name}`);
    expect(seen).toEqual(
      expect.arrayContaining([
        'listMessages path conversation_id',
        'listMessages query cursor',
        'listMessages query limit',
        'sendMessage path conversation_id',
        'sendMessage header Idempotency-Key',
      ]),
    );
  });

  it.each([
    ['an array query parameter', { name: 'ids', in: 'query', schema: { type: 'array', items: { type: 'integer' } } }],
    ['an object query parameter', { name: 'filter', in: 'query', schema: { type: 'object', properties: { a: { type: 'string' } } } }],
    ['a referenced object schema', { name: 'filter', in: 'query', schema: { $ref: '#/components/schemas/Filter' } }],
    ['a nullable array (3.1 type list)', { name: 'ids', in: 'path', schema: { type: ['array', 'null'] } }],
    ['an object inside oneOf', { name: 'at', in: 'header', schema: { oneOf: [{ type: 'string' }, { type: 'object' }] } }],
    ['a schema without a type', { name: 'any', in: 'cookie', schema: {} }],
    ['a parameter declared with content', { name: 'q', in: 'query', content: { 'application/json': { schema: { type: 'object' } } } }],
    ['a referenced array parameter', { $ref: '#/components/parameters/Ids' }],
  ])('would catch %s', (_, parameter) => {
    const document: Document = {
      paths: { '/things/{id}': { parameters: [{ name: 'id', in: 'path', schema: { type: 'integer' } }], get: { operationId: 'listThings', parameters: [parameter] } } },
      components: {
        schemas: { Filter: { type: 'object', properties: { a: { type: 'string' } } } },
        parameters: { Ids: { name: 'ids', in: 'query', schema: { type: 'array', items: { type: 'string' } } } },
      },
    };
    const found = parameters(document);
    expect(found.find((p) => p.name === 'id')?.problem).toBeNull();
    expect(found.filter((p) => p.problem)).toHaveLength(1);
  });
});
