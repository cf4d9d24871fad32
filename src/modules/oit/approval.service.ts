// The agency's OIT on its way to the assessors: the agency admin submits every answered item for approval,
// the executive approves what was submitted (the URLs are then snapshotted as the original evidence) or
// returns items with a comment, which makes them editable again until they are resubmitted. Each step goes
// through withOitWrite (oit_answering open, the agency-year's locks) and is audited per item and for the
// review as a whole.
import { type Actor, assertFourEyes } from '../../core/authz.ts';
import { isAnswered } from '../../core/oit/answer-rules.ts';
import { isApprovedState } from '../../core/oit/readiness.ts';
import { illegalTransition } from '../../core/oit/states.ts';
import { OIT_RETURN_COMMENT_MAX_LENGTH } from '../../shared/limits.ts';
import { requestEvidence } from '../evidence/index.ts';
import { checklistOf } from './checklist.service.ts';
import { type Deps, itemOf, type OitWrite, withOitWrite } from './oit.context.ts';
import {
  duplicateReturnItems,
  nothingToApprove,
  returnAfterScoring,
  returnCommentRequired,
  returnCommentTooLong,
  unansweredItems,
} from './oit.errors.ts';
import { scoredItems } from './oit.repo.ts';
import type { Checklist, ReturnBody } from './oit.schema.ts';
import { auditMoves, auditReview, type ItemMove, moveItems, syncReview } from './oit.workflow.ts';

/** The applicable items' locked rows, by item code. */
function applicableRows(w: OitWrite) {
  const applicable = new Set(w.items.map((i) => i.code));
  return new Map(w.answers.filter((r) => applicable.has(r.itemCode)).map((r) => [r.itemCode, r]));
}

/** Audits each item's move and the review's status change, last in the transaction (see appendAudit). */
async function auditStep(
  w: OitWrite,
  action: 'submit' | 'approve' | 'return',
  moves: readonly (ItemMove & { extra?: Record<string, unknown> })[],
  status: { from: string; to: string },
) {
  await auditMoves(w, moves, action, 'answer');
  await auditReview(
    w,
    action,
    { status: status.from },
    { status: status.to, items: moves.map((m) => m.row.itemCode) },
  );
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
  const { ctx } = await withOitWrite(deps, actor, agencyId, year, 'oit.submit', 'oit_answering', {
    write: async (w) => {
      const rows = applicableRows(w);
      const unanswered = w.items.filter((i) => {
        const row = rows.get(i.code);
        return !row || !isAnswered(row);
      });
      if (unanswered.length > 0) throw unansweredItems(unanswered.map((i) => i.code));
      const toSubmit = [...rows.values()].filter((r) => r.state === 'draft' || r.state === 'returned');
      if (toSubmit.length === 0) return;
      const moves = await moveItems(w, toSubmit, 'submit', { submittedBy: w.actor.userId });
      const status = await syncReview(w, { submittedAt: w.now, submittedBy: w.actor.userId });
      await auditStep(w, 'submit', moves, status);
    },
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
  const { ctx } = await withOitWrite(deps, actor, agencyId, year, 'oit.approve', 'oit_answering', {
    write: async (w) => {
      const rows = applicableRows(w);
      const submitted = [...rows.values()].filter((r) => r.state === 'submitted');
      if (submitted.length === 0) {
        // Approving twice (a double click) changes nothing; approving before anything was submitted is a
        // mistake.
        const allApproved = w.items.every((i) => {
          const row = rows.get(i.code);
          return row !== undefined && isApprovedState(row.state);
        });
        if (allApproved) return;
        throw nothingToApprove();
      }
      // Whoever sent an item, or wrote its answer, cannot be the one who approves it.
      assertFourEyes(
        w.actor,
        submitted.flatMap((r) => [r.submittedBy, r.updatedBy]),
      );
      const moves = await moveItems(w, submitted, 'approve', {
        approvedAt: w.now,
        approvedBy: w.actor.userId,
        returnComment: null,
      });
      for (const row of submitted)
        if (row.has === true)
          await requestEvidence(
            w.tx,
            {
              ...w.key,
              itemCode: row.itemCode,
              urls: row.urls,
              purpose: 'approval',
              requestedBy: w.actor.userId,
            },
            w.now,
          );
      const status = await syncReview(w, { approvedAt: w.now, approvedBy: w.actor.userId });
      await auditStep(
        w,
        'approve',
        moves.map((m) => ({ ...m, extra: { returnComment: null } })),
        status,
      );
    },
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
  const { ctx } = await withOitWrite(deps, actor, agencyId, year, 'oit.approve', 'oit_answering', {
    check: (ctx) => {
      const requests = body.items.map((i) => ({ code: itemOf(ctx, i.code).code, comment: i.comment.trim() }));
      const codes = requests.map((r) => r.code);
      const repeated = [...new Set(codes.filter((c, i) => codes.indexOf(c) !== i))];
      if (repeated.length > 0) throw duplicateReturnItems(repeated);
      const blank = requests.filter((r) => r.comment.length === 0).map((r) => r.code);
      if (blank.length > 0) throw returnCommentRequired(blank);
      const long = requests
        .filter((r) => r.comment.length > OIT_RETURN_COMMENT_MAX_LENGTH)
        .map((r) => r.code);
      if (long.length > 0) throw returnCommentTooLong(long, OIT_RETURN_COMMENT_MAX_LENGTH);
      return { requests, codes };
    },
    write: async (w, { requests, codes }) => {
      const rows = applicableRows(w);
      // An approved item may go back only until the assessor scores it (windows can overlap by extension).
      const scored = await scoredItems(w.tx, w.key, codes);
      if (scored.length > 0) throw returnAfterScoring(scored);
      assertFourEyes(
        w.actor,
        codes.flatMap((code) => [rows.get(code)?.submittedBy ?? null, rows.get(code)?.updatedBy ?? null]),
      );
      const moves: (ItemMove & { extra: { returnComment: string } })[] = [];
      for (const { code, comment } of requests) {
        const row = rows.get(code);
        // An item never saved is a draft: returning it is as illegal as returning any draft.
        if (!row) throw illegalTransition(code, 'draft', 'return');
        const [move] = await moveItems(w, [row], 'return', {
          returnComment: comment,
          approvedAt: null,
          approvedBy: null,
        });
        if (move) moves.push({ ...move, extra: { returnComment: comment } });
      }
      const status = await syncReview(w);
      await auditStep(w, 'return', moves, status);
    },
  });
  return checklistOf(deps, ctx);
}
