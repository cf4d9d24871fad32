// Stakeholder numbers per agency and year: entered by the agency admin, approved by the executive. Any change
// (numbers or contact list) raises the revision, so an earlier approval no longer holds.

import type { AppDeps } from '../../app/context.ts';
import { type Actor, assertFourEyes } from '../../core/authz.ts';
import { thaiDayOrDash } from '../../core/documents/thai-text.ts';
import { conflict } from '../../core/errors.ts';
import type { DbOrTx } from '../../db/client.ts';
import { allow, participatingAgency } from '../agencies/index.ts';
import { appendAudit } from '../audit/index.ts';
import { collectionWindow, cycleClosed } from '../calendar/index.ts';
import { frameworkForYear } from '../frameworks/index.ts';
import { sampleDrawn } from '../interviews/index.ts';
import { userNamesByIds } from '../users/index.ts';
import { presentStakeholder } from './stakeholders.present.ts';
import {
  contactCount,
  dropEmptyRow,
  lockStakeholder,
  selectStakeholder,
  writeApproval,
  writeRevision,
} from './stakeholders.repo.ts';
import type { StakeholderBody, StakeholderData } from './stakeholders.schema.ts';

type Deps = Pick<AppDeps, 'db' | 'now'>;

/** The framework if the year has one: stakeholder data can be entered before NACC loads it. */
async function frameworkIfLoaded(db: DbOrTx, year: number) {
  try {
    return (await frameworkForYear(db, year)).framework;
  } catch {
    return null;
  }
}

/**
 * Numbers and their approval are written within the year's stakeholder-data stage for the agency (the one
 * rule of src/core/calendar.ts, extensions included) — or before it opens, as they may be entered before NACC
 * loads the year's framework. Once the stage has ended they are what collection counts against: 409.
 */
export async function assertStakeholderWindow(db: DbOrTx, agencyId: string, year: number, now: Date) {
  if (!(await frameworkIfLoaded(db, year))) return;
  const w = await collectionWindow(db, { agencyId, year, stage: STAKEHOLDER_STAGE }, now);
  if (w.phase !== 'ended') return;
  if (w.closed) throw cycleClosed(year);
  throw conflict(
    'stakeholder_window_closed',
    `ช่วงนำเข้าข้อมูลผู้มีส่วนได้ส่วนเสียของหน่วยงานนี้สิ้นสุดแล้ว (วันสุดท้าย ${thaiDayOrDash(w.closesOn)}) จึงแก้ไขหรืออนุมัติจำนวนไม่ได้ หากจำเป็นให้ขอ ป.ป.ช. ขยายเวลา`,
    `The stakeholder-data stage has ended for this agency (last day ${w.closesOn}): the numbers can no longer be changed or approved; ask NACC for an extension if needed`,
    { stage: STAKEHOLDER_STAGE, closesOn: w.closesOn },
  );
}

const STAKEHOLDER_STAGE = 'stakeholder_data';

async function view(
  db: DbOrTx,
  agency: { id: string; peerGroup: string | null; sizeClass: string | null },
  year: number,
) {
  const [row, framework, n, drawn] = await Promise.all([
    selectStakeholder(db, agency.id, year),
    frameworkIfLoaded(db, year),
    contactCount(db, agency.id, year),
    sampleDrawn(db, agency.id, year),
  ]);
  const names = await userNamesByIds(db, row ? [row.updatedBy, row.approvedBy] : []);
  const nameOf = (id: string | null) => (id ? (names.get(id)?.displayName ?? null) : null);
  const named = row && {
    ...row,
    updatedByName: nameOf(row.updatedBy),
    approvedByName: nameOf(row.approvedBy),
  };
  return presentStakeholder({ agencyId: agency.id, year }, named, {
    framework,
    agency: { peerGroup: agency.peerGroup, sizeClass: agency.sizeClass },
    contactCount: n,
    sampleDrawn: drawn,
  });
}

export async function getStakeholders(
  deps: Deps,
  actor: Actor | null,
  agencyId: string,
  year: number,
): Promise<StakeholderData> {
  // Numbers can be entered before NACC loads the year's framework: no framework needed here.
  const { agency } = await participatingAgency(deps.db, actor, agencyId, year, allow('stakeholder.read'));
  return view(deps.db, agency, year);
}

export async function putStakeholders(
  deps: Deps,
  actor: Actor | null,
  agencyId: string,
  year: number,
  body: StakeholderBody,
): Promise<StakeholderData> {
  const { agency, actor: editor } = await participatingAgency(
    deps.db,
    actor,
    agencyId,
    year,
    allow('stakeholder.update'),
  );
  const now = deps.now();
  await assertStakeholderWindow(deps.db, agencyId, year, now);
  await deps.db.transaction(async (tx) => {
    const before = await lockStakeholder(tx, agencyId, year, editor.userId, now);
    if (before.iitPopulation === body.iitPopulation && before.eitPopulation === body.eitPopulation) {
      // Saving the same numbers again is not a change: the approval still holds.
      await dropEmptyRow(tx, agencyId, year);
      return;
    }
    const after = await writeRevision(tx, agencyId, year, { ...body, by: editor.userId, now });
    await appendAudit(
      tx,
      {
        actor,
        agencyId,
        entityType: 'stakeholder_data',
        entityId: `${agencyId}:${year}`,
        action: 'update',
        before: pick(before),
        after: pick(after),
      },
      now,
    );
  });
  return view(deps.db, agency, year);
}

export async function approveStakeholders(
  deps: Deps,
  actor: Actor | null,
  agencyId: string,
  year: number,
): Promise<StakeholderData> {
  const { agency, actor: approver } = await participatingAgency(
    deps.db,
    actor,
    agencyId,
    year,
    allow('stakeholder.approve'),
  );
  const now = deps.now();
  await assertStakeholderWindow(deps.db, agencyId, year, now);
  await deps.db.transaction(async (tx) => {
    const row = await lockStakeholder(tx, agencyId, year, approver.userId, now);
    if (row.revision === 0 || row.iitPopulation === null || row.eitPopulation === null)
      throw conflict(
        'stakeholder_incomplete',
        'ยังกรอกข้อมูลผู้มีส่วนได้ส่วนเสียไม่ครบ (จำนวนบุคลากรและจำนวนผู้รับบริการ) จึงยังอนุมัติไม่ได้',
        'The stakeholder data is incomplete (staff and service-user numbers), so there is nothing to approve yet',
      );
    if (row.approvedRevision === row.revision)
      throw conflict(
        'stakeholder_already_approved',
        'ข้อมูลฉบับนี้ได้รับอนุมัติแล้ว ไม่มีการเปลี่ยนแปลงที่ต้องอนุมัติ',
        'This revision is already approved; there is no change to approve',
      );
    // The account that entered these numbers cannot also approve them (an admin who did both included).
    assertFourEyes(approver, [row.updatedBy]);
    const after = await writeApproval(tx, agencyId, year, row.revision, approver.userId, now);
    await appendAudit(
      tx,
      {
        actor,
        agencyId,
        entityType: 'stakeholder_data',
        entityId: `${agencyId}:${year}`,
        action: 'approve',
        before: { approvedRevision: row.approvedRevision },
        after: { ...pick(row), approvedRevision: after?.approvedRevision },
      },
      now,
    );
  });
  return view(deps.db, agency, year);
}

const pick = (r: { iitPopulation: number | null; eitPopulation: number | null; revision: number }) => ({
  iitPopulation: r.iitPopulation,
  eitPopulation: r.eitPopulation,
  revision: r.revision,
});
