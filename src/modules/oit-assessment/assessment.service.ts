// The assessor's work on an agency's OIT: scoring items (0 or 100 against the item's components, advice
// required at 0) and submitting the assessment. Only in the scoring stage, only on approved answers, never
// once the result is confirmed.
import type { AppDeps } from '../../app/context.ts';
import { type Actor, authorize } from '../../core/authz.ts';
import type { OitItem } from '../../core/framework/schema.ts';
import type { OitItemState } from '../../core/oit/states.ts';
import { appendAudit } from '../audit/index.ts';
import { requestEvidence } from '../evidence/index.ts';
import { itemResult } from './assessment.view.ts';
import { agencyYearOf, itemOf, oitRefOf, oitScoreFor, requireStageOpen } from './oit-assessment.context.ts';
import * as errors from './oit-assessment.errors.ts';
import { type ScoreRow, scoreOf, scoresOf, upsertScore } from './oit-assessment.repo.ts';
import type { ItemResult, ReviewResult, ScoreBody } from './oit-assessment.schema.ts';
import {
  auditMoves,
  itemEntityId,
  lockedAnswers,
  moveItems,
  reviewEntityId,
  syncReview,
} from './oit-assessment.workflow.ts';

type Deps = Pick<AppDeps, 'db' | 'now'>;
export interface ItemRequest {
  agencyId: string;
  year: number;
  code: string;
}

const clean = (text: string | null | undefined) => {
  const t = text?.trim();
  return t ? t : null;
};

/** The score as it will be stored, or a 400 explaining what is wrong with it. */
function checkedScore(item: OitItem, body: ScoreBody) {
  const count = item.components.length;
  const found = [...new Set(body.componentsFound)].sort((a, b) => a - b);
  const outOfRange = found.filter((i) => i >= count);
  if (outOfRange.length) throw errors.componentsOutOfRange(item.code, count, outOfRange);
  if (body.score === 100) {
    const missing = item.components.map((_, i) => i).filter((i) => !found.includes(i));
    if (missing.length) throw errors.fullScoreNeedsEveryComponent(item.code, missing);
  }
  const advice = clean(body.advice);
  if (body.score === 0 && advice === null) throw errors.adviceRequired(item.code);
  return { score: body.score, componentsFound: found, comment: clean(body.comment), advice };
}

const scoreFields = (row: ScoreRow) => ({
  score: row.score,
  componentsFound: row.componentsFound,
  comment: row.comment,
  advice: row.advice,
});

export async function scoreItem(
  deps: Deps,
  actor: Actor | null,
  req: ItemRequest,
  body: ScoreBody,
): Promise<ItemResult> {
  const { agency, ref } = await oitRefOf(deps.db, actor, req.agencyId, req.year);
  authorize(actor, 'oit.assess', ref);
  const ctx = await agencyYearOf(deps.db, agency, req.year);
  const item = itemOf(ctx, req.code);
  const next = checkedScore(item, body);
  const key = { agencyId: req.agencyId, year: req.year, itemCode: req.code };
  const now = deps.now();
  await deps.db.transaction(async (tx) => {
    const answers = await lockedAnswers(tx, key);
    await requireStageOpen(tx, ctx, 'oit_scoring', now);
    const answer = answers.find((a) => a.itemCode === req.code);
    if (answer?.state !== 'approved' && answer?.state !== 'assessed')
      throw errors.notScorable(req.code, answer ? (answer.state as OitItemState) : null);
    const before = await scoreOf(tx, key);
    if (before && JSON.stringify(scoreFields(before)) === JSON.stringify(next)) return;
    await upsertScore(tx, {
      ...key,
      ...next,
      originalScore: before?.originalScore ?? null,
      assessorId: actor.userId,
      updatedAt: now,
    });
    await appendAudit(
      tx,
      {
        actor,
        agencyId: req.agencyId,
        entityType: 'oit_score',
        entityId: itemEntityId(req.agencyId, req.year, req.code),
        action: 'score',
        before: before ? scoreFields(before) : null,
        after: next,
      },
      now,
    );
  });
  return itemResult(deps.db, actor, ctx, req.code);
}

/**
 * Submits the agency's assessment: every approved item that applies must have a score; each moves to
 * assessed (the agency then sees its scores and advice), and every evidence URL is checked once more.
 */
export async function submitAssessment(
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
    await requireStageOpen(tx, ctx, 'oit_scoring', now);
    const answerBy = new Map(answers.map((a) => [a.itemCode, a]));
    const notApproved = ctx.items
      .map((i) => i.code)
      .filter((code) => {
        const state = answerBy.get(code)?.state;
        return state === undefined || state === 'draft' || state === 'submitted' || state === 'returned';
      });
    if (notApproved.length) throw errors.notApprovedYet(notApproved);
    const toAssess = ctx.items.flatMap((i) => {
      const row = answerBy.get(i.code);
      return row?.state === 'approved' ? [row] : [];
    });
    if (toAssess.length === 0) throw errors.alreadyAssessed();
    const scores = await scoresOf(tx, agencyId, year);
    const scored = new Set(scores.map((s) => s.itemCode));
    const unscored = toAssess.filter((r) => !scored.has(r.itemCode)).map((r) => r.itemCode);
    if (unscored.length) throw errors.unscoredItems(unscored);

    const moves = await moveItems(tx, key, toAssess, 'assess', now);
    const status = await syncReview(tx, key, answers, { assessedAt: now, assessedBy: actor.userId }, now);
    for (const row of toAssess)
      await requestEvidence(
        tx,
        {
          agencyId,
          year,
          itemCode: row.itemCode,
          urls: row.urls,
          purpose: 'assessment',
          requestedBy: actor.userId,
        },
        now,
      );
    const oitScore = oitScoreFor(ctx, scores);
    await auditMoves(tx, actor, key, moves, 'assess', now);
    await appendAudit(
      tx,
      {
        actor,
        agencyId,
        entityType: 'oit_review',
        entityId: reviewEntityId(agencyId, year),
        action: 'assess',
        before: { status: status.from },
        after: { status: status.to, items: moves.length, oitScore: oitScore?.score ?? null },
      },
      now,
    );
    return { agencyId, year, status: status.to, items: moves.length, oitScore };
  });
}
