// API shapes of processing runs (zod; also the OpenAPI documentation).
import { z } from 'zod';
import { RUN_KINDS, RUN_SCOPES, RUN_STATUSES } from '../../core/results/runs.ts';
import { ZFiscalYear } from '../../shared/fiscal-year.ts';
import { PAGE_SIZE_DEFAULT, PAGE_SIZE_MAX } from '../../shared/limits.ts';

export const ZYearParams = z.object({ year: ZFiscalYear });
export const ZRunParams = z.object({ year: ZFiscalYear, id: z.uuid() });
export const ZChangesQuery = z.object({ against: z.uuid().describe('The run to compare with (same year)') });

export const ZRunBody = z
  .strictObject({
    kind: z
      .enum(RUN_KINDS)
      .default('run')
      .describe('`run`: every participating agency; `preview`: a dry run, stored apart, never publishable'),
    scope: z.enum(RUN_SCOPES).default('all').describe('A run covers all agencies; a preview any scope'),
    provinceCode: z.string().min(1).max(20).optional().describe('With scope `province`'),
    agencyId: z.uuid().optional().describe('With scope `agency`'),
  })
  .meta({ example: { kind: 'run', scope: 'all' } });
export type RunBody = z.infer<typeof ZRunBody>;

export const ZRun = z.object({
  id: z.uuid(),
  year: z.number().int(),
  frameworkVersion: z.number().int().nullable().describe('Set when a worker starts the run'),
  kind: z.enum(RUN_KINDS),
  scope: z.enum(RUN_SCOPES),
  scopeValue: z.string().nullable().describe('The province code or agency id of the scope'),
  status: z.enum(RUN_STATUSES),
  progress: z.object({ done: z.number().int(), total: z.number().int() }),
  inputsHash: z.string().nullable().describe('sha256 over every agency’s inputs hash (when done)'),
  createdBy: z.uuid().nullable(),
  createdByName: z.string().nullable().describe('Who queued it (display name)'),
  createdAt: z.iso.datetime(),
  startedAt: z.iso.datetime().nullable(),
  finishedAt: z.iso.datetime().nullable(),
  error: z.string().nullable(),
});
export type Run = z.infer<typeof ZRun>;

export const ZRunList = z.object({ items: z.array(ZRun) });

const ZTotal = z.object({ total: z.number(), ratingCode: z.string() });
export const ZRunChanges = z.object({
  run: z.uuid(),
  against: z.uuid(),
  items: z.array(
    z.object({
      agencyId: z.uuid(),
      code: z.string().nullable(),
      nameTh: z.string().nullable(),
      before: ZTotal.nullable().describe('In the run compared with; null when the agency was not in it'),
      after: ZTotal.nullable().describe('In this run; null when the agency is not in it'),
      difference: z.number().nullable().describe('after − before, in score points'),
      ratingChanged: z.boolean(),
    }),
  ),
});
export type RunChanges = z.infer<typeof ZRunChanges>;

// Publications (issue 10 §2).
export const ZPublicationParams = z.object({ year: ZFiscalYear, id: z.uuid() });

export const ZPublishBody = z
  .strictObject({
    runId: z.uuid().describe('A finished run (kind `run`, status `done`) of the year'),
    publishAt: z.iso
      .datetime({ offset: true })
      .optional()
      .describe('When it takes effect (the embargo); now when left out; never in the past'),
    reason: z
      .string()
      .trim()
      .min(1)
      .max(2000)
      .optional()
      .describe('Required when it supersedes a publication in effect; shown publicly'),
  })
  .meta({ example: { runId: '00000000-0000-4000-8000-000000000000', publishAt: '2026-03-31T03:00:00Z' } });
export type PublishBody = z.infer<typeof ZPublishBody>;

export const PUBLICATION_STATES = ['embargoed', 'in_effect', 'superseded', 'cancelled'] as const;
export const ZPublication = z.object({
  id: z.uuid(),
  year: z.number().int(),
  runId: z.uuid(),
  publishAt: z.iso.datetime(),
  reason: z.string().nullable().describe('Why it superseded the earlier publication (public)'),
  supersedes: z.uuid().nullable(),
  state: z.enum(PUBLICATION_STATES),
  createdAt: z.iso.datetime(),
  createdBy: z.uuid().nullable().describe('NACC admins only'),
  cancelledAt: z.iso.datetime().nullable(),
  notifiedAt: z.iso.datetime().nullable().describe('When agencies were e-mailed (NACC admins only)'),
});
export type Publication = z.infer<typeof ZPublication>;
export const ZPublicationList = z.object({
  items: z
    .array(ZPublication)
    .describe('Newest first; others than NACC admins see publications in effect or superseded'),
});

const ZInstrumentResult = z.object({
  score: z.number().nullable(),
  n: z.number().nullable(),
  minimum: z.number().nullable(),
  population: z.number().nullable(),
  marginOfError: z.number().nullable(),
  notProcessed: z.string().nullable(),
});
export const ZAgencyResult = z.object({
  agencyId: z.uuid(),
  year: z.number().int(),
  runId: z.uuid(),
  basis: z
    .enum(['published', 'embargoed', 'provisional'])
    .describe('`embargoed`: NACC admins before the publication time; `provisional`: not yet published'),
  publication: z
    .object({ id: z.uuid(), publishAt: z.iso.datetime(), reason: z.string().nullable() })
    .nullable(),
  total: z.number(),
  ratingCode: z.string(),
  passes: z.boolean(),
  instruments: z.record(z.string(), ZInstrumentResult),
  indicators: z.record(z.string(), z.number()),
  indicatorsByInstrument: z.record(z.string(), z.record(z.string(), z.number())),
  questions: z.record(z.string(), z.record(z.string(), z.number())),
  subIndicators: z.record(z.string(), z.number()),
});
export type AgencyResult = z.infer<typeof ZAgencyResult>;

// A run's agency results (NACC admins): what a preview or a run computed, a page at a time.
export const ZRunResultsQuery = z.object({
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(PAGE_SIZE_MAX).default(PAGE_SIZE_DEFAULT),
});
export type RunResultsQuery = z.infer<typeof ZRunResultsQuery>;

export const ZRunAgencyResult = z.object({
  agencyId: z.uuid(),
  code: z.string().nullable(),
  nameTh: z.string().nullable(),
  nameEn: z.string().nullable(),
  total: z.number(),
  ratingCode: z.string(),
  passes: z.boolean(),
  instruments: z
    .record(z.string(), ZInstrumentResult)
    .describe('Per instrument: score, n, minimum, population, margin of error, or why it was not processed'),
});
export type RunAgencyResult = z.infer<typeof ZRunAgencyResult>;

export const ZRunResults = z.object({
  run: z.uuid(),
  items: z.array(ZRunAgencyResult).describe('Highest total first, then by agency id'),
  total: z.number().int().describe('Agencies in the run'),
  page: z.number().int(),
  pageSize: z.number().int(),
});
export type RunResults = z.infer<typeof ZRunResults>;
