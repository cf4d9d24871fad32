import { z } from 'zod';

export const ZInstrument = z.enum(['IIT', 'EIT1']);
export const ZRespondParams = z.object({ agencyId: z.uuid(), instrument: ZInstrument });
export const ZAgencyParam = z.object({ agencyId: z.uuid() });

export const ZAgencySearchQuery = z.object({
  q: z.string().max(100).optional(),
  province: z.string().max(20).optional(),
});
export const ZAgencySearchResult = z.object({
  items: z.array(
    z.object({
      id: z.uuid(),
      nameTh: z.string(),
      nameEn: z.string().nullable(),
      province: z.object({ code: z.string(), nameTh: z.string(), nameEn: z.string().nullable() }).nullable(),
    }),
  ),
});

const ZLocalized = z.object({ th: z.string(), en: z.string().optional() });
export const ZQuestionnaire = z.object({
  year: z.number().int(),
  instrument: z.object({ code: z.string(), name: ZLocalized }),
  agencyType: z.string(),
  groups: z.array(
    z.object({
      indicator: z.object({ code: z.string(), name: ZLocalized }),
      questions: z.array(
        z.object({
          code: z.string(),
          text: ZLocalized,
          scaleCode: z.string(),
          options: z.array(z.object({ value: z.string(), label: ZLocalized })),
          subItems: z.array(z.object({ code: z.string(), text: ZLocalized })),
        }),
      ),
    }),
  ),
});

export const ZRespondentPage = z.object({
  agency: z.object({ id: z.uuid(), nameTh: z.string(), nameEn: z.string().nullable() }),
  year: z.number().int(),
  instrument: ZInstrument,
  window: z.object({ open: z.boolean(), opensOn: z.string().nullable(), closesOn: z.string().nullable() }),
  requiresToken: z.boolean(),
  /** IIT: whether it takes responses (an approved population with room left); EIT part 1 is always open. */
  intake: z.enum(['open', 'full', 'awaiting_population']),
  questionnaire: ZQuestionnaire,
});

export const ZAccessBody = z.strictObject({
  accessCode: z.string().min(1).max(40),
  token: z.string().max(40).optional(),
});

export const ZGrantResult = z.object({ grant: z.string(), expiresAt: z.string() });

export const ZSubmitBody = z.strictObject({
  grant: z.string().min(1).max(2000),
  submissionId: z.uuid(),
  answers: z
    .record(z.string().max(64), z.unknown())
    .refine((a) => Object.keys(a).length <= 500, { message: 'too many answers' }),
  durationSeconds: z
    .number()
    .min(0)
    .max(7 * 86_400),
});
export type SubmitBody = z.infer<typeof ZSubmitBody>;

export const ZSubmitResult = z.object({ status: z.enum(['recorded', 'already_recorded']) });
