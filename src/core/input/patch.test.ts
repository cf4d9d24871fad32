import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { changesAnything, nonEmptyPatch } from './patch.ts';

describe('nonEmptyPatch', () => {
  const sut = nonEmptyPatch(
    z.strictObject({ a: z.string().optional(), b: z.number().nullable().optional() }),
  );
  it('refuses an empty patch and accepts one field, null included', () => {
    expect(sut.safeParse({}).success).toBe(false);
    expect(sut.safeParse({ a: undefined }).success).toBe(false);
    expect(sut.safeParse({ b: null }).success).toBe(true);
    expect(sut.safeParse({ a: 'x' }).success).toBe(true);
  });
  it('still refuses unknown fields', () => {
    expect(sut.safeParse({ x: 1 }).success).toBe(false);
  });
});

describe('changesAnything', () => {
  it('is false when every sent field already holds its value', () => {
    expect(changesAnything({ a: 'x', b: undefined }, { a: 'x', b: 2 })).toBe(false);
    expect(changesAnything({ e: null }, { e: null })).toBe(false);
    expect(changesAnything({ e: null }, {})).toBe(false);
  });
  it('is true when one field differs', () => {
    expect(changesAnything({ a: 'x', b: 3 }, { a: 'x', b: 2 })).toBe(true);
    expect(changesAnything({ e: null }, { e: 'a@b.c' })).toBe(true);
  });
});
