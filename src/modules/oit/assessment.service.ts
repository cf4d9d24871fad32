// The assessor's work on an agency's OIT: scoring items (0 or 100 against the item's components, advice
// required at 0) and submitting the assessment. Only in the scoring stage, only on approved answers, never
// once the result is confirmed (withOitWrite).

import type { Actor } from '../../core/authz.ts';
import type { OitItem } from '../../core/framework/schema.ts';
import { missingComponents } from '../../core/oit/proposal.ts';
import { appendAudit } from '../audit/index.ts';
import { requestEvidence } from '../evidence/index.ts';
import type { ItemResult, ReviewResult, ScoreBody } from './assessment.schema.ts';
import { itemResult } from './assessment.view.ts';
import { type Deps, itemOf, oitScoreFor, withOitWrite } from './oit.context.ts';
import * as errors from './oit.errors.ts';
import { type ScoreRow, selectScore, selectScores, upsertScore } from './oit.repo.ts';
import { auditMoves, auditReview, itemEntityId, moveItems, syncReview } from './oit.workflow.ts';

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
    // The one rule of the proposal (src/core/oit/proposal.ts): 100 needs every component.
    const missing = missingComponents(count, found);
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
  const { ctx } = await withOitWrite(deps, actor, req.agencyId, req.year, 'oit.assess', 'oit_scoring', {
    check: (ctx) => checkedScore(itemOf(ctx, req.code), body),
    write: async (w, next) => {
      const key = { ...w.key, itemCode: req.code };
      const answer = w.answers.find((a) => a.itemCode === req.code);
      if (answer?.state !== 'approved' && answer?.state !== 'assessed')
        throw errors.notScorable(req.code, answer ? answer.state : null);
      const before = await selectScore(w.tx, key);
      if (before && JSON.stringify(scoreFields(before)) === JSON.stringify(next)) return;
      await upsertScore(w.tx, {
        ...key,
        ...next,
        originalScore: before?.originalScore ?? null,
        assessorId: w.actor.userId,
        updatedAt: w.now,
      });
      await appendAudit(
        w.tx,
        {
          actor: w.actor,
          agencyId: req.agencyId,
          entityType: 'oit_score',
          entityId: itemEntityId(w.key, req.code),
          action: 'score',
          before: before ? scoreFields(before) : null,
          after: next,
        },
        w.now,
      );
    },
  });
  return itemResult(deps, ctx, req.code);
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
  const { result } = await withOitWrite(deps, actor, agencyId, year, 'oit.assess', 'oit_scoring', {
    write: async (w) => {
      const answerBy = new Map(w.answers.map((a) => [a.itemCode, a]));
      const notApproved = w.items
        .map((i) => i.code)
        .filter((code) => {
          const state = answerBy.get(code)?.state;
          return state === undefined || state === 'draft' || state === 'submitted' || state === 'returned';
        });
      if (notApproved.length) throw errors.notApprovedYet(notApproved);
      const toAssess = w.items.flatMap((i) => {
        const row = answerBy.get(i.code);
        return row?.state === 'approved' ? [row] : [];
      });
      if (toAssess.length === 0) throw errors.alreadyAssessed();
      const scores = await selectScores(w.tx, w.key);
      const scored = new Set(scores.map((s) => s.itemCode));
      const unscored = toAssess.filter((r) => !scored.has(r.itemCode)).map((r) => r.itemCode);
      if (unscored.length) throw errors.unscoredItems(unscored);

      const moves = await moveItems(w, toAssess, 'assess', { updatedAt: w.now });
      const status = await syncReview(w, { assessedAt: w.now, assessedBy: w.actor.userId });
      for (const row of toAssess)
        await requestEvidence(
          w.tx,
          {
            ...w.key,
            itemCode: row.itemCode,
            urls: row.urls,
            purpose: 'assessment',
            requestedBy: w.actor.userId,
          },
          w.now,
        );
      const oitScore = oitScoreFor(w, scores);
      await auditMoves(w, moves, 'assess', 'state');
      await auditReview(
        w,
        'assess',
        { status: status.from },
        { status: status.to, items: moves.length, oitScore: oitScore?.score ?? null },
      );
      return { agencyId, year, status: status.to, items: moves.length, oitScore };
    },
  });
  return result;
}
