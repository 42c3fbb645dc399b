// pusher-js's `core/utils/collections`, the helpers this build reaches, for ES2022: the same results.
// `keys` and `values` take an object (pusher-js's also take null, for an empty list; no caller passes it).

/** Copies each source's enumerable properties (inherited ones too) onto `target`, merging plain objects deeply. */
export function extend(target, ...sources) {
  for (const source of sources) {
    for (const key in source) {
      if (['__proto__', 'constructor', 'prototype'].includes(key)) continue;
      const value = source[key];
      target[key] = value?.constructor === Object ? extend(target[key] || {}, value) : value;
    }
  }
  return target;
}

export const stringify = (...args) => ['Pusher', ...args.map((arg) => (typeof arg === 'string' ? arg : safeJSONStringify(arg)))].join(' : ');

export function objectApply(object, f) {
  for (const key in object) if (Object.hasOwn(object, key)) f(object[key], key, object);
}

export const keys = Object.keys;

export const values = Object.values;

export function filterObject(object, test) {
  const result = {};
  objectApply(object, (value, key) => {
    if ((test && test(value, key, object, result)) || value) result[key] = value;
  });
  return result;
}

/**
 * JSON, or where that throws (a cycle), JSON of the value decycled as pusher-js does (Crockford's
 * `cycle.js`): an object or array met before, anywhere, becomes `{ $ref: path }`; only own
 * enumerable properties are kept (no `toJSON`), and values other than objects, numbers, strings and
 * booleans are dropped.
 */
export function safeJSONStringify(source) {
  try {
    return JSON.stringify(source);
  } catch {
    const seen = new Map();
    const derez = (value, path) => {
      if (typeof value === 'object') {
        if (!value) return null;
        if (seen.has(value)) return { $ref: seen.get(value) };
        seen.set(value, path);
        let nu;
        if (Array.isArray(value)) {
          nu = [];
          for (let i = 0; i < value.length; i++) nu[i] = derez(value[i], `${path}[${i}]`);
        } else {
          nu = {};
          for (const name of Object.keys(value)) nu[name] = derez(value[name], `${path}[${JSON.stringify(name)}]`);
        }
        return nu;
      }
      // pusher-js keeps numbers, strings and booleans alone; of the rest, JSON drops undefined and
      // symbols as it drops what is not returned, but would throw on a bigint or call a function's `toJSON`
      if (typeof value !== 'bigint' && typeof value !== 'function') return value;
    };
    return JSON.stringify(derez(source, '$'));
  }
}
