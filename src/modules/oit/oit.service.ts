// The agency's OIT checklist: reading it, saving an item's answer as a draft, and delegating items to
// colleagues. Every write happens while the oit_answering stage is open, takes the agency-year's review lock,
// keeps the review status in step with the items and is audited (before → after) in the same transaction.
import type { AppDeps } from '../../app/context.ts';
import { type Actor, can } from '../../core/authz.ts';
import { answerProblems, normalizeAnswer, type OitAnswerValue } from '../../core/oit/answer-rules.ts';
import { isEditable, itemTransition, type OitItemState, reviewStatusOf } from '../../core/oit/states.ts';
import type { Tx } from '../../db/client.ts';
import { appendAudit } from '../audit/index.ts';
import { latestEvidence, requestEvidence } from '../evidence/index.ts';
import { answeringWindow, assertAnsweringOpen, itemOf, type OitContext, oitContext } from './oit.access.ts';
import { delegationClosed, invalidAnswer, notAssignable, notDelegated } from './oit.errors.ts';
import { presentChecklist } from './oit.present.ts';
import {
  type AgencyYear,
  type AnswerRow,
  lockReview,
  selectAnswer,
  selectAnswers,
  selectAssignees,
  selectPeople,
  selectReview,
  updateReview,
  upsertAnswer,
} from './oit.repo.ts';
import type { AssigneeBody, Checklist, SaveAnswerBody } from './oit.schema.ts';

export type Deps = Pick<AppDeps, 'db' | 'now'>;

/** States in which the item is still the agency's: its assignee may change. */
const DELEGABLE: readonly OitItemState[] = ['draft', 'returned', 'submitted', 'approved'];
const ASSIGNABLE_ROLES = ['agency_admin', 'agency_staff'];

export const itemEntityId = (k: AgencyYear, code: string) => `${k.agencyId}:${k.year}:${code}`;
export const reviewEntityId = (k: AgencyYear) => `${k.agencyId}:${k.year}`;

/** What the audit log keeps of an answer. */
export function answerSnapshot(row: AnswerRow) {
  return { state: row.state, has: row.has, urls: row.urls, explanation: row.explanation };
}

/** Sets the review status from the applicable items' states (and any other fields given). */
export async function syncReview(
  tx: Tx,
  ctx: OitContext,
  now: Date,
  extra: Parameters<typeof updateReview>[2] = {},
) {
  const applicable = new Set(ctx.items.map((i) => i.code));
  const rows = await selectAnswers(tx, ctx.key);
  const status = reviewStatusOf(
    rows.filter((r) => applicable.has(r.itemCode)).map((r) => r.state as OitItemState),
  );
  return updateReview(tx, ctx.key, { status, updatedAt: now, ...extra });
}

export async function getChecklist(
  deps: Deps,
  actor: Actor | null,
  agencyId: string,
  year: number,
): Promise<Checklist> {
  const ctx = await oitContext(deps.db, actor, agencyId, year, 'oit.read');
  return checklistOf(deps, ctx);
}

/** The checklist as the context's actor sees it, with what they may do now. */
export async function checklistOf(deps: Deps, ctx: OitContext): Promise<Checklist> {
  const { db } = deps;
  const who = ctx.actor;
  const may = {
    answer: can(who, 'oit.answer', ctx.ref),
    delegate: can(who, 'oit.delegate', ctx.ref),
    submit: can(who, 'oit.submit', ctx.ref),
    approve: can(who, 'oit.approve', ctx.ref),
  };
  const [rows, review, evidence, stage, assignees] = await Promise.all([
    selectAnswers(db, ctx.key),
    selectReview(db, ctx.key),
    latestEvidence(db, ctx.key),
    answeringWindow(db, ctx.key.agencyId, ctx.key.year, deps.now()),
    may.delegate ? selectAssignees(db, ctx.key.agencyId) : Promise.resolve([]),
  ]);
  const answers = new Map(rows.map((r) => [r.itemCode, r]));
  const people = await selectPeople(db, [
    ...rows.flatMap((r) => [r.assigneeId, r.updatedBy].filter((id): id is string => id !== null)),
    ...[review?.submittedBy, review?.approvedBy].filter((id): id is string => typeof id === 'string'),
  ]);
  const states = ctx.items.map((i) => (answers.get(i.code)?.state ?? 'draft') as OitItemState);
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
    frameworkVersion: ctx.version,
    items: ctx.items,
    answers,
    review,
    people: new Map(people.map((p) => [p.id, { id: p.id, displayName: p.displayName }])),
    evidence,
    stage,
    itemCan: (row) => {
      const state = (row?.state ?? 'draft') as OitItemState;
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
  key: AgencyYear & { itemCode: string },
  body: SaveAnswerBody,
): Promise<Checklist> {
  const ctx = await oitContext(deps.db, actor, key.agencyId, key.year, 'oit.answer');
  const who = ctx.actor;
  const code = itemOf(ctx, key.itemCode).code;
  const value = normalizeAnswer(body);
  const problems = answerProblems(value);
  if (problems.length > 0) throw invalidAnswer(problems);
  const now = deps.now();
  await assertAnsweringOpen(deps.db, key.agencyId, key.year, now);
  await deps.db.transaction(async (tx) => {
    await lockReview(tx, ctx.key);
    const before = await selectAnswer(tx, ctx.key, code);
    if (who.role === 'agency_staff' && before?.assigneeId !== who.userId) throw notDelegated(code);
    const state = itemTransition(code, (before?.state ?? 'draft') as OitItemState, 'save');
    if (before && sameAnswer(before, value)) return;
    const after = await upsertAnswer(
      tx,
      { ...ctx.key, itemCode: code },
      { state, ...value, updatedBy: who.userId, updatedAt: now },
    );
    const known = new Set(before?.urls ?? []);
    await requestEvidence(
      tx,
      {
        ...ctx.key,
        itemCode: code,
        urls: value.urls.filter((u) => !known.has(u)),
        purpose: 'saved',
        requestedBy: who.userId,
      },
      now,
    );
    await syncReview(tx, ctx, now);
    await appendAudit(
      tx,
      {
        actor: who,
        agencyId: ctx.key.agencyId,
        entityType: 'oit_answer',
        entityId: itemEntityId(ctx.key, code),
        action: 'save',
        before: before ? answerSnapshot(before) : null,
        after: answerSnapshot(after),
      },
      now,
    );
  });
  return checklistOf(deps, ctx);
}

/** Delegates an item to a staff (or admin) account of the agency, or takes it back (userId null). */
export async function setAssignee(
  deps: Deps,
  actor: Actor | null,
  key: AgencyYear & { itemCode: string },
  body: AssigneeBody,
): Promise<Checklist> {
  const ctx = await oitContext(deps.db, actor, key.agencyId, key.year, 'oit.delegate');
  const code = itemOf(ctx, key.itemCode).code;
  const assignee = body.userId ? (await selectPeople(deps.db, [body.userId]))[0] : null;
  const assignable =
    assignee?.active === true &&
    assignee.agencyId === key.agencyId &&
    ASSIGNABLE_ROLES.includes(assignee.role);
  if (body.userId && !assignable) throw notAssignable();
  const now = deps.now();
  await assertAnsweringOpen(deps.db, key.agencyId, key.year, now);
  await deps.db.transaction(async (tx) => {
    await lockReview(tx, ctx.key);
    const before = await selectAnswer(tx, ctx.key, code);
    if (!DELEGABLE.includes((before?.state ?? 'draft') as OitItemState)) throw delegationClosed(code);
    const previous = before?.assigneeId ?? null;
    if (previous === body.userId) return;
    await upsertAnswer(tx, { ...ctx.key, itemCode: code }, { assigneeId: body.userId });
    await syncReview(tx, ctx, now);
    const [was] = previous ? await selectPeople(tx, [previous]) : [];
    await appendAudit(
      tx,
      {
        actor: ctx.actor,
        agencyId: ctx.key.agencyId,
        entityType: 'oit_answer',
        entityId: itemEntityId(ctx.key, code),
        action: 'assign',
        before: { assignee: was ? { id: was.id, displayName: was.displayName } : previous },
        after: { assignee: assignee ? { id: assignee.id, displayName: assignee.displayName } : null },
      },
      now,
    );
  });
  return checklistOf(deps, ctx);
}
