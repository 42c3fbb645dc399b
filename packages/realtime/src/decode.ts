/** How many layers of JSON string encoding {@link decodeEventData} peels off at most. */
const MAX_DEPTH = 3;

/** Whether `value` is a plain JSON object (not `null`, not an array). */
export const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * Whether `value` is an object whose fields have the given `typeof`s, e.g.
 * `hasFields(x, { id: 'number', content: 'string' })`. For data from outside: the wire, storage.
 */
export const hasFields = (value: unknown, types: Record<string, string>): value is Record<string, unknown> =>
  isObject(value) && Object.entries(types).every(([field, type]) => typeof value[field] === type);

/**
 * Decodes an event's `data` until it is an object. pusher-js already parses a frame's `data`
 * once when it can, so this sees an object (the normal case), or a JSON string when the
 * broadcaster encoded the payload twice, or a raw string.
 *
 * @returns the object, or `undefined` when `data` is not JSON or not an object after decoding.
 */
export function decodeEventData(data: unknown): Record<string, unknown> | undefined {
  for (let i = 0; i <= MAX_DEPTH && typeof data === 'string'; i++) {
    try {
      data = JSON.parse(data);
    } catch {
      return undefined;
    }
  }
  return isObject(data) ? data : undefined;
}

/** The last segment of an event name after `.` or `\`: `App\Events\MessageCreated` → `MessageCreated`. */
export const eventBaseName = (name: string): string => name.slice(Math.max(name.lastIndexOf('.'), name.lastIndexOf('\\')) + 1);

/**
 * Whether the event `name` received on the wire is the configured `expected` event, whatever way
 * Laravel named it: `MessageCreated`, `.MessageCreated` or `App\Events\MessageCreated` all
 * match `MessageCreated` (they compare by their last segment after `.` or `\`).
 */
export function matchesEvent(name: string, expected: string): boolean {
  const base = eventBaseName(expected);
  return base !== '' && eventBaseName(name) === base;
}
