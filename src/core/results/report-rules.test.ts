import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { instrumentLabel, weakestQuestions } from './report-rules.ts';

describe('weakestQuestions', () => {
  it('marks the three lowest and every question below the pass mark', () => {
    const scores = { i1: 99, i2: 97.5, i3: 100, i4: 96, i5: 98, i6: 99.5 };
    expect([...weakestQuestions(scores, 85)].sort()).toEqual(['i2', 'i4', 'i5']);
    const low = { i1: 70, i2: 80, i3: 84.99, i4: 90, i5: 60, i6: 100 };
    expect([...weakestQuestions(low, 85)].sort()).toEqual(['i1', 'i2', 'i3', 'i5']);
  });

  it('marks ties with the third lowest alike, and nothing of an empty instrument', () => {
    expect([...weakestQuestions({ a: 90, b: 95, c: 95, d: 95, e: 99 }, 85)].sort()).toEqual(['a', 'b', 'c', 'd']);
    expect(weakestQuestions({}, 85).size).toBe(0);
    expect([...weakestQuestions({ a: 100, b: 100 }, 85)]).toEqual(['a', 'b']);
  });

  it('always marks at least min(3, n), never a question above an unmarked one', () => {
    const scores = fc.dictionary(
      fc.stringMatching(/^q[0-9]{1,2}$/),
      fc.double({ min: 0, max: 100, noNaN: true }),
    );
    fc.assert(
      fc.property(scores, fc.double({ min: 0, max: 100, noNaN: true }), (s, mark) => {
        const marked = weakestQuestions(s, mark);
        const entries = Object.entries(s);
        expect(marked.size).toBeGreaterThanOrEqual(Math.min(3, entries.length));
        for (const [code, score] of entries) {
          if (score < mark) expect(marked.has(code)).toBe(true);
          if (!marked.has(code))
            for (const m of marked) expect(s[m] as number).toBeLessThanOrEqual(score);
        }
      }),
    );
  });
});

describe('instrumentLabel', () => {
  it('names EIT parts as agencies do', () => {
    expect(instrumentLabel(['EIT1', 'EIT2'])).toBe('EIT');
    expect(instrumentLabel(['IIT'])).toBe('IIT');
    expect(instrumentLabel(['OIT'])).toBe('OIT');
  });
});
