// Rows → API JSON for OIT, both sides: the review, an answer, the checklist (items grouped by indicator and
// sub-indicator, each with its answer, URL warnings and latest evidence), and the assessment's scores,
// clarifications and evidence. Which parts a viewer may see is decided here: scores, advice and the OIT
// score stay hidden from the agency and supervisors until the assessment is submitted.

import type { Actor } from '../../core/authz.ts';
import type { Framework, OitItem } from '../../core/framework/schema.ts';
import { isAnswered, urlWarnings } from '../../core/oit/answer-rules.ts';
import { isApprovedState } from '../../core/oit/readiness.ts';
import { type OitReviewStatus, stateName } from '../../core/oit/states.ts';
import { assessmentVisible } from '../../core/oit/visibility.ts';
import type { EvidenceByItem, SnapshotSummary } from '../evidence/index.ts';
import type { Clarification, ItemScore, ReviewInfo } from './assessment.schema.ts';
import type { AnswerRow, ClarificationRow, ReviewRow, ScoreRow } from './oit.repo.ts';
import type { AnswerView, Checklist, ChecklistItem, ReviewView, StageWindowView } from './oit.schema.ts';

export type People = ReadonlyMap<string, { id: string; displayName: string }>;

/** Accounts by id, as the presenters name them. */
export const peopleOf = (rows: readonly { id: string; displayName: string }[]): People =>
  new Map(rows.map((p) => [p.id, { id: p.id, displayName: p.displayName }]));

const iso = (d: Date | null) => (d ? d.toISOString() : null);
const person = (people: People, id: string | null) => (id ? (people.get(id) ?? null) : null);

const STATUS_NAMES: Record<OitReviewStatus, { th: string; en: string }> = {
  answering: { th: 'หน่วยงานกำลังตอบ', en: 'the agency is answering' },
  awaiting_approval: { th: 'รอผู้บริหารอนุมัติ', en: 'awaiting the executive’s approval' },
  approved: { th: 'ผู้บริหารอนุมัติแล้ว รอผู้ประเมินตรวจ', en: 'approved, awaiting assessment' },
  assessed: { th: 'ผู้ประเมินตรวจแล้ว', en: 'assessed' },
  confirmed: { th: 'ยืนยันผลแล้ว', en: 'confirmed' },
};

/**
 * The review of the agency-year (the status given, as the items' states imply it): every date and who took
 * each step. The checklist and the assessment each show their part of it (their response schemas).
 */
export function presentReview(
  row: ReviewRow | null | undefined,
  status: OitReviewStatus,
  people: People,
): ReviewView & ReviewInfo {
  return {
    status,
    statusName: STATUS_NAMES[status],
    submittedAt: iso(row?.submittedAt ?? null),
    submittedBy: person(people, row?.submittedBy ?? null),
    approvedAt: iso(row?.approvedAt ?? null),
    approvedBy: person(people, row?.approvedBy ?? null),
    assessedAt: iso(row?.assessedAt ?? null),
    assessedBy: person(people, row?.assessedBy ?? null),
    confirmedAt: iso(row?.confirmedAt ?? null),
    confirmedBy: person(people, row?.confirmedBy ?? null),
    reopenedAt: iso(row?.reopenedAt ?? null),
    reopenedBy: person(people, row?.reopenedBy ?? null),
    reopenReason: row?.reopenReason ?? null,
  };
}

/** An item's answer as stored (null when the item was never saved). */
export function presentAnswer(row: AnswerRow | undefined) {
  if (!row) return null;
  return {
    state: row.state,
    has: row.has,
    urls: row.urls,
    explanation: row.explanation,
    approvedAt: iso(row.approvedAt),
  };
}

/** The answer on the checklist: as stored, with URL warnings, latest evidence and who is working on it. */
export function checklistAnswer(
  item: OitItem,
  row: AnswerRow | undefined,
  ctx: { website: string | null; people: People; evidence: ReadonlyMap<string, SnapshotSummary> | undefined },
): AnswerView {
  const answer = presentAnswer(row);
  const state = answer?.state ?? 'draft';
  const urls = answer?.urls ?? [];
  return {
    state,
    stateName: stateName(state),
    has: answer?.has ?? null,
    urls: urls.map((url) => ({
      url,
      warnings: urlWarnings(url, ctx.website, item.conditions.mainWebsite),
      evidence: ctx.evidence?.get(url) ?? null,
    })),
    explanation: answer?.explanation ?? null,
    answered: answer ? isAnswered({ has: answer.has, urls, explanation: answer.explanation }) : false,
    assignee: person(ctx.people, row?.assigneeId ?? null),
    returnComment: row?.returnComment ?? null,
    updatedAt: row ? row.updatedAt.toISOString() : null,
    updatedBy: person(ctx.people, row?.updatedBy ?? null),
    approvedAt: answer?.approvedAt ?? null,
  };
}

export interface ChecklistParts {
  agency: { id: string; code: string; nameTh: string; website: string | null };
  year: number;
  framework: Framework;
  frameworkVersion: number;
  items: readonly OitItem[];
  answers: ReadonlyMap<string, AnswerRow>;
  review: ReviewRow | null;
  status: OitReviewStatus;
  people: People;
  evidence: EvidenceByItem;
  stage: StageWindowView;
  itemCan: (row: AnswerRow | undefined) => ChecklistItem['can'];
  can: Omit<Checklist['can'], 'edit'>;
  assignees: Checklist['assignees'];
}

export function presentChecklist(p: ChecklistParts): Checklist {
  const viewOf = (item: OitItem): ChecklistItem => {
    const row = p.answers.get(item.code);
    return {
      code: item.code,
      title: item.title,
      components: item.components,
      conditions: item.conditions,
      paraphrased: item.paraphrased,
      answer: checklistAnswer(item, row, {
        website: p.agency.website,
        people: p.people,
        evidence: p.evidence.get(item.code),
      }),
      can: p.itemCan(row),
    };
  };
  const progress = (views: readonly ChecklistItem[]) => ({
    answered: views.filter((v) => v.answer.answered).length,
    total: views.length,
  });
  const views = new Map(p.items.map((item) => [item.code, viewOf(item)]));
  const all = [...views.values()];
  const indicators = p.framework.indicators.flatMap((indicator) => {
    const subIndicators = indicator.subIndicators.flatMap((sub) => {
      const items = p.items.flatMap((i) => {
        const view = i.subIndicator === sub.code ? views.get(i.code) : undefined;
        return view ? [view] : [];
      });
      return items.length === 0 ? [] : [{ code: sub.code, name: sub.name, progress: progress(items), items }];
    });
    if (subIndicators.length === 0) return [];
    const items = subIndicators.flatMap((s) => s.items);
    return [{ code: indicator.code, name: indicator.name, progress: progress(items), subIndicators }];
  });
  return {
    agency: p.agency,
    year: p.year,
    frameworkVersion: p.frameworkVersion,
    review: presentReview(p.review, p.status, p.people),
    stage: p.stage,
    progress: {
      ...progress(all),
      submitted: all.filter((v) => v.answer.state !== 'draft' && v.answer.state !== 'returned').length,
      approved: all.filter((v) => isApprovedState(v.answer.state)).length,
    },
    unanswered: all.filter((v) => !v.answer.answered).map((v) => v.code),
    indicators,
    can: { ...p.can, edit: all.some((v) => v.can.edit) },
    assignees: p.assignees,
  };
}

// ── The assessment ─────────────────────────────────────────────────────────────────────────────────────
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

/** Counts over the items that apply to the agency. */
export function countsOf(
  codes: ReadonlySet<string>,
  answers: readonly AnswerRow[],
  scores: readonly ScoreRow[],
  clarifications: readonly ClarificationRow[],
) {
  return {
    applicable: codes.size,
    approved: answers.filter((a) => codes.has(a.itemCode) && isApprovedState(a.state)).length,
    scored: scores.filter((s) => codes.has(s.itemCode)).length,
    disputed: clarifications.filter((c) => codes.has(c.itemCode)).length,
    undecided: clarifications.filter((c) => codes.has(c.itemCode) && c.decision === null).length,
  };
}
