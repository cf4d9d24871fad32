// The OIT workflow over one agency-year, for both sides: moving items through the state machine
// (src/core/oit/states.ts) inside a write's transaction, keeping the review's status equal to what the items'
// states say, and recording each move in the audit log (items under their own id, the review as a whole).
import {
  itemTransition,
  type OitItemEvent,
  type OitItemState,
  type OitReviewStatus,
  reviewStatusOf,
} from '../../core/oit/states.ts';
import { appendAudit } from '../audit/index.ts';
import type { OitWrite, OitYear } from './oit.context.ts';
import { type AgencyYear, type AnswerRow, selectAnswers, updateAnswers, updateReview } from './oit.repo.ts';

/** The audit entity ids of an item and of the agency-year's review. */
export const itemEntityId = (k: AgencyYear, code: string) => `${k.agencyId}:${k.year}:${code}`;
export const reviewEntityId = (k: AgencyYear) => `${k.agencyId}:${k.year}`;

/** The review status the applicable items' rows imply (rows of items the agency no longer has are ignored). */
export function statusOf(ctx: Pick<OitYear, 'items'>, rows: readonly AnswerRow[]): OitReviewStatus {
  const applicable = new Set(ctx.items.map((i) => i.code));
  return reviewStatusOf(rows.filter((r) => applicable.has(r.itemCode)).map((r) => r.state));
}

/** What the audit log keeps of an answer. */
export function answerSnapshot(row: AnswerRow) {
  return { state: row.state, has: row.has, urls: row.urls, explanation: row.explanation };
}

export interface ItemMove {
  row: AnswerRow;
  from: OitItemState;
  to: OitItemState;
}

/**
 * Applies one event to each row (every move must be legal, or nothing is written: a 409 names the item) and
 * stores the new states with `change` (who/when fields of the step).
 */
export async function moveItems(
  w: OitWrite,
  rows: readonly AnswerRow[],
  event: OitItemEvent,
  change: Parameters<typeof updateAnswers>[3] = {},
): Promise<ItemMove[]> {
  const moves = rows.map((row) => {
    const from = row.state;
    return { row, from, to: itemTransition(row.itemCode, from, event) };
  });
  const byState = new Map<OitItemState, string[]>();
  for (const m of moves) byState.set(m.to, [...(byState.get(m.to) ?? []), m.row.itemCode]);
  for (const [state, codes] of byState) await updateAnswers(w.tx, w.key, codes, { ...change, state });
  return moves;
}

/**
 * Sets the review's status from the items' states as they are now (and any who/when fields given); returns
 * the status before the write (from the locked rows) and after.
 */
export async function syncReview(
  w: OitWrite,
  fields: Omit<Parameters<typeof updateReview>[2], 'status' | 'updatedAt'> = {},
): Promise<{ from: OitReviewStatus; to: OitReviewStatus }> {
  const to = statusOf(w, await selectAnswers(w.tx, w.key));
  await updateReview(w.tx, w.key, { ...fields, status: to, updatedAt: w.now });
  return { from: statusOf(w, w.answers), to };
}

/**
 * One audit entry per moved item, on the item's answer (part of the item's history): the agency's steps
 * record the answer with its new state (`answer`), the assessment's steps the state alone (`state`).
 */
export async function auditMoves(
  w: OitWrite,
  moves: readonly (ItemMove & { extra?: Record<string, unknown> })[],
  action: string,
  record: 'answer' | 'state',
) {
  for (const m of moves)
    await appendAudit(
      w.tx,
      {
        actor: w.actor,
        agencyId: w.key.agencyId,
        entityType: 'oit_answer',
        entityId: itemEntityId(w.key, m.row.itemCode),
        action,
        ...(record === 'answer'
          ? { before: answerSnapshot(m.row), after: { ...answerSnapshot(m.row), state: m.to, ...m.extra } }
          : { before: { state: m.from }, after: { state: m.to } }),
      },
      w.now,
    );
}

/** The audit entry of a step of the review as a whole. */
export async function auditReview(
  w: OitWrite,
  action: string,
  before: Record<string, unknown>,
  after: Record<string, unknown>,
) {
  await appendAudit(
    w.tx,
    {
      actor: w.actor,
      agencyId: w.key.agencyId,
      entityType: 'oit_review',
      entityId: reviewEntityId(w.key),
      action,
      before,
      after,
    },
    w.now,
  );
}
