// What every OIT assessment use case starts from: the agency and who assesses it this year (for the
// authorization rules), then — once authorized — the year's framework, the items that apply to the agency,
// the calendar stages with the agency's extensions, and the windows a write must fall in.
import type { Actor, OitRef } from '../../core/authz.ts';
import type { Framework, OitItem } from '../../core/framework/schema.ts';
import { applicableOitItems, type OitScore, oitScoreOf } from '../../core/oit/score.ts';
import { OIT_STAGES, type OitStageCode } from '../../core/oit/stage.ts';
import type { DbOrTx } from '../../db/client.ts';
import type { AgencyType } from '../../shared/agency-types.ts';
import { agencyRef, loadAgencyFor } from '../agencies/index.ts';
import { collectionWindow } from '../calendar/index.ts';
import { frameworkForYear } from '../frameworks/index.ts';
import * as errors from './oit-assessment.errors.ts';
import { assessorsFor, participationExists, type ScoreRow } from './oit-assessment.repo.ts';
import type { StageInfo } from './oit-assessment.schema.ts';

export type AgencyRow = Awaited<ReturnType<typeof loadAgencyFor>>;

/** The agency and its OIT reference (agency + this year's assessors): enough to authorize. */
export async function oitRefOf(db: DbOrTx, actor: Actor | null, agencyId: string, year: number) {
  const agency = await loadAgencyFor(db, actor, agencyId);
  const ref: OitRef = {
    agency: agencyRef(agency),
    assessorsThisYear: await assessorsFor(db, agencyId, year),
  };
  return { agency, ref };
}

export interface AgencyYear {
  agency: AgencyRow;
  year: number;
  framework: Framework;
  /** The framework's OIT items that apply to the agency's type, in framework order. */
  items: OitItem[];
}

/** After authorization: the framework of the year (404 without one) and the open cycle (409 without). */
export async function agencyYearOf(db: DbOrTx, agency: AgencyRow, year: number): Promise<AgencyYear> {
  const { framework } = await frameworkForYear(db, year);
  if (!(await participationExists(db, agency.id, year))) throw errors.cycleNotOpen(year);
  return { agency, year, framework, items: applicableOitItems(framework, agency.type as AgencyType) };
}

export function itemOf(ctx: AgencyYear, code: string): OitItem {
  const item = ctx.items.find((i) => i.code === code);
  if (!item) throw errors.itemNotFound(code);
  return item;
}

export function oitScoreFor(ctx: AgencyYear, scores: readonly ScoreRow[]): OitScore | null {
  return oitScoreOf(
    ctx.framework,
    ctx.agency.type as AgencyType,
    Object.fromEntries(scores.map((s) => [s.itemCode, s.score])),
  );
}

/** The OIT stages the framework lists, each with the agency's window (extensions applied). */
export async function oitStagesOf(db: DbOrTx, ctx: AgencyYear, now: Date): Promise<StageInfo[]> {
  const stages: StageInfo[] = [];
  for (const code of OIT_STAGES) {
    const stage = ctx.framework.calendar.find((s) => s.code === code);
    if (!stage) continue;
    const w = await collectionWindow(db, { agencyId: ctx.agency.id, year: ctx.year, stage: code }, now);
    if (w.opensOn === null) continue;
    stages.push({
      code,
      name: stage.name,
      opensOn: w.opensOn,
      closesOn: w.closesOn,
      open: w.open,
      extended: w.extended,
    });
  }
  return stages;
}

const WHAT: Record<OitStageCode, { th: string; en: string }> = {
  oit_answering: { th: 'ตอบและอนุมัติแบบวัด OIT', en: 'answer and approve the OIT' },
  oit_scoring: { th: 'ให้คะแนนและส่งผลการตรวจ OIT', en: 'score and submit the OIT assessment' },
  clarification: { th: 'ยื่นคำชี้แจง', en: 'file a clarification' },
  confirmation: { th: 'พิจารณาคำชี้แจงและยืนยันผล', en: 'decide clarifications and confirm the result' },
};

/** 409 naming the stage's dates unless the stage is open for the agency now. */
export async function requireStageOpen(db: DbOrTx, ctx: AgencyYear, code: OitStageCode, now: Date) {
  const w = await collectionWindow(db, { agencyId: ctx.agency.id, year: ctx.year, stage: code }, now);
  if (w.open) return;
  const stage = ctx.framework.calendar.find((s) => s.code === code);
  throw errors.windowClosed(stage?.name ?? { th: code, en: code }, w, WHAT[code]);
}
