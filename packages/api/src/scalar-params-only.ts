/**
 * Build-time stand-in for the generated client's parameter serializer, `core/pathSerializer.gen.ts`
 * (see `tsdown.config.ts`). No operation of the Tickki API has an array or object parameter (path,
 * query, header or cookie; `test/parameters.test.ts` fails the day one does), yet the generated
 * fetch client always carries the array and object serializers with their separators and the
 * `form`/`deepObject`/`matrix`/`label`/`pipeDelimited`/`spaceDelimited` styles. The published build
 * swaps the module for this one: scalar parameters are serialized exactly as the generated code does
 * (`test/build.test.ts` compares the URLs), arrays and objects throw a clear error. The generated
 * source is not touched, and type checks and tests of the source see the real module.
 */
import type * as Generated from './generated/core/pathSerializer.gen.js';

const unsupported = (): never => {
  throw new Error('@tickki/chat-api: array and object parameters are not supported (the API has none)');
};

/** `name=value`, the value URI-encoded unless `allowReserved`: what the generated module does for a scalar. */
export const serializePrimitiveParam: typeof Generated.serializePrimitiveParam = ({ allowReserved, name, value }) =>
  value == null ? '' : `${name}=${allowReserved ? value : encodeURIComponent(value)}`;

export const serializeArrayParam: typeof Generated.serializeArrayParam = unsupported;

export const serializeObjectParam: typeof Generated.serializeObjectParam = unsupported;
