// Reading an agency's OIT assessment: per item the approved answer, the original and latest evidence, the
// score and the clarification; the OIT score so far (scoring engine); the stage and its deadline; and what
// the viewer may do next (computed here from the authorization rules, the states and the windows).
import { type Actor, can } from '../../core/authz.ts';
import { oitStageOf } from '../../core/oit/stage.ts';
import type { OitReviewStatus } from '../../core/oit/states.ts';
import { latestEvidence, originalEvidence } from '../evidence/index.ts';
import { peopleByIds } from '../users/index.ts';
import type { Assessment, AssessmentItem, ItemResult, StageInfo } from './assessment.schema.ts';
import { type Deps, type OitYear, oitScoreFor, oitStagesOf, readOit } from './oit.context.ts';
import {
  countsOf,
  peopleOf,
  presentAnswer,
  presentClarification,
  presentEvidence,
  presentReview,
  presentScore,
  scoresVisibleTo,
} from './oit.present.ts';
import { selectAnswers, selectClarifications, selectReview, selectScores } from './oit.repo.ts';
import { statusOf } from './oit.workflow.ts';

export async function getAssessment(
  deps: Deps,
  actor: Actor | null,
  agencyId: string,
  year: number,
): Promise<Assessment> {
  const ctx = await readOit(deps, actor, agencyId, year, 'oit.read');
  const { agency, ref } = ctx;
  const viewer = ctx.actor;
  const db = deps.db;
  const review = await selectReview(db, ctx.key);
  const answers = await selectAnswers(db, ctx.key);
  const scores = await selectScores(db, ctx.key);
  const clarifications = await selectClarifications(db, ctx.key);
  const original = await originalEvidence(db, ctx.key);
  const latest = await latestEvidence(db, ctx.key);
  const stages = await oitStagesOf(deps, ctx);
  const status = statusOf(ctx, answers);
  const visible = scoresVisibleTo(viewer, status);
  const people = peopleOf(
    await peopleByIds(db, [
      ...scores.map((s) => s.assessorId),
      ...clarifications.flatMap((c) => [c.filedBy, c.decidedBy]),
      review?.assessedBy ?? null,
      review?.confirmedBy ?? null,
      review?.reopenedBy ?? null,
    ]),
  );
  const codes = new Set(ctx.items.map((i) => i.code));
  const counts = countsOf(codes, answers, scores, clarifications);
  const answerBy = new Map(answers.map((a) => [a.itemCode, a]));
  const scoreBy = new Map(scores.map((s) => [s.itemCode, s]));
  const clarificationBy = new Map(clarifications.map((c) => [c.itemCode, c]));
  const open = (code: string) => stages.find((s) => s.code === code)?.open ?? false;
  const locked = status === 'confirmed';
  const assesses = can(viewer, 'oit.assess', ref);
  const clarifies = can(viewer, 'oit.clarify', ref.agency);

  const itemView = (code: string): AssessmentItem => {
    const item = ctx.items.find((i) => i.code === code);
    if (!item) throw new Error(`unknown item ${code}`);
    const answer = answerBy.get(code);
    const score = visible ? scoreBy.get(code) : undefined;
    const clarification = visible ? clarificationBy.get(code) : undefined;
    const state = answer?.state;
    return {
      code,
      indicator: item.indicator,
      subIndicator: item.subIndicator,
      title: item.title,
      components: item.components,
      conditions: item.conditions,
      answer: presentAnswer(answer),
      evidence: presentEvidence(answer, original, latest),
      score: score ? presentScore(score, people) : null,
      clarification: clarification ? presentClarification(clarification, people) : null,
      can: {
        score: assesses && !locked && open('oit_scoring') && (state === 'approved' || state === 'assessed'),
        clarify:
          clarifies &&
          !locked &&
          open('clarification') &&
          state === 'assessed' &&
          score?.score === 0 &&
          clarification === undefined,
        decide:
          assesses &&
          !locked &&
          open('confirmation') &&
          state === 'disputed' &&
          clarification?.decision === null,
      },
    };
  };

  const own = ctx.framework.instruments.find((i) => i.collection === 'open_data')?.indicators ?? [];
  const indicators = ctx.framework.indicators
    .filter((i) => own.includes(i.code))
    .map((indicator) => ({
      code: indicator.code,
      name: indicator.name,
      subIndicators: indicator.subIndicators
        .map((sub) => ({
          code: sub.code,
          name: sub.name,
          items: ctx.items
            .filter((i) => i.indicator === indicator.code && i.subIndicator === sub.code)
            .map((i) => itemView(i.code)),
        }))
        .filter((sub) => sub.items.length > 0),
    }))
    .filter((i) => i.subIndicators.length > 0);

  return {
    agency: { id: agency.id, code: agency.code, nameTh: agency.nameTh, type: agency.type },
    year,
    review: presentReview(review, status, people),
    stages,
    current: currentStage(stages, status, counts.undecided),
    counts,
    scoresVisible: visible,
    oitScore: visible ? oitScoreFor(ctx, scores) : null,
    indicators,
    can: {
      submit: assesses && status === 'approved' && open('oit_scoring'),
      confirm: assesses && status === 'assessed' && counts.undecided === 0 && open('confirmation'),
      reopen: can(viewer, 'oit.reopen', ref.agency) && status === 'confirmed',
    },
  };
}

/** The stage of the agency's next step (see oitStageOf), with its window. */
export function currentStage(
  stages: readonly StageInfo[],
  status: OitReviewStatus,
  undecided: number,
): StageInfo | null {
  const clarification = stages.find((s) => s.code === 'clarification');
  const clarificationOver = !clarification || clarification.phase === 'ended';
  const code = oitStageOf(status, { undecided, clarificationOver });
  return stages.find((s) => s.code === code) ?? null;
}

/** What a write on one item answers with, as the viewer may see it. */
export async function itemResult(deps: Deps, ctx: OitYear, code: string): Promise<ItemResult> {
  const db = deps.db;
  const answers = await selectAnswers(db, ctx.key);
  const scores = await selectScores(db, ctx.key);
  const clarification = (await selectClarifications(db, ctx.key)).find((c) => c.itemCode === code);
  const visible = scoresVisibleTo(ctx.actor, statusOf(ctx, answers));
  const score = scores.find((s) => s.itemCode === code);
  const people = peopleOf(
    await peopleByIds(db, [score?.assessorId, clarification?.filedBy, clarification?.decidedBy]),
  );
  const answer = answers.find((a) => a.itemCode === code);
  return {
    code,
    state: presentAnswer(answer)?.state ?? 'draft',
    score: visible && score ? presentScore(score, people) : null,
    clarification: visible && clarification ? presentClarification(clarification, people) : null,
    oitScore: visible ? oitScoreFor(ctx, scores) : null,
  };
}
