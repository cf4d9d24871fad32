// Small frameworks for the scoring tests, built inline so the tests do not depend on frameworks/ files, and
// seed 004's worked example, which the calculator's API and CLI tests reproduce too.
import { expect } from 'vitest';
import { type Framework, type FrameworkInput, ZValidFramework } from '../framework/schema.ts';
import type { AnswersInput } from './engine.ts';
import { ScoringInputError, type ScoringProblem } from './errors.ts';

const name = (th: string) => ({ th });

/** Seed 004's worked example: an FY2568 agency's published indicator scores, as the calculator takes them. */
export const SEED_004 = {
  year: 2568,
  indicators: {
    '1': 98.22,
    '2': 99.33,
    '3': 100,
    '4': 94.44,
    '5': 98.67,
    '6': 99.76,
    '7': 99.2,
    '8': 99.44,
    '9': 93.25,
    '10': 90,
  },
};

/** What seed 004 publishes for those indicators, as the calculator (API and CLI) answers it. */
export const SEED_004_PUBLISHED = {
  year: 2568,
  instruments: { IIT: 98.13, EIT1: 99.47, EIT2: 99.47, OIT: 91.63 },
  total: 95.93,
  rating: { code: 'good', th: 'ผ่านดี', en: 'Good' },
};

/** The problems a scoring call refuses its input with; fails the test when it does not refuse. */
export function problemsOf(run: () => unknown): ScoringProblem[] {
  try {
    run();
  } catch (e) {
    expect(e).toBeInstanceOf(ScoringInputError);
    return (e as ScoringInputError & { details: { problems: ScoringProblem[] } }).details.problems;
  }
  throw new Error('expected a ScoringInputError');
}

// What must happen before an instrument is scored: a survey whose population the agency entered (IIT, EIT
// part 1), a survey without one (EIT part 2), or the OIT answered.
const SURVEYED = ['registered', 'population_entered', 'minimum_sample'];
const SAMPLED = ['registered', 'minimum_sample'];
const ANSWERED = ['registered', 'answered'];

/** FY2568 ratings (seed 004): excellent and good need every instrument at the band, pass does not. */
export const FY2568_RATING: FrameworkInput['rating'] = {
  rules: [
    {
      code: 'excellent',
      label: { th: 'ผ่านดีเยี่ยม', en: 'Excellent' },
      totalAtLeast: 95,
      everyInstrumentAtLeast: 95,
      passes: true,
    },
    {
      code: 'good',
      label: { th: 'ผ่านดี', en: 'Good' },
      totalAtLeast: 85,
      everyInstrumentAtLeast: 85,
      passes: true,
    },
    {
      code: 'pass',
      label: { th: 'ผ่าน', en: 'Pass' },
      totalAtLeast: 85,
      someInstrumentBelow: 85,
      passes: true,
    },
    { code: 'improve', label: { th: 'ต้องปรับปรุง', en: 'Needs improvement' }, totalAtLeast: 70, passes: false },
    { code: 'urgent', label: { th: 'ต้องปรับปรุงโดยด่วน', en: 'Urgent improvement' }, passes: false },
  ],
  passThreshold: 85,
};

/** Seed 004: 20% of the population, at least 30, everyone below 30, 400 above 2,000. */
export const FY2568_SAMPLE = {
  kind: 'formula',
  share: 0.2,
  atLeast: 30,
  allBelow: 30,
  cap: { above: 2000, minimum: 400 },
} as const;
/** Seed 004: EIT part 2 needs 20% of part 1's minimum, at least 20. */
export const FY2568_EIT2_SAMPLE = {
  kind: 'formula',
  of: { minimumOf: 'EIT1' },
  share: 0.2,
  atLeast: 20,
} as const;

const indicator = (code: string, subIndicators: string[] = []) => ({
  code,
  name: name(`ตัวชี้วัด ${code}`),
  subIndicators: subIndicators.map((s) => ({ code: s, name: name(`ตัวชี้วัดย่อย ${s}`) })),
});

// What the FY2568 and the single-EIT structures share: IIT 30 on indicators 1–5, OIT 40 on 9–10, and
// indicators 1–8 without sub-indicators.
const IIT_30 = {
  code: 'IIT',
  name: name('IIT'),
  collection: 'internal_staff',
  weight: 30,
  indicators: ['1', '2', '3', '4', '5'],
};
const OIT_40 = {
  code: 'OIT',
  name: name('OIT'),
  collection: 'open_data',
  weight: 40,
  indicators: ['9', '10'],
};
const INDICATORS_1_TO_8 = ['1', '2', '3', '4', '5', '6', '7', '8'].map((c) => indicator(c));

/** FY2568's structure without questions: IIT 30 (1–5), EIT1 15 and EIT2 15 (6–8), OIT 40 (9–10). */
export function fy2568Structure(overrides: Partial<FrameworkInput> = {}): Framework {
  return ZValidFramework.parse({
    year: 2568,
    name: name('กรอบทดสอบ 2568'),
    source: { th: 'ชุดทดสอบตามแบบ seed 004', en: 'test fixture modelled on seed 004' },
    instruments: [
      { ...IIT_30, sample: FY2568_SAMPLE, processing: SURVEYED },
      {
        code: 'EIT1',
        name: name('EIT ส่วนที่ 1'),
        collection: 'external_self',
        weight: 15,
        indicators: ['6', '7', '8'],
        sample: FY2568_SAMPLE,
        processing: SURVEYED,
      },
      {
        code: 'EIT2',
        name: name('EIT ส่วนที่ 2'),
        collection: 'external_assessor',
        weight: 15,
        indicators: ['6', '7', '8'],
        sample: FY2568_EIT2_SAMPLE,
        processing: SAMPLED,
      },
      { ...OIT_40, processing: ANSWERED },
    ],
    indicators: [
      ...INDICATORS_1_TO_8,
      indicator('9', ['9.1', '9.2', '9.3', '9.4', '9.5']),
      indicator('10', ['10.1', '10.2']),
    ],
    rating: FY2568_RATING,
    ...overrides,
  });
}

/** FY2566-like structure with one EIT instrument (IIT 30, EIT 30, OIT 40). */
export function singleEitStructure(): Framework {
  return ZValidFramework.parse({
    year: 2566,
    name: name('กรอบทดสอบ 2566'),
    source: { th: 'ชุดทดสอบ', en: 'test fixture' },
    instruments: [
      IIT_30,
      {
        code: 'EIT',
        name: name('EIT'),
        collection: 'external_self',
        weight: 30,
        indicators: ['6', '7', '8'],
      },
      OIT_40,
    ],
    indicators: [...INDICATORS_1_TO_8, indicator('9', ['9.1']), indicator('10', ['10.1'])],
    rating: FY2568_RATING,
  });
}

const text = (th: string) => ({ th });

/**
 * A question-level framework small enough to score by hand: IIT 40 (indicators 1–2), EIT1 15 and EIT2 15
 * (indicator 3), OIT 30 (indicator 4 with 4.1 and 4.2). Question a4 and item o4 do not apply to SAOs.
 */
export function miniFramework(): Framework {
  return ZValidFramework.parse({
    year: 2568,
    name: name('กรอบทดสอบขนาดเล็ก'),
    source: { th: 'ชุดทดสอบ', en: 'test fixture' },
    instruments: [
      {
        code: 'IIT',
        name: name('IIT'),
        collection: 'internal_staff',
        weight: 40,
        indicators: ['1', '2'],
        processing: SURVEYED,
      },
      {
        code: 'EIT1',
        name: name('EIT1'),
        collection: 'external_self',
        weight: 15,
        indicators: ['3'],
        processing: SURVEYED,
      },
      {
        code: 'EIT2',
        name: name('EIT2'),
        collection: 'external_assessor',
        weight: 15,
        indicators: ['3'],
        processing: SAMPLED,
      },
      {
        code: 'OIT',
        name: name('OIT'),
        collection: 'open_data',
        weight: 30,
        indicators: ['4'],
        processing: ANSWERED,
      },
    ],
    indicators: [indicator('1'), indicator('2'), indicator('3'), indicator('4', ['4.1', '4.2'])],
    scales: [
      {
        code: 'four_level',
        options: [
          { value: 'none', label: text('น้อยที่สุดหรือไม่มีเลย'), score: 0 },
          { value: 'little', label: text('น้อย'), score: 33.33 },
          { value: 'much', label: text('มาก'), score: 66.67 },
          { value: 'most', label: text('มากที่สุด'), score: 100 },
        ],
      },
      {
        code: 'yes_no',
        options: [
          { value: 'yes', label: text('ใช่'), score: 100 },
          { value: 'no', label: text('ไม่ใช่'), score: 0 },
        ],
      },
    ],
    questions: [
      { code: 'a1', indicator: '1', text: text('ปฏิบัติงานตามขั้นตอน'), scale: 'four_level' },
      { code: 'a2', indicator: '1', text: text('เลือกปฏิบัติ'), scale: 'four_level', polarity: 'reversed' },
      {
        code: 'a3',
        indicator: '2',
        text: text('มีการเรียกรับผลประโยชน์'),
        scale: 'yes_no',
        polarity: 'reversed', // yes = 0 …
        subItems: [
          { code: 'x', text: text('เงิน') },
          { code: 'y', text: text('มีช่องทางร้องเรียน'), polarity: 'positive' }, // … except here, yes = 100
          { code: 'z', text: text('ของขวัญ') },
        ],
      },
      {
        code: 'a4',
        indicator: '2',
        text: text('ไม่ใช้กับ อบต.'),
        scale: 'four_level',
        appliesTo: { exceptTypes: ['sao'] },
      },
      { code: 'e1', indicator: '3', text: text('คุณภาพการให้บริการ'), scale: 'four_level' },
      { code: 'e2', indicator: '3', text: text('มีบริการออนไลน์'), scale: 'yes_no' },
    ],
    oitItems: [
      {
        code: 'o1',
        indicator: '4',
        subIndicator: '4.1',
        title: text('โครงสร้าง'),
        components: [text('แผนผัง')],
      },
      { code: 'o2', indicator: '4', subIndicator: '4.1', title: text('ผู้บริหาร'), components: [text('รายชื่อ')] },
      {
        code: 'o3',
        indicator: '4',
        subIndicator: '4.2',
        title: text('แผนงบประมาณ'),
        components: [text('แผน')],
      },
      {
        code: 'o4',
        indicator: '4',
        subIndicator: '4.2',
        title: text('เฉพาะมหาวิทยาลัย'),
        components: [text('รายงาน')],
        appliesTo: { onlyTypes: ['university'] },
      },
    ],
    rating: FY2568_RATING,
  });
}

/**
 * Hand-computed case for an SAO (question a4 and OIT item o4 do not apply to SAOs). Scales: four-level
 * 0 / 33.33 / 66.67 / 100, yes/no 100 / 0. a2 is reversed; a3 is reversed except sub-item y.
 */
export function handCase(overrides: Partial<AnswersInput> = {}): AnswersInput {
  return {
    agencyType: 'sao',
    responses: {
      IIT: [
        // a1 100 · a2 100−33.33 = 66.67 · a3 x no→100, y yes→100, z no→100 = 100 · a4 ignored (SAO)
        { answers: { a1: 'most', a2: 'little', a3: { x: 'no', y: 'yes', z: 'no' }, a4: 'none' } },
        // a1 66.67 · a2 100−0 = 100 · a3 x yes→0, y no→0, z skipped = 0
        { answers: { a1: 'much', a2: 'none', a3: { x: 'yes', y: 'no' } } },
        // a1 33.33 · a2 skipped · a3 100, 100, 0 = 66.67
        { answers: { a1: 'little', a3: { x: 'no', y: 'yes', z: 'yes' } } },
      ],
      EIT1: [{ answers: { e1: 'most', e2: 'yes' } }, { answers: { e1: 'none', e2: 'no' } }],
      EIT2: [{ answers: { e1: 'much', e2: 'yes' } }],
    },
    oit: { o1: 100, o2: 0, o3: 100 },
    processing: {
      registered: true,
      populationEntered: { IIT: true, EIT1: true },
      minimumSample: { IIT: 3, EIT1: 2, EIT2: 1 },
      oitAnswered: true,
    },
    ...overrides,
  };
}
