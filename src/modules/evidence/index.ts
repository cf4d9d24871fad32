// What other modules may use of the evidence checker: queueing snapshots of evidence URLs, the latest and
// the original (approval) evidence per item and URL, a fresh check of an item's URLs (the OIT module gives the
// answer's URLs), and the background worker.
import type { BackgroundService } from '../startup.ts';
import { evidenceWorkerDeps, startProcessEvidenceWorker } from './evidence.worker.ts';

export { type EvidenceByItem, verdictOf } from './evidence.present.ts';
export { type EvidencePurpose, type EvidenceRequest, requestEvidence } from './evidence.requests.ts';
export type { EvidenceVerdict, SnapshotSummary } from './evidence.schema.ts';
export { ZRefetchResult, ZSnapshotSummary } from './evidence.schema.ts';
export { latestEvidence, originalEvidence, refetchItem } from './evidence.service.ts';
export { runEvidenceJobs, wakeEvidenceWorker } from './evidence.worker.ts';

/** Started with the server (src/modules/startup.ts) unless EVIDENCE_WORKER=false. */
export const evidenceWorkerService: BackgroundService = (deps, log) =>
  deps.config.evidence.worker ? startProcessEvidenceWorker(evidenceWorkerDeps(deps, log)) : null;
