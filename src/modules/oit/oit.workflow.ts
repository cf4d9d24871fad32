// The agency's OIT on its way to the assessors: the agency admin submits every answered item for approval,
// the executive approves what was submitted (the URLs are then snapshotted as the original evidence) or
// returns items with a comment, which makes them editable again until they are resubmitted. Each step runs
// while oit_answering is open, under the agency-year's review lock, and is audited per item and for the
// review as a whole.
import { type Actor, assertFourEyes } from '../../core/authz.ts';
import { isAnswered } from '../../core/oit/answer-rules.ts';
import { isApprovedState } from '../../core/oit/readiness.ts';
import { itemTransition, type OitItemState } from '../../core/oit/states.ts';
import type { Tx } from '../../db/client.ts';
import { OIT_RETURN_COMMENT_MAX_LENGTH } from '../../shared/limits.ts';
import { appendAudit } from '../audit/index.ts';
import { requestEvidence } from '../evidence/index.ts';
import { assertAnsweringOpen, itemOf, type OitContext, oitContext } from './oit.access.ts';
import {
  duplicateReturnItems,
  nothingToApprove,
  returnAfterScoring,
  returnCommentRequired,
  returnCommentTooLong,
  unansweredItems,
} from './oit.errors.ts';
import {
  type AnswerRow,
  lockAnswers,
  lockReview,
  type ReviewRow,
  scoredItems,
  updateAnswers,
} from './oit.repo.ts';
import type { Checklist, ReturnBody } from './oit.schema.ts';
import {
  answerSnapshot,
  checklistOf,
  type Deps,
  itemEntityId,
  reviewEntityId,
  syncReview,
} from './oit.service.ts';

type ItemChange = { row: AnswerRow; next: OitItemState; extra?: Record<string, unknown> };

/** Audits each item's move and the review's status change, last in the transaction (see appendAudit). */
async function auditStep(
  tx: Tx,
  ctx: OitContext,
  action: 'submit' | 'approve' | 'return',
  changes: readonly ItemChange[],
  review: { before: ReviewRow; after: ReviewRow },
  now: Date,
) {
  for (const { row, next, extra } of changes)
    await appendAudit(
      tx,
      {
        actor: ctx.actor,
        agencyId: ctx.key.agencyId,
        entityType: 'oit_answer',
        entityId: itemEntityId(ctx.key, row.itemCode),
        action,
        before: answerSnapshot(row),
        after: { ...answerSnapshot(row), state: next, ...extra },
      },
      now,
    );
  await appendAudit(
    tx,
    {
      actor: ctx.actor,
      agencyId: ctx.key.agencyId,
      entityType: 'oit_review',
      entityId: reviewEntityId(ctx.key),
      action,
      before: { status: review.before.status },
      after: { status: review.after.status, items: changes.map((c) => c.row.itemCode) },
    },
    now,
  );
}

/** The applicable items' rows, locked, by item code. */
async function lockedRows(tx: Tx, ctx: OitContext) {
  const applicable = new Set(ctx.items.map((i) => i.code));
  const rows = await lockAnswers(tx, ctx.key);
  return new Map(rows.filter((r) => applicable.has(r.itemCode)).map((r) => [r.itemCode, r]));
}

/**
 * Sends every draft or returned item to the executive. Refuses (409, listing them) while any applicable
 * item is unanswered; with nothing left to send it changes nothing.
 */
export async function submitForApproval(
  deps: Deps,
  actor: Actor | null,
  agencyId: string,
  year: number,
): Promise<Checklist> {
  const ctx = await oitContext(deps.db, actor, agencyId, year, 'oit.submit');
  const now = deps.now();
  await assertAnsweringOpen(deps.db, agencyId, year, now);
  await deps.db.transaction(async (tx) => {
    const before = await lockReview(tx, ctx.key);
    const rows = await lockedRows(tx, ctx);
    const unanswered = ctx.items.filter((i) => {
      const row = rows.get(i.code);
      return !row || !isAnswered(row);
    });
    if (unanswered.length > 0) throw unansweredItems(unanswered.map((i) => i.code));
    const changes = [...rows.values()]
      .filter((r) => r.state === 'draft' || r.state === 'returned')
      .map((row) => ({ row, next: itemTransition(row.itemCode, row.state as OitItemState, 'submit') }));
    if (changes.length === 0) return;
    await updateAnswers(
      tx,
      ctx.key,
      changes.map((c) => c.row.itemCode),
      { state: 'submitted', submittedBy: ctx.actor.userId },
    );
    const after = await syncReview(tx, ctx, now, { submittedAt: now, submittedBy: ctx.actor.userId });
    await auditStep(tx, ctx, 'submit', changes, { before, after }, now);
  });
  return checklistOf(deps, ctx);
}

/**
 * The executive approves every submitted item; the answers are locked from then on (unless returned) and
 * the URLs of "has" items are queued for their 'approval' snapshot, the original evidence assessors see.
 */
export async function approveAnswers(
  deps: Deps,
  actor: Actor | null,
  agencyId: string,
  year: number,
): Promise<Checklist> {
  const ctx = await oitContext(deps.db, actor, agencyId, year, 'oit.approve');
  const now = deps.now();
  await assertAnsweringOpen(deps.db, agencyId, year, now);
  await deps.db.transaction(async (tx) => {
    const before = await lockReview(tx, ctx.key);
    const rows = await lockedRows(tx, ctx);
    const submitted = [...rows.values()].filter((r) => r.state === 'submitted');
    if (submitted.length === 0) {
      // Approving twice (a double click) changes nothing; approving before anything was submitted is a mistake.
      const allApproved = ctx.items.every((i) => {
        const row = rows.get(i.code);
        return row !== undefined && isApprovedState(row.state as OitItemState);
      });
      if (allApproved) return;
      throw nothingToApprove();
    }
    // Whoever sent an item, or wrote its answer, cannot be the one who approves it.
    assertFourEyes(
      ctx.actor,
      submitted.flatMap((r) => [r.submittedBy, r.updatedBy]),
    );
    const changes = submitted.map((row) => ({
      row,
      next: itemTransition(row.itemCode, 'submitted', 'approve'),
      extra: { returnComment: null },
    }));
    await updateAnswers(
      tx,
      ctx.key,
      submitted.map((r) => r.itemCode),
      { state: 'approved', approvedAt: now, approvedBy: ctx.actor.userId, returnComment: null },
    );
    for (const row of submitted)
      if (row.has === true)
        await requestEvidence(
          tx,
          {
            ...ctx.key,
            itemCode: row.itemCode,
            urls: row.urls,
            purpose: 'approval',
            requestedBy: ctx.actor.userId,
          },
          now,
        );
    const after = await syncReview(tx, ctx, now, { approvedAt: now, approvedBy: ctx.actor.userId });
    await auditStep(tx, ctx, 'approve', changes, { before, after }, now);
  });
  return checklistOf(deps, ctx);
}

/**
 * The executive returns submitted (or approved) items with a comment each; they become editable again.
 * Every listed item must be returnable, or nothing is returned.
 */
export async function returnItems(
  deps: Deps,
  actor: Actor | null,
  agencyId: string,
  year: number,
  body: ReturnBody,
): Promise<Checklist> {
  const ctx = await oitContext(deps.db, actor, agencyId, year, 'oit.approve');
  const requests = body.items.map((i) => ({ code: itemOf(ctx, i.code).code, comment: i.comment.trim() }));
  const codes = requests.map((r) => r.code);
  const repeated = [...new Set(codes.filter((c, i) => codes.indexOf(c) !== i))];
  if (repeated.length > 0) throw duplicateReturnItems(repeated);
  const blank = requests.filter((r) => r.comment.length === 0).map((r) => r.code);
  if (blank.length > 0) throw returnCommentRequired(blank);
  const long = requests.filter((r) => r.comment.length > OIT_RETURN_COMMENT_MAX_LENGTH).map((r) => r.code);
  if (long.length > 0) throw returnCommentTooLong(long, OIT_RETURN_COMMENT_MAX_LENGTH);
  const now = deps.now();
  await assertAnsweringOpen(deps.db, agencyId, year, now);
  await deps.db.transaction(async (tx) => {
    const before = await lockReview(tx, ctx.key);
    const rows = await lockedRows(tx, ctx);
    // An approved item may go back only until the assessor scores it (windows can overlap by extension).
    const scored = await scoredItems(tx, ctx.key, codes);
    if (scored.length > 0) throw returnAfterScoring(scored);
    assertFourEyes(
      ctx.actor,
      codes.flatMap((code) => [rows.get(code)?.submittedBy ?? null, rows.get(code)?.updatedBy ?? null]),
    );
    const changes = requests.map(({ code, comment }) => {
      const row = rows.get(code);
      // An item never saved is a draft: returning it is as illegal as returning any draft.
      const next = itemTransition(code, (row?.state ?? 'draft') as OitItemState, 'return');
      return { row: row as AnswerRow, next, extra: { returnComment: comment } };
    });
    for (const { row, extra } of changes)
      await updateAnswers(tx, ctx.key, [row.itemCode], {
        state: 'returned',
        returnComment: extra.returnComment,
        approvedAt: null,
        approvedBy: null,
      });
    const after = await syncReview(tx, ctx, now);
    await auditStep(tx, ctx, 'return', changes, { before, after }, now);
  });
  return checklistOf(deps, ctx);
}
