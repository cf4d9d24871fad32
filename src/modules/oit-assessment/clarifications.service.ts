// The clarification round: the agency files one clarification per item scored 0 (judged against the
// original evidence, which is checked again), and the assessor accepts it (the item scores 100, the
// original score is kept) or rejects it with a reason.
import type { AppDeps } from '../../app/context.ts';
import { type Actor, authorize } from '../../core/authz.ts';
import { appendAudit } from '../audit/index.ts';
import { requestEvidence } from '../evidence/index.ts';
import type { ItemRequest } from './assessment.service.ts';
import { itemResult } from './assessment.view.ts';
import { agencyYearOf, itemOf, oitRefOf, requireStageOpen } from './oit-assessment.context.ts';
import * as errors from './oit-assessment.errors.ts';
import {
  clarificationOf,
  decideClarification,
  insertClarification,
  scoreOf,
  upsertScore,
} from './oit-assessment.repo.ts';
import type { ClarificationBody, DecisionBody, ItemResult } from './oit-assessment.schema.ts';
import { itemEntityId, lockedAnswers, moveItems, syncReview } from './oit-assessment.workflow.ts';

type Deps = Pick<AppDeps, 'db' | 'now'>;

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
  const { agency, ref } = await oitRefOf(deps.db, actor, req.agencyId, req.year);
  authorize(actor, 'oit.clarify', ref.agency);
  const ctx = await agencyYearOf(deps.db, agency, req.year);
  itemOf(ctx, req.code);
  const key = { agencyId: req.agencyId, year: req.year, itemCode: req.code };
  const now = deps.now();
  await deps.db.transaction(async (tx) => {
    const answers = await lockedAnswers(tx, key);
    await requireStageOpen(tx, ctx, 'clarification', now);
    if (await clarificationOf(tx, key)) throw errors.clarificationExists(req.code);
    const answer = answers.find((a) => a.itemCode === req.code);
    const score = await scoreOf(tx, key);
    if (!answer || score?.score !== 0) throw errors.clarificationNeedsZero(req.code);
    const [move] = await moveItems(tx, key, [answer], 'dispute', now);
    const filed = { explanation: body.explanation.trim(), location: clean(body.location) };
    const saved = await insertClarification(tx, { ...key, ...filed, filedBy: actor.userId, filedAt: now });
    if (!saved) throw errors.clarificationExists(req.code);
    await syncReview(tx, key, answers, {}, now);
    await requestEvidence(
      tx,
      { ...key, urls: answer.urls, purpose: 'clarification', requestedBy: actor.userId },
      now,
    );
    await appendAudit(
      tx,
      {
        actor,
        agencyId: req.agencyId,
        entityType: 'oit_clarification',
        entityId: itemEntityId(req.agencyId, req.year, req.code),
        action: 'file',
        before: { state: move?.from },
        after: { state: move?.to, ...filed },
      },
      now,
    );
  });
  return itemResult(deps.db, actor, ctx, req.code);
}

export async function decideOnClarification(
  deps: Deps,
  actor: Actor | null,
  req: ItemRequest,
  body: DecisionBody,
): Promise<ItemResult> {
  const { agency, ref } = await oitRefOf(deps.db, actor, req.agencyId, req.year);
  authorize(actor, 'oit.assess', ref);
  const ctx = await agencyYearOf(deps.db, agency, req.year);
  const item = itemOf(ctx, req.code);
  const reason = clean(body.reason);
  if (body.decision === 'rejected' && reason === null) throw errors.reasonRequired();
  const key = { agencyId: req.agencyId, year: req.year, itemCode: req.code };
  const entityId = itemEntityId(req.agencyId, req.year, req.code);
  const now = deps.now();
  await deps.db.transaction(async (tx) => {
    const answers = await lockedAnswers(tx, key);
    await requireStageOpen(tx, ctx, 'confirmation', now);
    const clarification = await clarificationOf(tx, key);
    if (!clarification) throw errors.noClarification(req.code);
    if (clarification.decision !== null) throw errors.clarificationDecided(req.code);
    const answer = answers.find((a) => a.itemCode === req.code);
    if (!answer) throw errors.noClarification(req.code);
    const [move] = await moveItems(tx, key, [answer], 'decide', now);
    const decided = await decideClarification(tx, key, {
      decision: body.decision,
      decisionReason: reason,
      decidedBy: actor.userId,
      decidedAt: now,
    });
    if (!decided) throw errors.clarificationDecided(req.code);
    const before = body.decision === 'accepted' ? await scoreOf(tx, key) : undefined;
    if (before) {
      // Accepted: the item scores 100, which means every component was shown; the score before stays on
      // record (originalScore), as do the advice and comment.
      await upsertScore(tx, {
        ...before,
        score: 100,
        componentsFound: item.components.map((_, i) => i),
        originalScore: before.originalScore ?? before.score,
        assessorId: actor.userId,
        updatedAt: now,
      });
    }
    await syncReview(tx, key, answers, {}, now);
    await appendAudit(
      tx,
      {
        actor,
        agencyId: req.agencyId,
        entityType: 'oit_clarification',
        entityId,
        action: 'decide',
        before: { state: move?.from, decision: null },
        after: { state: move?.to, decision: body.decision, reason },
      },
      now,
    );
    if (before)
      await appendAudit(
        tx,
        {
          actor,
          agencyId: req.agencyId,
          entityType: 'oit_score',
          entityId,
          action: 'clarification_accepted',
          before: { score: before.score, componentsFound: before.componentsFound },
          after: {
            score: 100,
            componentsFound: item.components.map((_, i) => i),
            originalScore: before.originalScore ?? before.score,
          },
        },
        now,
      );
  });
  return itemResult(deps.db, actor, ctx, req.code);
}
