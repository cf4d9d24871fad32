// Request and response schemas of framework authoring (drafts): NACC admins only.
import { z } from 'zod';
import { FRAMEWORK_DRAFT_STATUSES } from '../../db/schema/frameworks.ts';

const ZYear = z.number().int().min(2500).max(2700);

export const ZDraftParams = z.object({ id: z.uuid() });

export const ZCreateDraftBody = z.strictObject({
  /** The year whose framework in force is copied. */
  fromYear: ZYear,
  /** The draft's fiscal year: usually fromYear + 1; fromYear itself for a correction. */
  year: ZYear,
});
export type CreateDraftBody = z.infer<typeof ZCreateDraftBody>;

export const ZSaveDraftBody = z.strictObject({
  /** The revision the edit started from; a stale one is 409 `draft_changed`. */
  revision: z.number().int().min(1),
  definition: z
    .record(z.string(), z.unknown())
    .describe('The framework as edited, in the format of frameworks/fy<year>.json'),
});
export type SaveDraftBody = z.infer<typeof ZSaveDraftBody>;

export const ZPublishDraftBody = z.strictObject({ revision: z.number().int().min(1) });

export const ZProblem = z.object({ path: z.string(), th: z.string(), en: z.string() });

export const ZDraftHead = z.object({
  id: z.uuid(),
  year: z.number().int(),
  base: z.object({ year: z.number().int(), version: z.number().int() }),
  status: z.enum(FRAMEWORK_DRAFT_STATUSES),
  revision: z.number().int(),
  /** The version it became, once published. */
  publishedVersion: z.number().int().nullable(),
  createdAt: z.iso.datetime(),
  updatedAt: z.iso.datetime(),
});
export type DraftHead = z.infer<typeof ZDraftHead>;

export const ZDraft = ZDraftHead.extend({
  definition: z.record(z.string(), z.unknown()),
  /** Every problem of the definition as it stands (empty: it can be published). */
  problems: z.array(ZProblem),
});
export type Draft = z.infer<typeof ZDraft>;

export const ZPublished = z.object({ year: z.number().int(), version: z.number().int() });
