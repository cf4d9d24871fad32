// Moving items through the state machine (src/core/oit/states.ts) inside a transaction, keeping the
// agency-level status equal to what the items' states say, and recording each move in the audit log.
import type { Actor } from '../../core/authz.ts';
import {
  itemTransition,
  type OitItemEvent,
  type OitItemState,
  type OitReviewStatus,
  reviewStatusOf,
} from '../../core/oit/states.ts';
import type { DbOrTx } from '../../db/client.ts';
import { appendAudit } from '../audit/index.ts';
import * as errors from './oit-assessment.errors.ts';
import { type AnswerRow, answersOf, saveReview, setItemStates } from './oit-assessment.repo.ts';

export interface ItemMove {
  code: string;
  from: OitItemState;
  to: OitItemState;
}

export const itemEntityId = (agencyId: string, year: number, code: string) => `${agencyId}:${year}:${code}`;
export const reviewEntityId = (agencyId: string, year: number) => `${agencyId}:${year}`;

export const statusOf = (answers: readonly AnswerRow[]): OitReviewStatus =>
  reviewStatusOf(answers.map((a) => a.state as OitItemState));

/** The agency's answer rows, locked for the transaction; 409 when the result is confirmed (locked). */
export async function lockedAnswers(
  tx: DbOrTx,
  key: { agencyId: string; year: number },
  opts: { allowConfirmed?: boolean } = {},
): Promise<AnswerRow[]> {
  const answers = await answersOf(tx, key.agencyId, key.year, { lock: true });
  if (!opts.allowConfirmed && statusOf(answers) === 'confirmed') throw errors.confirmedLocked();
  return answers;
}

/** Applies one event to each row (every move must be legal, or nothing is written) and saves the states. */
export async function moveItems(
  tx: DbOrTx,
  key: { agencyId: string; year: number },
  rows: readonly AnswerRow[],
  event: OitItemEvent,
  now: Date,
): Promise<ItemMove[]> {
  const moves = rows.map((r) => {
    const from = r.state as OitItemState;
    return { code: r.itemCode, from, to: itemTransition(r.itemCode, from, event) };
  });
  const byState = new Map<OitItemState, string[]>();
  for (const m of moves) byState.set(m.to, [...(byState.get(m.to) ?? []), m.code]);
  for (const [state, codes] of byState) await setItemStates(tx, key.agencyId, key.year, codes, state, now);
  return moves;
}

/**
 * Recomputes the agency-level status from every item's state and stores it (with any who/when fields);
 * returns the status before and after.
 */
export async function syncReview(
  tx: DbOrTx,
  key: { agencyId: string; year: number },
  before: readonly AnswerRow[],
  fields: Parameters<typeof saveReview>[3],
  now: Date,
): Promise<{ from: OitReviewStatus; to: OitReviewStatus }> {
  const after = await answersOf(tx, key.agencyId, key.year);
  const to = statusOf(after);
  await saveReview(tx, key, to, fields, now);
  return { from: statusOf(before), to };
}

/** One audit entry per moved item, on the item's answer (part of the item's history). */
export async function auditMoves(
  tx: DbOrTx,
  actor: Actor,
  key: { agencyId: string; year: number },
  moves: readonly ItemMove[],
  action: string,
  now: Date,
) {
  for (const m of moves)
    await appendAudit(
      tx,
      {
        actor,
        agencyId: key.agencyId,
        entityType: 'oit_answer',
        entityId: itemEntityId(key.agencyId, key.year, m.code),
        action,
        before: { state: m.from },
        after: { state: m.to },
      },
      now,
    );
}
