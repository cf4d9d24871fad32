// API shapes of processing runs (zod; also the OpenAPI documentation).
import { z } from 'zod';
import { RUN_KINDS, RUN_SCOPES, RUN_STATUSES } from '../../core/results/runs.ts';
import { ZFiscalYear } from '../../shared/fiscal-year.ts';

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
