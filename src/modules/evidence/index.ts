// What other modules may use of the evidence checker: queueing snapshots of evidence URLs.
export { type EvidencePurpose, type EvidenceRequest, requestEvidence } from './evidence.requests.ts';
