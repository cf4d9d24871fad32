import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { proposeWeakPoints, WP_INSTRUMENTS, type WpIndicator, type WpQuestion } from './weak-points.ts';

const T = { threshold: 85, highMark: 95 };

describe('proposeWeakPoints', () => {
  it('proposes questions under the pass mark as urgent, lowest first, then each indicator’s lowest to develop', () => {
    const indicators: WpIndicator[] = [
      { code: '1', instrument: 'IIT', score: 87.85 },
      { code: '4', instrument: 'IIT', score: 83.24 },
    ];
    const questions: WpQuestion[] = [
      { instrument: 'IIT', indicator: '1', code: 'i1', score: 90 },
      { instrument: 'IIT', indicator: '1', code: 'i2', score: 86 },
      { instrument: 'IIT', indicator: '4', code: 'i10', score: 80 },
      { instrument: 'IIT', indicator: '4', code: 'i11', score: 70 },
      { instrument: 'IIT', indicator: '4', code: 'i12', score: 92 },
    ];
    expect(proposeWeakPoints(indicators, questions, T)).toEqual([
      { instrument: 'IIT', indicator: '4', questionCodes: ['i11'], score: 70, class: 'urgent' },
      { instrument: 'IIT', indicator: '4', questionCodes: ['i10'], score: 80, class: 'urgent' },
      { instrument: 'IIT', indicator: '1', questionCodes: ['i2'], score: 86, class: 'develop' },
      { instrument: 'IIT', indicator: '4', questionCodes: ['i12'], score: 92, class: 'develop' },
    ]);
  });

  it('keeps the standard of a high indicator with nothing under the pass mark, and proposes nothing at 100', () => {
    const points = proposeWeakPoints(
      [
        { code: '3', instrument: 'IIT', score: 100 },
        { code: '9', instrument: 'OIT', score: 96 },
        { code: '10', instrument: 'OIT', score: 100 },
      ],
      [
        { instrument: 'IIT', indicator: '3', code: 'i7', score: 100 },
        { instrument: 'OIT', indicator: '9', code: 'o5', score: 100 },
      ],
      T,
    );
    expect(points.map((p) => [p.indicator, p.class, p.questionCodes])).toEqual([
      ['3', 'keep', []],
      ['9', 'keep', []],
      ['10', 'keep', []],
    ]);
  });

  it('includes every tie of the lowest question, and an OIT item scored 0 as urgent', () => {
    const points = proposeWeakPoints(
      [
        { code: '6', instrument: 'EIT', score: 91 },
        { code: '10', instrument: 'OIT', score: 90 },
      ],
      [
        { instrument: 'EIT', indicator: '6', code: 'ES2', score: 88.5 },
        { instrument: 'EIT', indicator: '6', code: 'ES3', score: 88.5 },
        { instrument: 'EIT', indicator: '6', code: 'ES1', score: 96 },
        { instrument: 'OIT', indicator: '10', code: 'o27', score: 0 },
        { instrument: 'OIT', indicator: '10', code: 'o28', score: 100 },
      ],
      T,
    );
    expect(points.map((p) => [p.questionCodes[0], p.class])).toEqual([
      ['ES2', 'develop'],
      ['ES3', 'develop'],
      ['o27', 'urgent'],
    ]);
  });

  it('skips an indicator that was not scored', () => {
    expect(
      proposeWeakPoints(
        [{ code: '1', instrument: 'IIT', score: null }],
        [{ instrument: 'IIT', indicator: '1', code: 'i1', score: 10 }],
        T,
      ),
    ).toEqual([]);
  });

  const world = fc
    .array(
      fc.record({
        instrument: fc.constantFrom(...WP_INSTRUMENTS),
        score: fc.option(fc.integer({ min: 0, max: 100 }), { nil: null }),
        questions: fc.array(fc.integer({ min: 0, max: 100 }), { maxLength: 6 }),
      }),
      { maxLength: 8 },
    )
    .map((inds) => {
      const indicators: WpIndicator[] = inds.map((i, n) => ({
        code: String(n + 1),
        instrument: i.instrument,
        score: i.score,
      }));
      const questions: WpQuestion[] = inds.flatMap((i, n) =>
        i.questions.map((score, k) => ({
          instrument: i.instrument,
          indicator: String(n + 1),
          code: `q${n + 1}_${k}`,
          score,
        })),
      );
      return { indicators, questions };
    });

  it('proposes only questions under the pass mark or the lowest of their indicator; high indicators keep (property)', () => {
    fc.assert(
      fc.property(world, ({ indicators, questions }) => {
        const points = proposeWeakPoints(indicators, questions, T);
        const byCode = new Map(questions.map((q) => [q.code, q]));
        for (const p of points) {
          const ind = indicators.find((i) => i.code === p.indicator);
          expect(ind?.score).not.toBeNull();
          const own = questions.filter((q) => q.indicator === p.indicator);
          if (p.class === 'keep') {
            expect(p.questionCodes).toEqual([]);
            expect(ind?.score ?? 0).toBeGreaterThanOrEqual(95);
            expect(own.every((q) => q.score >= 85)).toBe(true);
            continue;
          }
          expect(p.questionCodes).toHaveLength(1);
          const q = byCode.get(p.questionCodes[0] ?? '');
          expect(q?.indicator).toBe(p.indicator);
          expect(p.score).toBe(q?.score);
          if (p.class === 'urgent') expect(p.score).toBeLessThan(85);
          else {
            const rest = own.filter((o) => o.score >= 85 && o.score < 100);
            expect(p.score).toBe(Math.min(...rest.map((o) => o.score)));
          }
        }
        // Every question under the pass mark of a scored indicator is proposed, exactly once; every tie too.
        for (const q of questions) {
          const ind = indicators.find((i) => i.code === q.indicator);
          const n = points.filter((p) => p.questionCodes[0] === q.code).length;
          if (ind?.score !== null && q.score < 85) expect(n).toBe(1);
          else expect(n).toBeLessThanOrEqual(1);
        }
        // Urgent before develop before keep within an instrument; instruments in order.
        const rank = points.map(
          (p) => WP_INSTRUMENTS.indexOf(p.instrument) * 3 + ['urgent', 'develop', 'keep'].indexOf(p.class),
        );
        expect(rank).toEqual([...rank].sort((a, b) => a - b));
      }),
    );
  });
});
