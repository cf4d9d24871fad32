// API shapes of the assessors' advice (issue 10 §3): per agency-year, lines on IIT and EIT questions ("ข้อ I20
// ประเด็น … ข้อเสนอแนะ …", seed 002) and one overall comment. Read and written by NACC admins and the
// assessors assigned to the agency that year; agencies see it in their report, from the run's snapshot.
import { z } from 'zod';
import { ZDisplayCode, ZLocalized } from '../../core/framework/schema.ts';
import { ADVICE_INSTRUMENTS } from '../../core/results/details.ts';

export const ADVICE_LIMITS = { entries: 200, issue: 2000, advice: 4000, overall: 8000 } as const;

export const ZAdviceInstrument = z
  .enum(ADVICE_INSTRUMENTS)
  .describe('`IIT`, or `EIT` (parts 1 and 2 share their questions; the display code tells the part)');

export const ZAdviceEntryInput = z.strictObject({
  instrument: ZAdviceInstrument,
  questionCode: ZDisplayCode.nullable()
    .default(null)
    .describe(
      'The question as ITAS shows it (i2, ES2, EP4; I20 in FY2566), one the instrument asks in the year’s ' +
        'framework; null for advice on the instrument as a whole',
    ),
  issue: z.string().trim().min(1).max(ADVICE_LIMITS.issue).describe('ประเด็น: what the assessors found'),
  advice: z.string().trim().min(1).max(ADVICE_LIMITS.advice).describe('ข้อเสนอแนะ: what the agency should do'),
});

export const ZAdviceBody = z
  .strictObject({
    entries: z.array(ZAdviceEntryInput).max(ADVICE_LIMITS.entries).describe('The whole list, in order'),
    overall: z
      .string()
      .trim()
      .max(ADVICE_LIMITS.overall)
      .nullable()
      .default(null)
      .describe('ความเห็นโดยรวม; empty or null for none'),
    version: z
      .number()
      .int()
      .min(0)
      .optional()
      .describe(
        'The `version` the editor read (0 when there was none): a save over a newer version answers 409 ' +
          '`advice_changed` (another assessor saved meanwhile). Left out: last save wins.',
      ),
  })
  .meta({
    example: {
      entries: [
        {
          instrument: 'IIT',
          questionCode: 'i10',
          issue: 'บุคลากรบางส่วนเห็นว่ามีการนำทรัพย์สินของราชการไปใช้ส่วนตัว',
          advice: 'ควรจัดทำแนวปฏิบัติการยืมทรัพย์สินของราชการและเผยแพร่ให้บุคลากรทราบ',
        },
      ],
      overall: 'หน่วยงานควรสื่อสารมาตรการป้องกันการทุจริตให้บุคลากรรับรู้อย่างทั่วถึง',
      version: 1,
    },
  });
export type AdviceBody = z.infer<typeof ZAdviceBody>;

/** A question the advice may cite: its code as ITAS shows it, the framework code, the text and indicator. */
export const ZAdviceQuestion = z.object({
  displayCode: z.string(),
  code: z.string().describe('The framework’s own code of the question'),
  /** Which instruments show it under this display code (EIT1, EIT2…). */
  instruments: z.array(z.string()),
  indicator: z.string(),
  text: ZLocalized,
});
export type AdviceQuestion = z.infer<typeof ZAdviceQuestion>;

export const ZAdviceEntry = z.object({
  instrument: ZAdviceInstrument,
  questionCode: z.string().nullable().describe('As ITAS shows it; null for the instrument as a whole'),
  /** The cited question (null when the line cites none). */
  question: ZAdviceQuestion.nullable(),
  issue: z.string(),
  advice: z.string(),
});
export type AdviceEntryView = z.infer<typeof ZAdviceEntry>;

export const ZAdvice = z.object({
  agencyId: z.uuid(),
  year: z.number().int(),
  entries: z.array(ZAdviceEntry),
  overall: z.string().nullable(),
  /** 0 while nothing was saved; send it back in the PUT body. */
  version: z.number().int(),
  updatedAt: z.iso.datetime().nullable(),
  updatedBy: z.object({ id: z.uuid(), name: z.string() }).nullable(),
  /** The questions each advice instrument may cite, in framework order (for the editor's pickers). */
  questions: z.object({ IIT: z.array(ZAdviceQuestion), EIT: z.array(ZAdviceQuestion) }),
  limits: z.object({
    entries: z.number().int(),
    issue: z.number().int(),
    advice: z.number().int(),
    overall: z.number().int(),
  }),
});
export type Advice = z.infer<typeof ZAdvice>;
