// Asking for evidence snapshots: one pending fetch job per URL, written in the caller's transaction so that
// an answer is never saved without its check being queued. The worker (evidence.worker.ts) picks them up.
import type { DbOrTx } from '../../db/client.ts';
import { type EvidencePurpose, evidenceSnapshots } from '../../db/schema/index.ts';

export type { EvidencePurpose };

export interface EvidenceRequest {
  agencyId: string;
  year: number;
  itemCode: string;
  urls: readonly string[];
  purpose: EvidencePurpose;
  requestedBy: string | null;
}

/** Queues one fetch per distinct URL; returns the new snapshot ids (in the order of the URLs). */
export async function requestEvidence(db: DbOrTx, req: EvidenceRequest, now: Date): Promise<string[]> {
  const urls = [...new Set(req.urls)];
  if (urls.length === 0) return [];
  const rows = await db
    .insert(evidenceSnapshots)
    .values(
      urls.map((url) => ({
        agencyId: req.agencyId,
        year: req.year,
        itemCode: req.itemCode,
        url,
        purpose: req.purpose,
        requestedBy: req.requestedBy,
        requestedAt: now,
        nextAttemptAt: now,
      })),
    )
    .returning({ id: evidenceSnapshots.id });
  return rows.map((r) => r.id);
}
