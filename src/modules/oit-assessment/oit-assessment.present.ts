// Rows → API JSON for the OIT assessment. Which parts a viewer may see is decided here: scores, advice and
// the OIT score stay hidden from the agency and supervisors until the assessment is submitted.
import type { Actor } from '../../core/authz.ts';
import type { OitItemState, OitReviewStatus } from '../../core/oit/states.ts';
import { assessmentVisible } from '../../core/oit/visibility.ts';
import type { EvidenceByItem } from '../evidence/index.ts';
import type { AnswerRow, ClarificationRow, ReviewRow, ScoreRow } from './oit-assessment.repo.ts';
import type { Clarification, ItemScore } from './oit-assessment.schema.ts';

type People = Map<string, string>;
const person = (people: People, id: string | null) =>
  id === null ? null : { id, displayName: people.get(id) ?? '' };
const iso = (d: Date | null) => (d === null ? null : d.toISOString());

/** Assessors and admins always; everyone else once the assessment was submitted (the one rule). */
export function scoresVisibleTo(actor: Actor, status: OitReviewStatus): boolean {
  return assessmentVisible(actor.role, status);
}

export function presentScore(row: ScoreRow, people: People): ItemScore {
  return {
    score: row.score === 100 ? 100 : 0,
    componentsFound: row.componentsFound,
    comment: row.comment,
    advice: row.advice,
    originalScore: row.originalScore,
    assessor: person(people, row.assessorId),
    updatedAt: row.updatedAt.toISOString(),
  };
}

export function presentClarification(row: ClarificationRow, people: People): Clarification {
  return {
    explanation: row.explanation,
    location: row.location,
    filedBy: person(people, row.filedBy),
    filedAt: row.filedAt.toISOString(),
    decision: row.decision === 'accepted' || row.decision === 'rejected' ? row.decision : null,
    decisionReason: row.decisionReason,
    decidedBy: person(people, row.decidedBy),
    decidedAt: iso(row.decidedAt),
  };
}

/** Per URL of an answer: the original evidence (taken at approval) and the latest check. */
export function presentEvidence(
  answer: AnswerRow | undefined,
  original: EvidenceByItem,
  latest: EvidenceByItem,
) {
  if (!answer) return [];
  return answer.urls.map((url) => ({
    url,
    original: original.get(answer.itemCode)?.get(url) ?? null,
    latest: latest.get(answer.itemCode)?.get(url) ?? null,
  }));
}

export function presentAnswer(row: AnswerRow | undefined) {
  if (!row) return null;
  return {
    state: row.state as OitItemState,
    has: row.has,
    urls: row.urls,
    explanation: row.explanation,
    approvedAt: iso(row.approvedAt),
  };
}

export function presentReview(row: ReviewRow | undefined, status: OitReviewStatus, people: People) {
  return {
    status,
    approvedAt: iso(row?.approvedAt ?? null),
    assessedAt: iso(row?.assessedAt ?? null),
    assessedBy: person(people, row?.assessedBy ?? null),
    confirmedAt: iso(row?.confirmedAt ?? null),
    confirmedBy: person(people, row?.confirmedBy ?? null),
    reopenedAt: iso(row?.reopenedAt ?? null),
    reopenedBy: person(people, row?.reopenedBy ?? null),
    reopenReason: row?.reopenReason ?? null,
  };
}

/** Counts over the items that apply to the agency. */
export function countsOf(
  codes: ReadonlySet<string>,
  answers: readonly AnswerRow[],
  scores: readonly ScoreRow[],
  clarifications: readonly ClarificationRow[],
) {
  const approvedStates = new Set(['approved', 'assessed', 'disputed', 'confirmed']);
  return {
    applicable: codes.size,
    approved: answers.filter((a) => codes.has(a.itemCode) && approvedStates.has(a.state)).length,
    scored: scores.filter((s) => codes.has(s.itemCode)).length,
    disputed: clarifications.filter((c) => codes.has(c.itemCode)).length,
    undecided: clarifications.filter((c) => codes.has(c.itemCode) && c.decision === null).length,
  };
}
