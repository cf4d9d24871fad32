// The agency's OIT checklist: reading it, saving an item's answer as a draft, and delegating items to
// colleagues. Every write goes through withOitWrite (oit_answering open, the agency-year's locks), keeps the
// review status in step with the items and is audited (before → after) in the same transaction.
import { type Actor, can, type Role } from '../../core/authz.ts';
import { answerProblems, normalizeAnswer, type OitAnswerValue } from '../../core/oit/answer-rules.ts';
import { isEditable, itemTransition, type OitItemState } from '../../core/oit/states.ts';
import { appendAudit } from '../audit/index.ts';
import { latestEvidence, refetchItem, requestEvidence } from '../evidence/index.ts';
import { activeAgencyAccounts, peopleByIds } from '../users/index.ts';
import { answeringWindow, type Deps, itemOf, type OitYear, readOit, withOitWrite } from './oit.context.ts';
import { delegationClosed, invalidAnswer, notAssignable, notDelegated } from './oit.errors.ts';
import { peopleOf, presentChecklist } from './oit.present.ts';
import {
  type AnswerRow,
  type ItemKey,
  selectAnswers,
  selectAnswerUrls,
  selectReview,
  upsertAnswer,
} from './oit.repo.ts';
import type { AssigneeBody, Checklist, SaveAnswerBody } from './oit.schema.ts';
import { answerSnapshot, itemEntityId, syncReview } from './oit.workflow.ts';

/** States in which the item is still the agency's: its assignee may change. */
const DELEGABLE: readonly OitItemState[] = ['draft', 'returned', 'submitted', 'approved'];
const ASSIGNABLE_ROLES: readonly Role[] = ['agency_admin', 'agency_staff'];

export async function getChecklist(
  deps: Deps,
  actor: Actor | null,
  agencyId: string,
  year: number,
): Promise<Checklist> {
  return checklistOf(deps, await readOit(deps, actor, agencyId, year, 'oit.read'));
}

/** The checklist as the context's actor sees it, with what they may do now. */
export async function checklistOf(deps: Deps, ctx: OitYear): Promise<Checklist> {
  const { db } = deps;
  const who = ctx.actor;
  const agencyRef = ctx.ref.agency;
  const may = {
    answer: can(who, 'oit.answer', agencyRef),
    delegate: can(who, 'oit.delegate', agencyRef),
    submit: can(who, 'oit.submit', agencyRef),
    approve: can(who, 'oit.approve', agencyRef),
  };
  const [rows, review, evidence, stage, assignees] = await Promise.all([
    selectAnswers(db, ctx.key),
    selectReview(db, ctx.key),
    latestEvidence(db, ctx.key),
    answeringWindow(deps, ctx),
    may.delegate ? activeAgencyAccounts(db, ctx.key.agencyId, ASSIGNABLE_ROLES) : Promise.resolve([]),
  ]);
  const answers = new Map(rows.map((r) => [r.itemCode, r]));
  const people = await peopleByIds(db, [
    ...rows.flatMap((r) => [r.assigneeId, r.updatedBy]),
    review?.submittedBy,
    review?.approvedBy,
  ]);
  const states = ctx.items.map((i) => answers.get(i.code)?.state ?? 'draft');
  const open = stage.open;
  return presentChecklist({
    agency: {
      id: ctx.agency.id,
      code: ctx.agency.code,
      nameTh: ctx.agency.nameTh,
      website: ctx.agency.website,
    },
    year: ctx.key.year,
    framework: ctx.framework,
    frameworkVersion: ctx.frameworkVersion,
    items: ctx.items,
    answers,
    review,
    status: review?.status ?? 'answering',
    people: peopleOf(people),
    evidence,
    stage,
    itemCan: (row) => {
      const state = row?.state ?? 'draft';
      const own = who.role !== 'agency_staff' || row?.assigneeId === who.userId;
      return {
        edit: open && may.answer && own && isEditable(state),
        delegate: open && may.delegate && DELEGABLE.includes(state),
      };
    },
    can: {
      delegate: open && may.delegate,
      submit: open && may.submit && states.some((s) => s === 'draft' || s === 'returned'),
      approve: open && may.approve && states.some((s) => s === 'submitted'),
      return: open && may.approve && states.some((s) => s === 'submitted' || s === 'approved'),
    },
    assignees: assignees.map((a) => ({
      id: a.id,
      displayName: a.displayName,
      role: a.role as 'agency_admin' | 'agency_staff',
    })),
  });
}

const sameAnswer = (row: AnswerRow, v: OitAnswerValue) =>
  row.has === v.has &&
  row.explanation === v.explanation &&
  row.urls.length === v.urls.length &&
  row.urls.every((u, i) => u === v.urls[i]);

/**
 * Saves an item's answer as it stands (a draft; "has" may still be undecided). Saving the same answer again
 * changes and records nothing. URLs new to the item are queued for an evidence check.
 */
export async function saveAnswer(
  deps: Deps,
  actor: Actor | null,
  key: ItemKey,
  body: SaveAnswerBody,
): Promise<Checklist> {
  const { ctx } = await withOitWrite(deps, actor, key.agencyId, key.year, 'oit.answer', 'oit_answering', {
    check: (ctx) => {
      const code = itemOf(ctx, key.itemCode).code;
      const value = normalizeAnswer(body);
      const problems = answerProblems(value);
      if (problems.length > 0) throw invalidAnswer(problems);
      return { code, value };
    },
    write: async (w, { code, value }) => {
      const who = w.actor;
      const before = w.answers.find((r) => r.itemCode === code);
      if (who.role === 'agency_staff' && before?.assigneeId !== who.userId) throw notDelegated(code);
      const state = itemTransition(code, before?.state ?? 'draft', 'save');
      if (before && sameAnswer(before, value)) return;
      const after = await upsertAnswer(
        w.tx,
        { ...w.key, itemCode: code },
        { state, ...value, updatedBy: who.userId, updatedAt: w.now },
      );
      const known = new Set(before?.urls ?? []);
      await requestEvidence(
        w.tx,
        {
          ...w.key,
          itemCode: code,
          urls: value.urls.filter((u) => !known.has(u)),
          purpose: 'saved',
          requestedBy: who.userId,
        },
        w.now,
      );
      await syncReview(w);
      await appendAudit(
        w.tx,
        {
          actor: who,
          agencyId: w.key.agencyId,
          entityType: 'oit_answer',
          entityId: itemEntityId(w.key, code),
          action: 'save',
          before: before ? answerSnapshot(before) : null,
          after: answerSnapshot(after),
        },
        w.now,
      );
    },
  });
  return checklistOf(deps, ctx);
}

/** Delegates an item to a staff (or admin) account of the agency, or takes it back (userId null). */
export async function setAssignee(
  deps: Deps,
  actor: Actor | null,
  key: ItemKey,
  body: AssigneeBody,
): Promise<Checklist> {
  const { ctx } = await withOitWrite(deps, actor, key.agencyId, key.year, 'oit.delegate', 'oit_answering', {
    check: async (ctx) => {
      const code = itemOf(ctx, key.itemCode).code;
      const [assignee] = body.userId ? await peopleByIds(deps.db, [body.userId]) : [];
      const assignable =
        assignee?.active === true &&
        assignee.agencyId === key.agencyId &&
        ASSIGNABLE_ROLES.includes(assignee.role);
      if (body.userId && !assignable) throw notAssignable();
      return { code, assignee };
    },
    write: async (w, { code, assignee }) => {
      const before = w.answers.find((r) => r.itemCode === code);
      if (!DELEGABLE.includes(before?.state ?? 'draft')) throw delegationClosed(code);
      const previous = before?.assigneeId ?? null;
      if (previous === body.userId) return;
      await upsertAnswer(w.tx, { ...w.key, itemCode: code }, { assigneeId: body.userId });
      await syncReview(w);
      const [was] = previous ? await peopleByIds(w.tx, [previous]) : [];
      await appendAudit(
        w.tx,
        {
          actor: w.actor,
          agencyId: w.key.agencyId,
          entityType: 'oit_answer',
          entityId: itemEntityId(w.key, code),
          action: 'assign',
          before: { assignee: was ? { id: was.id, displayName: was.displayName } : previous },
          after: { assignee: assignee ? { id: assignee.id, displayName: assignee.displayName } : null },
        },
        w.now,
      );
    },
  });
  return checklistOf(deps, ctx);
}

/**
 * A fresh check of the item's evidence URLs (the evidence module queues it and authorizes 'evidence.refetch');
 * the URLs are the item's answer's, read here where the answers live.
 */
export function refetchItemEvidence(deps: Deps, actor: Actor | null, key: ItemKey) {
  return refetchItem(deps, actor, key, (db) => selectAnswerUrls(db, key));
}
