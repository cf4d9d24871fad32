import { describe, expect, it } from 'vitest';
import { keyedHash, sameHash } from './secrets.ts';

const cfg = { sessionSecret: 'x'.repeat(40) };

describe('keyed hashes', () => {
  it('differ by purpose and by secret, and are stable', () => {
    const a = keyedHash(cfg, 'otp-destination', '+66812345678');
    expect(a).toBe(keyedHash(cfg, 'otp-destination', '+66812345678'));
    expect(a).not.toBe(keyedHash(cfg, 'survey-token', '+66812345678'));
    expect(a).not.toBe(keyedHash({ sessionSecret: 'y'.repeat(40) }, 'otp-destination', '+66812345678'));
    expect(a).toMatch(/^[0-9a-f]{64}$/);
  });

  it('compares hashes in constant time and refuses different lengths', () => {
    const a = keyedHash(cfg, 'survey-token', 'T1');
    expect(sameHash(a, a)).toBe(true);
    expect(sameHash(a, keyedHash(cfg, 'survey-token', 'T2'))).toBe(false);
    expect(sameHash(a, 'ab')).toBe(false);
  });
});
