// Which text the database can store. PostgreSQL's text and jsonb cannot hold U+0000 (the query fails), and a
// lone UTF-16 surrogate has no UTF-8 encoding (drivers would silently store U+FFFD instead). Every string
// that comes from outside — body, query, path, file names, spreadsheet cells — is checked against this one rule.

// NUL is the point of this rule, hence the control character in the pattern.
// biome-ignore lint/suspicious/noControlCharactersInRegex: NUL is what PostgreSQL cannot store
const UNSTORABLE = /\u0000|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

export function isStorableText(s: string): boolean {
  return !UNSTORABLE.test(s);
}

const MAX_DEPTH = 64;

/**
 * The path (`body.items.0.name`) of the first string or object key in `value` that the database cannot
 * store, or null. Walks plain objects and arrays only (parsed JSON, query strings, multipart fields);
 * buffers, streams and class instances are left to their own parsers. Values nested deeper than 64 levels
 * are refused too: no schema here goes that deep, and the walk must stay bounded.
 */
export function findUnstorableText(value: unknown, path: string): string | null {
  const seen = new Set<object>();
  const walk = (v: unknown, at: string, depth: number): string | null => {
    if (typeof v === 'string') return isStorableText(v) ? null : at;
    if (typeof v !== 'object' || v === null || seen.has(v)) return null;
    if (depth > MAX_DEPTH) return at;
    if (Array.isArray(v)) {
      seen.add(v);
      for (let i = 0; i < v.length; i++) {
        const found = walk(v[i], `${at}.${i}`, depth + 1);
        if (found) return found;
      }
      return null;
    }
    if (!isRecord(v)) return null;
    seen.add(v);
    for (const [key, item] of Object.entries(v)) {
      if (!isStorableText(key)) return `${at}.${key.replace(UNSTORABLE_GLOBAL, '?')}`;
      const found = walk(item, `${at}.${key}`, depth + 1);
      if (found) return found;
    }
    return null;
  };
  return walk(value, path, 0);
}

/**
 * A plain record: an object literal, `Object.create(null)`, or an object whose prototype itself has none
 * (what query-string parsers return). Not a buffer, a stream or another class's instance.
 */
function isRecord(v: object): boolean {
  const proto = Object.getPrototypeOf(v);
  return proto === null || proto === Object.prototype || Object.getPrototypeOf(proto) === null;
}

const UNSTORABLE_GLOBAL = new RegExp(UNSTORABLE.source, 'g');
