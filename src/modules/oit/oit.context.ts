// How every OIT use case on one agency-year starts, written once.
// Reads (`readOit`): resolve the agency and who assesses it this year → authorize → the agency-year (its
// participation, the year's framework and the items that apply to the agency's type).
// Writes (`withOitWrite`): the same, then one transaction that locks the agency-year's `oit_reviews` row
// first (created if missing) and then its `oit_answers` rows — the one lock order of every OIT write, agency
// and assessor side alike, so concurrent writes queue instead of deadlocking — refuses a confirmed result
// where the action may not touch one, and checks that the action's calendar stage is open for the agency.
import type { AppDeps } from '../../app/context.ts';
import { type Actor, authorize, type OitRef } from '../../core/authz.ts';
import { bangkokToday } from '../../core/calendar.ts';
import type { Framework, OitItem } from '../../core/framework/schema.ts';
import { applicableOitItems, type OitScore, oitScoreOf } from '../../core/oit/score.ts';
import { OIT_STAGES, type OitStageCode } from '../../core/oit/stage.ts';
import type { Tx } from '../../db/client.ts';
import { type AgencyRow, agencyYear } from '../agencies/index.ts';
import { collectionWindow, cycleClosed } from '../calendar/index.ts';
import { assessorsOfAgencies } from '../users/index.ts';
import type { StageInfo } from './assessment.schema.ts';
import { answeringClosed, confirmedLocked, itemNotFound, windowClosed } from './oit.errors.ts';
import {
  type AgencyYear,
  type AnswerRow,
  lockAnswers,
  lockReview,
  type ReviewRow,
  type ScoreRow,
} from './oit.repo.ts';
import type { StageWindowView } from './oit.schema.ts';
import { statusOf } from './oit.workflow.ts';

export type Deps = Pick<AppDeps, 'db' | 'now'>;

/** What a use case on one agency-year knows once the actor is authorized. */
export interface OitYear {
  actor: Actor;
  agency: AgencyRow;
  /** The agency and this year's assessors: the resource of every OIT rule. */
  ref: OitRef;
  key: AgencyYear;
  framework: Framework;
  frameworkVersion: number;
  /** The framework's OIT items that apply to the agency's type, in framework order. */
  items: OitItem[];
}

export type OitReadAction = 'oit.read';
export type OitWriteAction =
  | 'oit.answer'
  | 'oit.delegate'
  | 'oit.submit'
  | 'oit.approve'
  | 'oit.assess'
  | 'oit.clarify'
  | 'oit.reopen';

/**
 * Whether the action is refused once the result is confirmed (409 oit_confirmed, before the stage check):
 * the assessment's steps are; reopening needs a confirmed result; the agency's own steps are refused by the
 * items' states instead.
 */
const REFUSED_WHEN_CONFIRMED: Record<OitWriteAction, boolean> = {
  'oit.answer': false,
  'oit.delegate': false,
  'oit.submit': false,
  'oit.approve': false,
  'oit.assess': true,
  'oit.clarify': true,
  'oit.reopen': false,
};

/** The OIT rule of the action: assessing needs this year's assessors; every other rule, the agency alone. */
function authorizeOit(actor: Actor, action: OitReadAction | OitWriteAction, ref: OitRef) {
  if (action === 'oit.assess') authorize(actor, action, ref);
  else authorize(actor, action, ref.agency);
}

/**
 * Resolve → authorize → agency-year (the agencies module's agencyYear): 401, 404 agency, 403, 409 cycle not
 * open, 404 framework — before anything about the year's OIT is read.
 */
async function openOit(
  deps: Deps,
  actor: Actor | null,
  agencyId: string,
  year: number,
  action: OitReadAction | OitWriteAction,
): Promise<OitYear> {
  const ctx = await agencyYear(deps.db, actor, agencyId, year, async ({ actor, ref: agency }) => {
    const assessors = await assessorsOfAgencies(deps.db, [agencyId], year);
    const ref: OitRef = { agency, assessorsThisYear: assessors.map((a) => a.id) };
    authorizeOit(actor, action, ref);
    return ref;
  });
  return {
    actor: ctx.actor,
    agency: ctx.agency,
    ref: ctx.authorized,
    key: { agencyId, year },
    framework: ctx.framework,
    frameworkVersion: ctx.frameworkVersion,
    items: applicableOitItems(ctx.framework, ctx.agency.type),
  };
}

/** The agency-year as the actor may read it (401/404/403/409 as for writes). */
export function readOit(
  deps: Deps,
  actor: Actor | null,
  agencyId: string,
  year: number,
  action: OitReadAction,
) {
  return openOit(deps, actor, agencyId, year, action);
}

/** What a write sees inside its transaction: the locked review row and answer rows. */
export interface OitWrite extends OitYear {
  tx: Tx;
  now: Date;
  /** The review row as locked, before this write. */
  review: ReviewRow;
  /** Every answer row of the agency-year, locked, by item code. */
  answers: AnswerRow[];
}

export interface OitWriteSteps<C, T> {
  /** Checks that need no lock (the item exists, the body is valid), before the transaction. */
  check?: (ctx: OitYear) => C | Promise<C>;
  /** The change, inside the transaction, after the locks and the stage check. */
  write: (w: OitWrite, checked: C) => Promise<T>;
}

/**
 * Every OIT write goes through here: resolve → authorize → agency-year → checks → transaction → lock the
 * review row, then the answer rows → confirmed? → stage open? → write. Returns the context (for the answer
 * the route gives after the commit) and what the write returned.
 */
export async function withOitWrite<C, T>(
  deps: Deps,
  actor: Actor | null,
  agencyId: string,
  year: number,
  action: OitWriteAction,
  stage: OitStageCode | null,
  steps: OitWriteSteps<C, T>,
): Promise<{ ctx: OitYear; result: T }> {
  const ctx = await openOit(deps, actor, agencyId, year, action);
  const checked = (await steps.check?.(ctx)) as C;
  const now = deps.now();
  const result = await deps.db.transaction(async (tx) => {
    const review = await lockReview(tx, ctx.key);
    const answers = await lockAnswers(tx, ctx.key);
    if (REFUSED_WHEN_CONFIRMED[action] && statusOf(ctx, answers) === 'confirmed') throw confirmedLocked();
    if (stage) await assertStageOpen(tx, ctx, stage, now);
    return steps.write({ ...ctx, tx, now, review, answers }, checked);
  });
  return { ctx, result };
}

export function itemOf(ctx: OitYear, code: string): OitItem {
  const item = ctx.items.find((i) => i.code === code);
  if (!item) throw itemNotFound(code);
  return item;
}

export function oitScoreFor(ctx: OitYear, scores: readonly ScoreRow[]): OitScore | null {
  return oitScoreOf(
    ctx.framework,
    ctx.agency.type,
    Object.fromEntries(scores.map((s) => [s.itemCode, s.score])),
  );
}

// ── Stages ─────────────────────────────────────────────────────────────────────────────────────────────
const WHAT: Record<OitStageCode, { th: string; en: string }> = {
  oit_answering: { th: 'ตอบและอนุมัติแบบวัด OIT', en: 'answer and approve the OIT' },
  oit_scoring: { th: 'ให้คะแนนและส่งผลการตรวจ OIT', en: 'score and submit the OIT assessment' },
  clarification: { th: 'ยื่นคำชี้แจง', en: 'file a clarification' },
  confirmation: { th: 'พิจารณาคำชี้แจงและยืนยันผล', en: 'decide clarifications and confirm the result' },
};

/** 409 naming the stage's dates unless the stage is open for the agency now (extensions applied). */
async function assertStageOpen(db: Tx, ctx: OitYear, code: OitStageCode, now: Date) {
  const w = await collectionWindow(db, { ...ctx.key, stage: code }, now);
  if (w.open) return;
  // A closed year says so, on every write of every stage (the same error as the calendar's own writes).
  if (w.closed) throw cycleClosed(ctx.key.year);
  if (code === 'oit_answering') throw answeringClosed(w, bangkokToday(now));
  const stage = ctx.framework.calendar.find((s) => s.code === code);
  throw windowClosed(stage?.name ?? { th: code, en: code }, w, WHAT[code]);
}

/** The oit_answering window of the agency (with any extension), and today in Bangkok. */
export async function answeringWindow(deps: Deps, ctx: OitYear): Promise<StageWindowView> {
  const now = deps.now();
  const stage = ctx.framework.calendar.find((s) => s.code === 'oit_answering');
  const w = await collectionWindow(deps.db, { ...ctx.key, stage: 'oit_answering' }, now);
  return {
    code: 'oit_answering',
    name: stage ? stage.name : null,
    open: w.open,
    opensOn: w.opensOn,
    closesOn: w.closesOn,
    phase: w.phase,
    daysLeft: w.daysLeft,
    extended: w.extended,
    today: bangkokToday(now),
  };
}

/** The OIT stages the framework lists, each with the agency's window (extensions applied). */
export async function oitStagesOf(deps: Deps, ctx: OitYear): Promise<StageInfo[]> {
  const now = deps.now();
  const stages: StageInfo[] = [];
  for (const code of OIT_STAGES) {
    const stage = ctx.framework.calendar.find((s) => s.code === code);
    if (!stage) continue;
    const w = await collectionWindow(deps.db, { ...ctx.key, stage: code }, now);
    if (w.phase === null) continue;
    stages.push({
      code,
      name: stage.name,
      opensOn: w.opensOn,
      closesOn: w.closesOn,
      open: w.open,
      phase: w.phase,
      daysLeft: w.daysLeft,
      extended: w.extended,
    });
  }
  return stages;
}
