import { describe, expect, it } from 'vitest';
import { isSecretKey, REDACTED, redactSecrets } from './redact.ts';

describe('redactSecrets', () => {
  it('hides password hashes and tokens at any depth, whatever the key spelling', () => {
    expect(
      redactSecrets({
        username: 'somchai',
        passwordHash: '$argon2id$…',
        nested: [{ password_hash: 'h', resetToken: 't', token_hash: 'x' }],
      }),
    ).toEqual({
      username: 'somchai',
      passwordHash: REDACTED,
      nested: [{ password_hash: REDACTED, resetToken: REDACTED, token_hash: REDACTED }],
    });
  });

  it('keeps ordinary fields, including codes and content hashes', () => {
    for (const key of ['code', 'agencyCode', 'sha256', 'definitionHash', 'role', 'hash'])
      expect(isSecretKey(key)).toBe(false);
  });

  it('keeps a null secret null, so clearing a token still shows', () => {
    expect(redactSecrets({ tokenHash: null })).toEqual({ tokenHash: null });
  });

  it('leaves scalars alone', () => {
    expect(redactSecrets('x')).toBe('x');
    expect(redactSecrets(null)).toBeNull();
  });
});
