// The evidence pieces other OIT pages use: the check results of an item's URLs, and the original evidence
// beside the live page.
export { EvidenceCompare, type EvidenceCompareProps } from './EvidenceCompare.tsx';
export { EvidenceStatus, type EvidenceStatusProps, SnapshotLine } from './EvidenceStatus.tsx';
export { copyDisplay, errorMessage, statusPerUrl, type UrlStatus, VERDICT_COLORS } from './evidence-view.ts';
