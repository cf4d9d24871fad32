// A small framework for the survey tests, built inline so the tests do not depend on frameworks/ files.
import { type Framework, type FrameworkInput, ZValidFramework } from '../framework/schema.ts';

const name = (th: string, en?: string) => (en ? { th, en } : { th });
type QuestionInput = NonNullable<FrameworkInput['questions']>[number];
const level4 = (code: string, indicator: string, extra: Partial<QuestionInput> = {}): QuestionInput => ({
  code,
  indicator,
  text: name(`ข้อ ${code}`, `Question ${code}`),
  scale: 'level4',
  ...extra,
});

/**
 * IIT (indicators 1–2): a1, a2 (sub-items x, y), a3 (yes/no, sub-items p, q), a4–a6, a7 (universities only),
 * a8 (not SAOs). EIT1 and EIT2 share indicator 3: e1, e2 (yes/no). OIT: indicator 4.
 */
export function surveyFramework(): Framework {
  return ZValidFramework.parse({
    year: 2568,
    name: name('กรอบทดสอบแบบสอบถาม'),
    source: { th: 'ชุดทดสอบแบบสอบถาม', en: 'survey test fixture' },
    instruments: [
      { code: 'IIT', name: name('IIT'), collection: 'internal_staff', weight: 30, indicators: ['1', '2'] },
      { code: 'EIT1', name: name('EIT 1'), collection: 'external_self', weight: 15, indicators: ['3'] },
      { code: 'EIT2', name: name('EIT 2'), collection: 'external_assessor', weight: 15, indicators: ['3'] },
      { code: 'OIT', name: name('OIT'), collection: 'open_data', weight: 40, indicators: ['4'] },
    ],
    indicators: [
      { code: '1', name: name('หน้าที่', 'Duties') },
      { code: '2', name: name('งบประมาณ', 'Budget') },
      { code: '3', name: name('คุณภาพ', 'Quality') },
      { code: '4', name: name('เปิดเผยข้อมูล'), subIndicators: [{ code: '4.1', name: name('ข้อมูลพื้นฐาน') }] },
    ],
    scales: [
      {
        code: 'level4',
        options: ['none', 'little', 'much', 'most'].map((value, i) => ({
          value,
          label: name(`ระดับ ${i}`),
          score: [0, 33.33, 66.67, 100][i],
        })),
      },
      {
        code: 'yesno',
        options: [
          { value: 'yes', label: name('ใช่'), score: 100 },
          { value: 'no', label: name('ไม่ใช่'), score: 0 },
        ],
      },
    ],
    questions: [
      level4('a1', '1'),
      level4('a2', '1', {
        subItems: [
          { code: 'x', text: name('x') },
          { code: 'y', text: name('y') },
        ],
      }),
      {
        ...level4('a3', '1'),
        scale: 'yesno',
        subItems: [
          { code: 'p', text: name('p') },
          { code: 'q', text: name('q') },
        ],
      },
      level4('a4', '2'),
      level4('a5', '2', { polarity: 'reversed' }),
      level4('a6', '2'),
      level4('a7', '2', { appliesTo: { onlyTypes: ['university'] } }),
      level4('a8', '2', { appliesTo: { exceptTypes: ['sao'] } }),
      level4('e1', '3'),
      { ...level4('e2', '3'), scale: 'yesno' },
    ],
    oitItems: [
      {
        code: 'o1',
        indicator: '4',
        subIndicator: '4.1',
        title: name('โครงสร้าง'),
        components: [name('แผนผัง')],
      },
    ],
    rating: {
      rules: [
        { code: 'pass', label: name('ผ่าน'), totalAtLeast: 85, passes: true },
        { code: 'fail', label: name('ไม่ผ่าน'), passes: false },
      ],
      passThreshold: 85,
    },
  });
}

/** A complete, valid IIT sheet for an agency of type `sao` (a7 and a8 do not apply). */
export const VALID_SAO_IIT = {
  a1: 'most',
  a2: { x: 'much', y: 'most' },
  a3: { p: 'no', q: 'yes' },
  a4: 'little',
  a5: 'none',
  a6: 'most',
} as const;
