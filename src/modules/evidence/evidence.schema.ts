// Request and response shapes of the evidence API: snapshot summaries, an agency-year's snapshots, re-checks.
import { z } from 'zod';
import { EVIDENCE_PURPOSES, EVIDENCE_STATUSES } from '../../db/schema/index.ts';

const ZItemCode = z
  .string()
  .regex(/^[A-Za-z0-9._-]{1,40}$/)
  .meta({ example: 'O1' });

export const ZSnapshotParams = z.object({ snapshotId: z.uuid() });
export const ZEvidenceListQuery = z.object({
  itemCode: ZItemCode.optional(),
  purpose: z.enum(EVIDENCE_PURPOSES).optional(),
});

export const EVIDENCE_VERDICTS = ['pending', 'reachable', 'broken', 'failed'] as const;
export type EvidenceVerdict = (typeof EVIDENCE_VERDICTS)[number];

export const ZSnapshotSummary = z.object({
  id: z.uuid(),
  itemCode: z.string(),
  url: z.string(),
  purpose: z.enum(EVIDENCE_PURPOSES),
  status: z.enum(EVIDENCE_STATUSES),
  /**
   * What the result means for the evidence: pending (not checked yet), reachable (answered 2xx/3xx), broken
   * (answered with an error status), failed (no answer: refused address, time-out… — see lastError).
   */
  verdict: z.enum(EVIDENCE_VERDICTS),
  httpStatus: z.number().int().nullable(),
  finalUrl: z.string().nullable(),
  contentType: z.string().nullable(),
  sizeBytes: z.number().int().nullable(),
  truncated: z.boolean(),
  title: z.string().nullable(),
  sha256: z.string().nullable(),
  mentionsYear: z.boolean().nullable(),
  onMainDomain: z.boolean().nullable(),
  requestedAt: z.iso.datetime(),
  fetchedAt: z.iso.datetime().nullable(),
  /** A code the UI turns into Thai/English text: refused_address, timeout, http_503, … */
  lastError: z.string().nullable(),
  attempts: z.number().int(),
  /** A copy of the page is kept and can be opened at /api/evidence/:id/body. */
  hasBody: z.boolean(),
});
export type SnapshotSummary = z.infer<typeof ZSnapshotSummary>;

export const ZSnapshotDetail = ZSnapshotSummary.extend({
  agencyId: z.uuid(),
  year: z.number().int(),
  redirects: z.array(z.object({ url: z.string(), status: z.number().int() })),
});
export type SnapshotDetail = z.infer<typeof ZSnapshotDetail>;

export const ZSnapshotList = z.object({ items: z.array(ZSnapshotSummary) });
export const ZRefetchResult = z.object({
  /** Snapshots queued now (URLs that already had a check waiting are not queued twice). */
  queued: z.array(ZSnapshotSummary),
  alreadyQueued: z.number().int(),
});
export type RefetchResult = z.infer<typeof ZRefetchResult>;
