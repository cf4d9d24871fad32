import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { AnswerValue } from '../scoring/index.ts';
import { durationBand } from './duration.ts';
import {
  type AgencyQualityInput,
  answerItems,
  answerUniformity,
  flagAgency,
  flagResponses,
  QUALITY_DEFAULTS,
  type QualityResponse,
} from './quality.ts';
import { surveyFramework } from './test-fixtures.ts';

const framework = surveyFramework();
// For a university every IIT question applies: 7 four-level questions (a1, a2×2, a4–a8) and a3 (yes/no ×2).
const items = answerItems(framework, 'IIT', 'university');
const LEVELS = ['none', 'little', 'much', 'most'] as const;
type Level = (typeof LEVELS)[number];

/** A university IIT sheet: `levels` cycles over the four-level items; a3 is yes/no. */
function sheet(levels: readonly Level[], a3: { p: string; q: string } = { p: 'yes', q: 'no' }) {
  const at = (i: number) => levels[i % levels.length] as Level;
  return {
    a1: at(0),
    a2: { x: at(1), y: at(2) },
    a3,
    a4: at(3),
    a5: at(4),
    a6: at(5),
    a7: at(6),
    a8: at(7),
  } satisfies Record<string, AnswerValue>;
}
const response = (
  id: string,
  answers: Record<string, AnswerValue>,
  durationSeconds = 300,
): QualityResponse => ({
  id,
  answers,
  durationBand: durationBand(durationSeconds),
});
/** A different, not straight-lined sheet for every i below 4,096 (i's base-4 digits, shifted per item). */
const varied = (i: number) =>
  sheet(Array.from({ length: 8 }, (_, k) => LEVELS[(Math.floor(i / 4 ** k) + k) % 4] as Level));
const codesOf = (result: ReturnType<typeof flagResponses>) => result.map((r) => r.flags.map((f) => f.code));

describe('answerItems', () => {
  it('lists questions and sub-items in questionnaire order with polarity applied to scores', () => {
    expect(items.map((i) => i.subItemCode ?? i.questionCode)).toEqual([
      'a1',
      'x',
      'y',
      'p',
      'q',
      'a4',
      'a5',
      'a6',
      'a7',
      'a8',
    ]);
    expect(items[0]?.scores).toEqual([0, 33.33, 66.67, 100]);
    expect(items.find((i) => i.questionCode === 'a5')?.scores).toEqual([100, 66.67, 33.33, 0]);
  });
});

describe('flagResponses: speeder', () => {
  const agency = (fast: number, count = 10) => [
    ...Array.from({ length: count - 1 }, (_, i) => response(`r${i}`, varied(i), 300)),
    response('fast', varied(1), fast),
  ];

  it('flags a response whose duration band lies under 30% of the agency median, with the numbers', () => {
    // 300 s is in the 4–8 min band (middle 339 s): the limit is 101.7 s, and 20 s is in the band under 30 s.
    const sut = flagResponses(items, agency(20)).find((r) => r.id === 'fast');
    expect(sut?.flags).toEqual([
      expect.objectContaining({
        code: 'speeder',
        evidence: { underSeconds: 30, medianSeconds: 339, fraction: 0.3 },
        th: 'ตอบเสร็จในเวลาไม่ถึง 30 วินาที ต่ำกว่า 30% ของค่ามัธยฐานของหน่วยงาน (ประมาณ 339 วินาที)',
        en: "Finished in under 30 s, under 30% of the agency's median (about 339 s)",
      }),
    ]);
  });

  it('does not flag a band that reaches above the limit, even if the response itself was under it', () => {
    // 90 s is under 101.7 s, but its band (1–2 min) is not wholly under it: coarsening raises no flag.
    expect(flagResponses(items, agency(90)).flatMap((r) => r.flags)).toEqual([]);
  });

  it('says nothing about a response without a duration', () => {
    const list = [...agency(20).slice(0, 9), { id: 'unmeasured', answers: varied(1), durationBand: null }];
    expect(flagResponses(items, list).flatMap((r) => r.flags)).toEqual([]);
  });

  it('says nothing below ten responses', () => {
    expect(flagResponses(items, agency(1, 9)).flatMap((r) => r.flags)).toEqual([]);
  });

  it('follows an overridden fraction', () => {
    const sut = flagResponses(items, agency(100), { speederFraction: 0.5 });
    expect(flagResponses(items, agency(100)).flatMap((r) => r.flags)).toEqual([]);
    expect(sut.find((r) => r.id === 'fast')?.flags.map((f) => f.code)).toEqual(['speeder']);
  });

  it('property: doubling every duration (one band up) flags the same responses', () => {
    const durations = fc.array(fc.integer({ min: 30, max: 900 }), { minLength: 10, maxLength: 40 });
    fc.assert(
      fc.property(durations, fc.constantFrom(2, 4), (list, factor) => {
        const make = (k: number) => list.map((d, i) => response(`r${i}`, varied(i), d * k));
        expect(codesOf(flagResponses(items, make(factor)))).toEqual(codesOf(flagResponses(items, make(1))));
      }),
    );
  });
});

describe('flagResponses: straight-lining', () => {
  it('flags the same position on every four-level question', () => {
    const [sut] = flagResponses(items, [response('r', sheet(['most'], { p: 'no', q: 'yes' }))]);
    expect(sut?.flags).toEqual([
      expect.objectContaining({
        code: 'straight_lining',
        evidence: { position: 4, questions: 7, threshold: 6 },
      }),
    ]);
  });

  it('does not flag when one answer differs', () => {
    const answers = { ...sheet(['most']), a6: 'much' };
    expect(flagResponses(items, [response('r', answers)])[0]?.flags).toEqual([]);
  });

  it('needs six questions: an SAO sheet has only five four-level questions', () => {
    const sao = answerItems(framework, 'IIT', 'sao');
    expect(flagResponses(sao, [response('r', sheet(['most']))])[0]?.flags).toEqual([]);
    expect(
      flagResponses(sao, [response('r', sheet(['most']))], { straightLineMinQuestions: 5 })[0]?.flags,
    ).toHaveLength(1);
  });
});

describe('flagResponses: duplicate vectors', () => {
  it('flags a sheet identical to two others, whatever the key order', () => {
    const { a8, ...rest } = varied(0);
    const reordered = { a8, ...rest };
    const sut = flagResponses(items, [
      response('a', varied(0)),
      response('b', reordered),
      response('c', varied(0)),
      response('d', varied(1)),
    ]);
    expect(codesOf(sut)).toEqual([['duplicate_vector'], ['duplicate_vector'], ['duplicate_vector'], []]);
    expect(sut[0]?.flags[0]?.evidence).toEqual({ identicalOthers: 2, threshold: 2 });
  });

  it('does not flag a pair unless asked to', () => {
    const pair = [response('a', varied(0)), response('b', varied(0))];
    expect(codesOf(flagResponses(items, pair))).toEqual([[], []]);
    expect(codesOf(flagResponses(items, pair, { duplicateMinOthers: 1 }))).toEqual([
      ['duplicate_vector'],
      ['duplicate_vector'],
    ]);
  });

  it('property: a response’s flags do not depend on the order of the agency’s responses', () => {
    const level = fc.constantFrom(...LEVELS);
    const resp = fc.record({
      levels: fc.array(level, { minLength: 1, maxLength: 3 }),
      d: fc.integer({ min: 1, max: 900 }),
    });
    fc.assert(
      fc.property(
        fc.array(resp, { minLength: 1, maxLength: 25 }).chain((list) =>
          fc.tuple(
            fc.constant(list),
            fc.shuffledSubarray(
              list.map((_, i) => i),
              { minLength: list.length, maxLength: list.length },
            ),
          ),
        ),
        ([list, order]) => {
          const all = list.map((r, i) => response(`r${i}`, sheet(r.levels), r.d));
          const byId = (result: ReturnType<typeof flagResponses>) =>
            Object.fromEntries(result.map((r) => [r.id, r.flags.map((f) => f.code)]));
          const shuffled = order.map((i) => all[i] as QualityResponse);
          expect(byId(flagResponses(items, shuffled))).toEqual(byId(flagResponses(items, all)));
          expect(flagResponses(items, shuffled).map((r) => r.id)).toEqual(shuffled.map((r) => r.id));
        },
      ),
    );
  });
});

describe('flagAgency', () => {
  const calm: AgencyQualityInput = {
    items,
    responses: Array.from({ length: 12 }, (_, i) => response(`r${i}`, varied(i))),
    dayCounts: [
      { day: '2025-03-01', count: 6 },
      { day: '2025-03-02', count: 6 },
    ],
    windowCounts: { windowMinutes: 10, counts: [3, 5, 4] },
    peerUniformity: [],
  };

  it('raises nothing for an ordinary agency', () => {
    expect(flagAgency(calm)).toEqual([]);
  });

  it('flags a burst within a short window', () => {
    const sut = flagAgency({ ...calm, windowCounts: { windowMinutes: 10, counts: [3, 25, 40, 2] } });
    expect(sut).toEqual([
      expect.objectContaining({
        code: 'burst_window',
        evidence: { peak: 40, windowMinutes: 10, windows: 2, threshold: 20 },
        en: 'Up to 40 submissions within 10 minutes (2 windows reached 20)',
      }),
    ]);
  });

  it('flags a single day holding most responses, only from 30 responses', () => {
    const days = (big: number) => [
      { day: '2025-03-01', count: 5 },
      { day: '2025-03-05', count: big },
    ];
    expect(flagAgency({ ...calm, dayCounts: days(29) })).toEqual([]);
    const [sut] = flagAgency({ ...calm, dayCounts: days(45) });
    expect(sut).toMatchObject({
      code: 'burst_day',
      evidence: { day: '2025-03-05', count: 45, total: 50, share: 0.9 },
    });
    expect(sut?.th).toContain('90%');
    expect(sut?.th).toContain('5 มีนาคม 2568');
    expect(sut?.th).not.toContain('2025-03-05');
    expect(sut?.en).toContain('5 March 2025');
  });

  it('flags a high share of identical answer sheets', () => {
    const responses = [
      ...Array.from({ length: 4 }, (_, i) => response(`same${i}`, varied(0))),
      ...Array.from({ length: 6 }, (_, i) => response(`other${i}`, varied(i + 1))),
    ];
    const sut = flagAgency({ ...calm, responses }).find((f) => f.code === 'identical_share');
    expect(sut).toMatchObject({
      evidence: { identical: 4, responses: 10, share: 0.4, threshold: 0.3 },
      en: '4 of 10 responses (40%) repeat another response exactly, above 30%',
    });
    const three = [...responses.slice(1), response('other9', varied(99))];
    expect(flagAgency({ ...calm, responses: three })).toEqual([]);
    expect(flagAgency({ ...calm, responses: responses.slice(0, 9) })).toEqual([]);
  });

  it('flags answers far more uniform than peer agencies', () => {
    // Everyone gives the agency the best score on every item (a5 is reversed): no variance at all.
    const coached = Array.from({ length: 10 }, (_, i) =>
      response(`c${i}`, { ...sheet(['most'], { p: 'yes', q: 'yes' }), a5: 'none' }, 200 + i),
    );
    const peers = [300, 320, 340, 360, 380, 400, 420, 440, 460, 480];
    const sut = flagAgency({ ...calm, responses: coached, peerUniformity: peers });
    const flag = sut.find((f) => f.code === 'unusual_uniformity');
    expect(flag?.evidence).toMatchObject({ agencyVariance: 0, peerMedian: 390, peers: 10 });
    expect(flag?.evidence.robustZ as number).toBeLessThan(QUALITY_DEFAULTS.uniformityZThreshold);
    expect(
      flagAgency({ ...calm, responses: coached, peerUniformity: peers.slice(0, 9) }).map((f) => f.code),
    ).not.toContain('unusual_uniformity');
  });
});

describe('answerUniformity', () => {
  it('is zero when every answer gives the same score, reversed questions included', () => {
    const best = { ...sheet(['most'], { p: 'yes', q: 'yes' }), a5: 'none' };
    expect(answerUniformity(items, [response('r', best)])).toBe(0);
    expect(answerUniformity(items, [response('r', sheet(['most'], { p: 'yes', q: 'yes' }))])).toBeGreaterThan(
      0,
    );
    expect(answerUniformity(items, [])).toBeNull();
  });
});
