// Rows → API JSON for the agency side of OIT: the checklist (items grouped by indicator and sub-indicator,
// each with its answer, URL warnings and latest evidence) and the review status.

import type { Framework, OitItem } from '../../core/framework/schema.ts';
import { isAnswered, urlWarnings } from '../../core/oit/answer-rules.ts';
import { isApprovedState } from '../../core/oit/readiness.ts';
import { type OitItemState, type OitReviewStatus, stateName } from '../../core/oit/states.ts';
import type { EvidenceByItem, SnapshotSummary } from '../evidence/index.ts';
import type { AnswerRow, ReviewRow } from './oit.repo.ts';
import type { AnswerView, Checklist, ChecklistItem, ReviewView, StageWindowView } from './oit.schema.ts';

export type People = ReadonlyMap<string, { id: string; displayName: string }>;

const iso = (d: Date | null) => (d ? d.toISOString() : null);
const person = (people: People, id: string | null) => (id ? (people.get(id) ?? null) : null);

const STATUS_NAMES: Record<OitReviewStatus, { th: string; en: string }> = {
  answering: { th: 'หน่วยงานกำลังตอบ', en: 'the agency is answering' },
  awaiting_approval: { th: 'รอผู้บริหารอนุมัติ', en: 'awaiting the executive’s approval' },
  approved: { th: 'ผู้บริหารอนุมัติแล้ว รอผู้ประเมินตรวจ', en: 'approved, awaiting assessment' },
  assessed: { th: 'ผู้ประเมินตรวจแล้ว', en: 'assessed' },
  confirmed: { th: 'ยืนยันผลแล้ว', en: 'confirmed' },
};

export function presentReview(row: ReviewRow | null, people: People): ReviewView {
  const status = (row?.status ?? 'answering') as OitReviewStatus;
  return {
    status,
    statusName: STATUS_NAMES[status],
    submittedAt: iso(row?.submittedAt ?? null),
    submittedBy: person(people, row?.submittedBy ?? null),
    approvedAt: iso(row?.approvedAt ?? null),
    approvedBy: person(people, row?.approvedBy ?? null),
    assessedAt: iso(row?.assessedAt ?? null),
    confirmedAt: iso(row?.confirmedAt ?? null),
    reopenedAt: iso(row?.reopenedAt ?? null),
    reopenReason: row?.reopenReason ?? null,
  };
}

export function presentAnswer(
  item: OitItem,
  row: AnswerRow | undefined,
  ctx: { website: string | null; people: People; evidence: ReadonlyMap<string, SnapshotSummary> | undefined },
): AnswerView {
  const state = (row?.state ?? 'draft') as OitItemState;
  const urls = row?.urls ?? [];
  return {
    state,
    stateName: stateName(state),
    has: row?.has ?? null,
    urls: urls.map((url) => {
      return {
        url,
        warnings: urlWarnings(url, ctx.website, item.conditions.mainWebsite),
        evidence: ctx.evidence?.get(url) ?? null,
      };
    }),
    explanation: row?.explanation ?? null,
    answered: row ? isAnswered({ has: row.has, urls, explanation: row.explanation }) : false,
    assignee: person(ctx.people, row?.assigneeId ?? null),
    returnComment: row?.returnComment ?? null,
    updatedAt: row ? row.updatedAt.toISOString() : null,
    updatedBy: person(ctx.people, row?.updatedBy ?? null),
    approvedAt: iso(row?.approvedAt ?? null),
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
      answer: presentAnswer(item, row, {
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
    review: presentReview(p.review, p.people),
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
