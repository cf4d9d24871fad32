import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DomainError } from '../errors.ts';
import { drawSample, newSeed, SAMPLING_ALGORITHM, seededGenerator, uniformBelow } from './sampling.ts';

const contactsOf = (n: number) =>
  Array.from({ length: n }, (_, i) => ({ id: `c${String(i).padStart(3, '0')}` }));
const ids = fc.uniqueArray(fc.string({ minLength: 1, maxLength: 8 }), { maxLength: 60 });
const seeds = fc.string({ minLength: 1, maxLength: 40 });
const counts = fc.nat({ max: 70 });

describe('drawSample', () => {
  it('draws the asked number of selections and reserves, disjoint, from the list', () => {
    const sut = drawSample({ contacts: contactsOf(50), size: 20, reserves: 5, seed: 'abc' });
    expect(sut.selected).toHaveLength(20);
    expect(sut.reserves).toHaveLength(5);
    expect(new Set([...sut.selected, ...sut.reserves]).size).toBe(25);
    expect(sut).toMatchObject({ insufficient: false, shortfall: { selected: 0, reserves: 0 } });
    expect(sut.algorithm).toBe(SAMPLING_ALGORITHM);
  });

  // Golden values, also reproduced by an independent Python implementation of the description in
  // sampling.ts: if this fails, the algorithm drifted and recorded samples could no longer be re-drawn.
  it('keeps giving the same sample for a recorded seed', () => {
    const sut = drawSample({ contacts: contactsOf(10), size: 3, reserves: 2, seed: 'FY2568-agency-42' });
    expect(sut.selected).toEqual(GOLDEN.selected);
    expect(sut.reserves).toEqual(GOLDEN.reserves);
  });

  it('selects everyone and says so when the list is smaller than the sample', () => {
    const sut = drawSample({ contacts: contactsOf(4), size: 6, reserves: 3, seed: 's' });
    expect([...sut.selected].sort()).toEqual(contactsOf(4).map((c) => c.id));
    expect(sut).toMatchObject({ reserves: [], insufficient: true, shortfall: { selected: 2, reserves: 3 } });
  });

  it('gives fewer reserves when the list runs out after the selection', () => {
    const sut = drawSample({ contacts: contactsOf(7), size: 5, reserves: 4, seed: 's' });
    expect(sut.reserves).toHaveLength(2);
    expect(sut).toMatchObject({ insufficient: false, shortfall: { selected: 0, reserves: 2 } });
  });

  it('counts a contact listed twice once', () => {
    const sut = drawSample({
      contacts: [{ id: 'a' }, { id: 'a' }, { id: 'b' }],
      size: 5,
      reserves: 0,
      seed: 's',
    });
    expect([...sut.selected].sort()).toEqual(['a', 'b']);
  });

  it('refuses negative or fractional sizes and an empty seed', () => {
    const draw =
      (size: number, reserves: number, seed = 's') =>
      () =>
        drawSample({ contacts: contactsOf(3), size, reserves, seed });
    expect(draw(-1, 0)).toThrow(DomainError);
    expect(draw(1.5, 0)).toThrow(expect.objectContaining({ code: 'invalid_sample_size' }));
    expect(draw(1, -2)).toThrow(expect.objectContaining({ code: 'invalid_sample_size' }));
    expect(draw(1, 0, '')).toThrow(expect.objectContaining({ code: 'invalid_sample_seed' }));
  });

  it('property: the same seed and contact set give the same sample, whatever the input order', () => {
    const listAndPermutation = ids.chain((list) =>
      fc.tuple(
        fc.constant(list),
        fc.shuffledSubarray(list, { minLength: list.length, maxLength: list.length }),
      ),
    );
    fc.assert(
      fc.property(listAndPermutation, seeds, counts, counts, ([list, permuted], seed, size, reserves) => {
        const first = drawSample({ contacts: list.map((id) => ({ id })), size, reserves, seed });
        expect(drawSample({ contacts: list.map((id) => ({ id })), size, reserves, seed })).toEqual(first);
        expect(drawSample({ contacts: permuted.map((id) => ({ id })), size, reserves, seed })).toEqual(first);
      }),
    );
  });

  it('property: selections and reserves are distinct contacts of the list, in the expected numbers', () => {
    fc.assert(
      fc.property(ids, seeds, counts, counts, (list, seed, size, reserves) => {
        const sut = drawSample({ contacts: list.map((id) => ({ id })), size, reserves, seed });
        const all = [...sut.selected, ...sut.reserves];
        expect(new Set(all).size).toBe(all.length);
        expect(all.every((id) => list.includes(id))).toBe(true);
        expect(sut.selected).toHaveLength(Math.min(size, list.length));
        expect(sut.reserves).toHaveLength(Math.max(0, Math.min(reserves, list.length - size)));
        expect(sut.insufficient).toBe(size > list.length);
      }),
    );
  });

  it('property: a larger draw with the same seed starts with the smaller one', () => {
    // So adding reserves later does not change who was already selected.
    fc.assert(
      fc.property(ids, seeds, counts, counts, (list, seed, size, extra) => {
        const contacts = list.map((id) => ({ id }));
        const small = drawSample({ contacts, size, reserves: 0, seed });
        const large = drawSample({ contacts, size, reserves: extra, seed });
        expect(large.selected).toEqual(small.selected);
      }),
    );
  });

  it('selects every contact about equally often over many seeds (chi-square)', () => {
    // 4,000 fixed seeds, 12 contacts, 4 selected: each contact is expected 1,333.3 times. With 11 degrees of
    // freedom the statistic exceeds 31.26 with probability 0.001; the seeds are fixed, so this cannot flake.
    const contacts = contactsOf(12);
    const hits = new Map(contacts.map((c) => [c.id, 0]));
    const firstReserve = new Map(contacts.map((c) => [c.id, 0]));
    const runs = 4000;
    for (let i = 0; i < runs; i++) {
      const sut = drawSample({ contacts, size: 4, reserves: 1, seed: `uniformity-${i}` });
      for (const id of sut.selected) hits.set(id, (hits.get(id) ?? 0) + 1);
      const reserve = sut.reserves[0] as string;
      firstReserve.set(reserve, (firstReserve.get(reserve) ?? 0) + 1);
    }
    const chiSquare = (observed: number[], expected: number) =>
      observed.reduce((sum, o) => sum + (o - expected) ** 2 / expected, 0);
    expect(chiSquare([...hits.values()], (runs * 4) / 12)).toBeLessThan(31.26);
    expect(chiSquare([...firstReserve.values()], runs / 12)).toBeLessThan(31.26);
  });
});

describe('seededGenerator and uniformBelow', () => {
  it('gives 32-bit unsigned integers that depend on the seed', () => {
    const a = seededGenerator('a');
    const values = Array.from({ length: 1000 }, () => a());
    expect(values.every((v) => Number.isInteger(v) && v >= 0 && v < 2 ** 32)).toBe(true);
    expect(new Set(values).size).toBe(1000);
    expect(seededGenerator('b')()).not.toBe(seededGenerator('a')());
  });

  it('property: uniformBelow stays in range', () => {
    fc.assert(
      fc.property(seeds, fc.integer({ min: 1, max: 2 ** 32 }), (seed, n) => {
        const x = uniformBelow(n, seededGenerator(seed));
        expect(x).toBeGreaterThanOrEqual(0);
        expect(x).toBeLessThan(n);
      }),
    );
  });

  it('rejects outputs above the largest multiple of n, removing modulo bias', () => {
    const outputs = [2 ** 32 - 1, 7];
    expect(uniformBelow(3, () => outputs.shift() as number)).toBe(1);
  });
});

describe('newSeed', () => {
  it('turns the caller’s random bytes into a hex seed', () => {
    expect(newSeed(new Uint8Array(16).fill(0xab))).toBe('ab'.repeat(16));
  });

  it('refuses fewer than 16 bytes', () => {
    expect(() => newSeed(new Uint8Array(8))).toThrow(expect.objectContaining({ code: 'seed_too_short' }));
  });
});

const GOLDEN = { selected: ['c005', 'c002', 'c000'], reserves: ['c007', 'c003'] };
