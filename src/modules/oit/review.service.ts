// Confirming an agency's OIT result (the assessor, once every clarification is decided) and reopening a
// confirmed one (a NACC admin, with a reason). Between the two nothing about the result can change.
import type { Actor } from '../../core/authz.ts';
import type { ReviewResult } from './assessment.schema.ts';
import { type Deps, oitScoreFor, withOitWrite } from './oit.context.ts';
import * as errors from './oit.errors.ts';
import { selectScores } from './oit.repo.ts';
import { auditMoves, auditReview, moveItems, statusOf, syncReview } from './oit.workflow.ts';

export async function confirmResult(
  deps: Deps,
  actor: Actor | null,
  agencyId: string,
  year: number,
): Promise<ReviewResult> {
  const { result } = await withOitWrite(deps, actor, agencyId, year, 'oit.assess', 'confirmation', {
    write: async (w) => {
      if (statusOf(w, w.answers) !== 'assessed') throw errors.notAssessedYet();
      const undecided = w.answers.filter((a) => a.state === 'disputed').map((a) => a.itemCode);
      if (undecided.length) throw errors.undecidedClarifications(undecided);
      const rows = w.answers.filter((a) => a.state === 'assessed');
      const moves = await moveItems(w, rows, 'confirm', { updatedAt: w.now });
      const status = await syncReview(w, { confirmedAt: w.now, confirmedBy: w.actor.userId });
      const oitScore = oitScoreFor(w, await selectScores(w.tx, w.key));
      await auditMoves(w, moves, 'confirm', 'state');
      await auditReview(
        w,
        'confirm',
        { status: status.from },
        { status: status.to, oitScore: oitScore?.score ?? null },
      );
      return { agencyId, year, status: status.to, items: moves.length, oitScore };
    },
  });
  return result;
}

export async function reopenResult(
  deps: Deps,
  actor: Actor | null,
  agencyId: string,
  year: number,
  body: { reason: string },
): Promise<ReviewResult> {
  const reason = body.reason.trim();
  const { result } = await withOitWrite(deps, actor, agencyId, year, 'oit.reopen', null, {
    write: async (w) => {
      if (statusOf(w, w.answers) !== 'confirmed') throw errors.notConfirmed();
      const rows = w.answers.filter((a) => a.state === 'confirmed');
      const moves = await moveItems(w, rows, 'reopen', { updatedAt: w.now });
      // The last confirmation stays on record beside the reopening (the status says which came last).
      const status = await syncReview(w, {
        reopenedAt: w.now,
        reopenedBy: w.actor.userId,
        reopenReason: reason,
      });
      const oitScore = oitScoreFor(w, await selectScores(w.tx, w.key));
      await auditMoves(w, moves, 'reopen', 'state');
      await auditReview(w, 'reopen', { status: status.from }, { status: status.to, reason });
      return { agencyId, year, status: status.to, items: moves.length, oitScore };
    },
  });
  return result;
}
