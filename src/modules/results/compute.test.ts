// The canonical JSON that canonicalCounts remembers while sorting must be the very text canonicalJson builds
// for the same counts, or inputs hashes would change with the speed-up (bench:process).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { canonicalCounts, canonicalJson } from './compute.ts';

const option = fc.constantFrom('1', '2', '3', '4', '5', 'yes', 'no', 'ไม่แน่ใจ', '');
const answer = fc.oneof(
  option,
  fc.dictionary(fc.constantFrom('a', 'b', 'c', 'ข', 'a1', '10', '9'), option, { minKeys: 1, maxKeys: 4 }),
  fc.constantFrom(null, 3, true),
);
const questionCode = fc.constantFrom('i1', 'i2', 'i10', 'e1', 'EP4', 'ES2', 'ข้อ1');
const rawCounts = fc.dictionary(
  questionCode,
  fc.array(fc.tuple(answer, fc.integer({ min: 1, max: 5000 })), { minLength: 1, maxLength: 6 }),
);

describe('canonicalCounts', () => {
  it('remembers exactly the canonical JSON of the counts it returns', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 10_000 }), rawCounts, (respondents, answers) => {
        const counts = canonicalCounts(respondents, answers);
        // A structural copy is a new object: canonicalJson builds its text from scratch.
        const fresh = structuredClone(counts);
        expect(canonicalJson(counts)).toBe(canonicalJson(fresh));
        expect(canonicalJson({ input: { counts: { IIT: counts } } })).toBe(
          canonicalJson({ input: { counts: { IIT: fresh } } }),
        );
      }),
      { numRuns: 500 },
    );
  });

  it('orders questions and answers by their canonical JSON, whatever order the database gave', () => {
    const a = canonicalCounts(3, {
      i2: [
        [{ b: '1', a: '2' }, 1],
        ['2', 2],
      ],
      i1: [['1', 3]],
    });
    expect(Object.keys(a.answers)).toEqual(['i1', 'i2']);
    expect(a.answers.i2).toEqual([
      { answer: '2', count: 2 },
      { answer: { b: '1', a: '2' }, count: 1 },
    ]);
    expect(canonicalJson(a)).toBe(
      '{"answers":{"i1":[{"answer":"1","count":3}],"i2":[{"answer":"2","count":2},' +
        '{"answer":{"a":"2","b":"1"},"count":1}]},"respondents":3}',
    );
  });
});
