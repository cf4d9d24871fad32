// Confirming an agency's OIT result (the assessor, once every clarification is decided) and reopening a
// confirmed one (a NACC admin, with a reason). Between the two nothing about the result can change.
import type { AppDeps } from '../../app/context.ts';
import { type Actor, authorize } from '../../core/authz.ts';
import { appendAudit } from '../audit/index.ts';
import { agencyYearOf, oitRefOf, oitScoreFor, requireStageOpen } from './oit-assessment.context.ts';
import * as errors from './oit-assessment.errors.ts';
import { scoresOf } from './oit-assessment.repo.ts';
import type { ReviewResult } from './oit-assessment.schema.ts';
import {
  auditMoves,
  lockedAnswers,
  moveItems,
  reviewEntityId,
  statusOf,
  syncReview,
} from './oit-assessment.workflow.ts';

type Deps = Pick<AppDeps, 'db' | 'now'>;

export async function confirmResult(
  deps: Deps,
  actor: Actor | null,
  agencyId: string,
  year: number,
): Promise<ReviewResult> {
  const { agency, ref } = await oitRefOf(deps.db, actor, agencyId, year);
  authorize(actor, 'oit.assess', ref);
  const ctx = await agencyYearOf(deps.db, agency, year);
  const key = { agencyId, year };
  const now = deps.now();
  return deps.db.transaction(async (tx) => {
    const answers = await lockedAnswers(tx, key);
    await requireStageOpen(tx, ctx, 'confirmation', now);
    if (statusOf(answers) !== 'assessed') throw errors.notAssessedYet();
    const undecided = answers.filter((a) => a.state === 'disputed').map((a) => a.itemCode);
    if (undecided.length) throw errors.undecidedClarifications(undecided);
    const rows = answers.filter((a) => a.state === 'assessed');
    const moves = await moveItems(tx, key, rows, 'confirm', now);
    const status = await syncReview(tx, key, answers, { confirmedAt: now, confirmedBy: actor.userId }, now);
    const oitScore = oitScoreFor(ctx, await scoresOf(tx, agencyId, year));
    await auditMoves(tx, actor, key, moves, 'confirm', now);
    await appendAudit(
      tx,
      {
        actor,
        agencyId,
        entityType: 'oit_review',
        entityId: reviewEntityId(agencyId, year),
        action: 'confirm',
        before: { status: status.from },
        after: { status: status.to, oitScore: oitScore?.score ?? null },
      },
      now,
    );
    return { agencyId, year, status: status.to, items: moves.length, oitScore };
  });
}

export async function reopenResult(
  deps: Deps,
  actor: Actor | null,
  agencyId: string,
  year: number,
  body: { reason: string },
): Promise<ReviewResult> {
  const { agency, ref } = await oitRefOf(deps.db, actor, agencyId, year);
  authorize(actor, 'oit.reopen', ref.agency);
  const ctx = await agencyYearOf(deps.db, agency, year);
  const key = { agencyId, year };
  const reason = body.reason.trim();
  const now = deps.now();
  return deps.db.transaction(async (tx) => {
    const answers = await lockedAnswers(tx, key, { allowConfirmed: true });
    if (statusOf(answers) !== 'confirmed') throw errors.notConfirmed();
    const rows = answers.filter((a) => a.state === 'confirmed');
    const moves = await moveItems(tx, key, rows, 'reopen', now);
    // The last confirmation stays on record beside the reopening (the status says which came last).
    const reopened = { reopenedAt: now, reopenedBy: actor.userId, reopenReason: reason };
    const status = await syncReview(tx, key, answers, reopened, now);
    const oitScore = oitScoreFor(ctx, await scoresOf(tx, agencyId, year));
    await auditMoves(tx, actor, key, moves, 'reopen', now);
    await appendAudit(
      tx,
      {
        actor,
        agencyId,
        entityType: 'oit_review',
        entityId: reviewEntityId(agencyId, year),
        action: 'reopen',
        before: { status: status.from },
        after: { status: status.to, reason },
      },
      now,
    );
    return { agencyId, year, status: status.to, items: moves.length, oitScore };
  });
}
