// The first steps of every OIT use case of the agency side: load the agency, authorize, check that it takes
// part in the year, and load the year's framework with the items that apply to the agency's type. Writes
// also need the oit_answering stage to be open for the agency.
import { type Actor, authorize } from '../../core/authz.ts';
import { bangkokToday } from '../../core/calendar.ts';
import { applicableOitItems } from '../../core/oit/readiness.ts';
import type { DbOrTx } from '../../db/client.ts';
import type { AgencyType } from '../../shared/agency-types.ts';
import { agencyRef, loadAgencyFor } from '../agencies/index.ts';
import { assertCycleOpen, collectionWindow } from '../calendar/index.ts';
import { frameworkForYear } from '../frameworks/index.ts';
import { answeringClosed, itemNotFound } from './oit.errors.ts';
import type { StageWindowView } from './oit.schema.ts';

export const ANSWERING_STAGE = 'oit_answering';
type OitAction = 'oit.read' | 'oit.answer' | 'oit.delegate' | 'oit.submit' | 'oit.approve';

export async function oitContext(
  db: DbOrTx,
  actor: Actor | null,
  agencyId: string,
  year: number,
  action: OitAction,
) {
  const agency = await loadAgencyFor(db, actor, agencyId);
  const ref = agencyRef(agency);
  authorize(actor, action, ref);
  await assertCycleOpen(db, agencyId, year);
  const { version, framework } = await frameworkForYear(db, year);
  const items = applicableOitItems(framework, agency.type as AgencyType);
  return { agency, ref, actor, framework, version, items, key: { agencyId, year } };
}

export type OitContext = Awaited<ReturnType<typeof oitContext>>;

export function itemOf(ctx: OitContext, code: string) {
  const item = ctx.items.find((i) => i.code === code);
  if (!item) throw itemNotFound(code);
  return item;
}

/** The oit_answering window of the agency (with any extension), and today in Bangkok. */
export async function answeringWindow(db: DbOrTx, agencyId: string, year: number, now: Date) {
  const { framework } = await frameworkForYear(db, year);
  const stage = framework.calendar.find((s) => s.code === ANSWERING_STAGE);
  const w = await collectionWindow(db, { agencyId, year, stage: ANSWERING_STAGE }, now);
  const view: StageWindowView = {
    code: ANSWERING_STAGE,
    name: stage ? stage.name : null,
    open: w.open,
    opensOn: w.opensOn,
    closesOn: w.closesOn,
    extended: w.extended,
    today: bangkokToday(now),
  };
  return view;
}

/** 409 naming the dates unless the oit_answering stage is open for the agency now. */
export async function assertAnsweringOpen(db: DbOrTx, agencyId: string, year: number, now: Date) {
  const w = await answeringWindow(db, agencyId, year, now);
  if (!w.open) throw answeringClosed(w, w.today);
  return w;
}
