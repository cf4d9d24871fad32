// Canonical JSON for hashing audit entries. PostgreSQL's jsonb reorders object keys (and the drivers parse
// numbers back into doubles), so a hash over `JSON.stringify` of what was read back would not match the hash
// written. The canonical form depends only on the JSON value, never on how it was built or stored.
//
// The rule (RFC 8785, "JSON Canonicalization Scheme", for the values allowed here):
//  - objects: members sorted by key, comparing UTF-16 code units (JavaScript's default sort), recursively;
//    members whose value is `undefined` are left out; no whitespace anywhere;
//  - arrays keep their order;
//  - strings are written as `JSON.stringify` writes them (only `"`, `\` and control characters escaped; Thai
//    and every other character as itself, UTF-8 when hashed);
//  - numbers are written as ECMAScript writes a double (`String(n)`: shortest form that reads back as the
//    same double, `-0` as `0`); NaN and ±Infinity are not JSON and are refused;
//  - true, false and null as themselves.
// Values should pass through `toJsonValue` first, which makes them exactly what jsonb will give back.

export type JsonValue = null | boolean | number | string | JsonValue[] | { [key: string]: JsonValue };

export function canonicalJson(value: unknown): string {
  if (value === null) return 'null';
  switch (typeof value) {
    case 'boolean':
      return value ? 'true' : 'false';
    case 'number':
      if (!Number.isFinite(value)) throw new TypeError(`canonical JSON has no form for ${value}`);
      return JSON.stringify(value);
    case 'string':
      return JSON.stringify(value);
    case 'object': {
      if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
      if (!isPlainObject(value)) throw new TypeError('canonical JSON accepts plain objects only');
      const record = value as Record<string, unknown>;
      const members = Object.keys(record)
        .filter((k) => record[k] !== undefined)
        .sort()
        .map((k) => `${JSON.stringify(k)}:${canonicalJson(record[k])}`);
      return `{${members.join(',')}}`;
    }
    default:
      throw new TypeError(`canonical JSON has no form for a ${typeof value}`);
  }
}

function isPlainObject(value: object): boolean {
  const proto = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
}

// A lone surrogate, or NUL: PostgreSQL's jsonb refuses both (`\u0000` and unpaired `\ud800` escapes).
// biome-ignore lint/suspicious/noControlCharactersInRegex: NUL is exactly what must be found.
const JSONB_UNSAFE = /\u0000|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;
const REPLACEMENT = '\ufffd';

/**
 * The JSON value that jsonb stores and gives back unchanged: what `JSON.stringify` keeps (dates as ISO
 * strings, `undefined` members dropped, non-finite numbers as null), with NUL and lone surrogates in
 * strings and keys replaced by U+FFFD. Store and hash this, never the original.
 */
export function toJsonValue(value: unknown): JsonValue | null {
  if (value === undefined) return null;
  const text = JSON.stringify(value);
  if (text === undefined) return null; // a function or a symbol
  return JSON.parse(text, (_key, v: unknown) => {
    if (typeof v === 'string') return v.replace(JSONB_UNSAFE, REPLACEMENT);
    if (v !== null && typeof v === 'object' && !Array.isArray(v)) return sanitizeKeys(v);
    return v;
  }) as JsonValue;
}

function sanitizeKeys(obj: object): object {
  const out: Record<string, unknown> = {};
  // defineProperty, not assignment: a member named "__proto__" must stay a member.
  for (const [k, value] of Object.entries(obj))
    Object.defineProperty(out, k.replace(JSONB_UNSAFE, REPLACEMENT), {
      value,
      enumerable: true,
      writable: true,
      configurable: true,
    });
  return out;
}
