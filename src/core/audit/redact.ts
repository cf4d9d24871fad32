// Secrets never enter the audit log: a change to a user row must not copy its password hash into history.
// Keys are compared without case, `_` or `-`, so passwordHash, password_hash and PASSWORD-HASH are one key.

export const REDACTED = '[redacted]';

/** A key is secret when, normalized, it ends with one of these (newPassword, resetToken, sessionSecret…). */
const SECRET_KEY_ENDINGS = ['password', 'passwordhash', 'token', 'tokenhash', 'secret', 'apikey'];
/** …or is exactly one of these. */
const SECRET_KEYS = new Set(['otp', 'otphash', 'cookie', 'sessionid']);

export function isSecretKey(key: string): boolean {
  const k = key.toLowerCase().replace(/[_-]/g, '');
  return SECRET_KEYS.has(k) || SECRET_KEY_ENDINGS.some((ending) => k.endsWith(ending));
}

/** A copy of a JSON value with every secret member's value (at any depth) replaced by "[redacted]". */
export function redactSecrets<T>(value: T): T {
  if (Array.isArray(value)) return value.map(redactSecrets) as T;
  if (value === null || typeof value !== 'object') return value;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value))
    Object.defineProperty(out, k, {
      value: isSecretKey(k) && v !== null && v !== undefined ? REDACTED : redactSecrets(v),
      enumerable: true,
      writable: true,
      configurable: true,
    });
  return out as T;
}
