// The clarification round: the agency files one clarification per item scored 0 (judged against the
// original evidence, which is checked again), and the assessor accepts it (the item scores 100, the
// original score is kept) or rejects it with a reason.
import type { Actor } from '../../core/authz.ts';
import { appendAudit } from '../audit/index.ts';
import { requestEvidence } from '../evidence/index.ts';
import type { ClarificationBody, DecisionBody, ItemResult } from './assessment.schema.ts';
import type { ItemRequest } from './assessment.service.ts';
import { itemResult } from './assessment.view.ts';
import { type Deps, itemOf, withOitWrite } from './oit.context.ts';
import * as errors from './oit.errors.ts';
import {
  decideClarification,
  insertClarification,
  selectClarification,
  selectScore,
  upsertScore,
} from './oit.repo.ts';
import { itemEntityId, moveItems, syncReview } from './oit.workflow.ts';

const clean = (text: string | null | undefined) => {
  const t = text?.trim();
  return t ? t : null;
};

export async function fileClarification(
  deps: Deps,
  actor: Actor | null,
  req: ItemRequest,
  body: ClarificationBody,
): Promise<ItemResult> {
  const { ctx } = await withOitWrite(deps, actor, req.agencyId, req.year, 'oit.clarify', 'clarification', {
    check: (ctx) => itemOf(ctx, req.code),
    write: async (w) => {
      const key = { ...w.key, itemCode: req.code };
      if (await selectClarification(w.tx, key)) throw errors.clarificationExists(req.code);
      const answer = w.answers.find((a) => a.itemCode === req.code);
      const score = await selectScore(w.tx, key);
      if (!answer || score?.score !== 0) throw errors.clarificationNeedsZero(req.code);
      const [move] = await moveItems(w, [answer], 'dispute', { updatedAt: w.now });
      const filed = { explanation: body.explanation.trim(), location: clean(body.location) };
      const saved = await insertClarification(w.tx, {
        ...key,
        ...filed,
        filedBy: w.actor.userId,
        filedAt: w.now,
      });
      if (!saved) throw errors.clarificationExists(req.code);
      await syncReview(w);
      await requestEvidence(
        w.tx,
        { ...key, urls: answer.urls, purpose: 'clarification', requestedBy: w.actor.userId },
        w.now,
      );
      await appendAudit(
        w.tx,
        {
          actor: w.actor,
          agencyId: req.agencyId,
          entityType: 'oit_clarification',
          entityId: itemEntityId(w.key, req.code),
          action: 'file',
          before: { state: move?.from },
          after: { state: move?.to, ...filed },
        },
        w.now,
      );
    },
  });
  return itemResult(deps, ctx, req.code);
}

export async function decideOnClarification(
  deps: Deps,
  actor: Actor | null,
  req: ItemRequest,
  body: DecisionBody,
): Promise<ItemResult> {
  const { ctx } = await withOitWrite(deps, actor, req.agencyId, req.year, 'oit.assess', 'confirmation', {
    check: (ctx) => {
      const item = itemOf(ctx, req.code);
      const reason = clean(body.reason);
      if (body.decision === 'rejected' && reason === null) throw errors.reasonRequired();
      return { item, reason };
    },
    write: async (w, { item, reason }) => {
      const key = { ...w.key, itemCode: req.code };
      const entityId = itemEntityId(w.key, req.code);
      const clarification = await selectClarification(w.tx, key);
      if (!clarification) throw errors.noClarification(req.code);
      if (clarification.decision !== null) throw errors.clarificationDecided(req.code);
      const answer = w.answers.find((a) => a.itemCode === req.code);
      if (!answer) throw errors.noClarification(req.code);
      const [move] = await moveItems(w, [answer], 'decide', { updatedAt: w.now });
      const decided = await decideClarification(w.tx, key, {
        decision: body.decision,
        decisionReason: reason,
        decidedBy: w.actor.userId,
        decidedAt: w.now,
      });
      if (!decided) throw errors.clarificationDecided(req.code);
      const before = body.decision === 'accepted' ? await selectScore(w.tx, key) : undefined;
      const everyComponent = item.components.map((_, i) => i);
      if (before) {
        // Accepted: the item scores 100, which means every component was shown; the score before stays on
        // record (originalScore), as do the advice and comment.
        await upsertScore(w.tx, {
          ...before,
          score: 100,
          componentsFound: everyComponent,
          originalScore: before.originalScore ?? before.score,
          assessorId: w.actor.userId,
          updatedAt: w.now,
        });
      }
      await syncReview(w);
      await appendAudit(
        w.tx,
        {
          actor: w.actor,
          agencyId: req.agencyId,
          entityType: 'oit_clarification',
          entityId,
          action: 'decide',
          before: { state: move?.from, decision: null },
          after: { state: move?.to, decision: body.decision, reason },
        },
        w.now,
      );
      if (before)
        await appendAudit(
          w.tx,
          {
            actor: w.actor,
            agencyId: req.agencyId,
            entityType: 'oit_score',
            entityId,
            action: 'clarification_accepted',
            before: { score: before.score, componentsFound: before.componentsFound },
            after: {
              score: 100,
              componentsFound: everyComponent,
              originalScore: before.originalScore ?? before.score,
            },
          },
          w.now,
        );
    },
  });
  return itemResult(deps, ctx, req.code);
}
