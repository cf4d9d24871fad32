// Participation per fiscal year: opening a cycle for agencies, registering, and counts within scope.
import type { AppDeps } from '../../app/context.ts';
import { type Actor, authorize, can } from '../../core/authz.ts';
import { conflict, forbidden, invalid } from '../../core/errors.ts';
import { appendAudit } from '../audit/index.ts';
import { frameworkLoaded } from '../frameworks/index.ts';
import { cycleClosed, registrationClosed, unknownMinistry, unknownProvince } from './agencies.errors.ts';
import { presentParticipation } from './agencies.present.ts';
import { ministryExists, provinceExists, selectParticipations } from './agencies.repo.ts';
import { agencyScopeCondition } from './agencies.scope.ts';
import { authorizedAgency } from './agency-year.ts';
import {
  cycleCounts,
  openCycle,
  openFilterCondition,
  selectParticipation,
  updateRegistration,
} from './participations.repo.ts';
import type { OpenCycleFilter } from './participations.schema.ts';

type Deps = Pick<AppDeps, 'db' | 'now' | 'agencyStage' | 'yearClosedAt'>;

/** The framework calendar's stage an agency registers in. */
const REGISTER_STAGE = 'register';

export const frameworkMissing = (year: number) =>
  invalid(
    'framework_not_loaded',
    `ยังไม่มีกรอบการประเมินของปีงบประมาณ ${year} ในระบบ กรุณานำเข้ากรอบการประเมินก่อนเปิดรอบการประเมิน`,
    `No framework is loaded for fiscal year ${year}; import the framework before opening the cycle`,
  );

export async function listParticipations(deps: Deps, actor: Actor | null, agencyId: string) {
  await authorizedAgency(deps.db, actor, agencyId, ({ actor, ref }) =>
    authorize(actor, 'participation.read', ref),
  );
  return (await selectParticipations(deps.db, agencyId)).map(presentParticipation);
}

/**
 * Registers (or, admins only, withdraws) an agency for a year whose cycle is open for it. The stage rule
 * (src/core/calendar.ts, through the calendar module): nothing changes once NACC closed the year; an agency's
 * own admin registers only while the year's `register` stage is open for it (its extension included); a NACC
 * admin, who runs the cycle, may register or withdraw an agency at any time before the year is closed (late
 * registrations agreed with NACC).
 */
export async function setRegistration(
  deps: Deps,
  actor: Actor | null,
  agencyId: string,
  year: number,
  registered: boolean,
) {
  const { ref } = await authorizedAgency(deps.db, actor, agencyId, ({ actor, ref }) =>
    authorize(actor, 'participation.register', ref),
  );
  if (!registered && !can(actor, 'participation.withdraw', ref)) {
    throw forbidden(
      'withdraw_admin_only',
      'การยกเลิกการลงทะเบียนทำได้โดยสำนักงาน ป.ป.ช. เท่านั้น',
      'Only NACC administrators can withdraw a registration',
    );
  }
  const current = await selectParticipation(deps.db, agencyId, year);
  if (!current) {
    throw conflict(
      'cycle_not_open',
      `ยังไม่ได้เปิดรอบการประเมินปีงบประมาณ ${year} ให้หน่วยงานนี้ จึงยังลงทะเบียนไม่ได้`,
      `The fiscal year ${year} cycle is not open for this agency, so it cannot register yet`,
    );
  }
  const now = deps.now();
  const w = await deps.agencyStage(deps.db, { agencyId, year, stage: REGISTER_STAGE }, now);
  if (w.closed) throw cycleClosed(year);
  if (registered && !current.registered && !w.open && !can(actor, 'cycle.open', null))
    throw registrationClosed(year, w);
  const row = await deps.db.transaction(async (tx) => {
    const updated = await updateRegistration(tx, agencyId, year, {
      registered,
      // Registering again keeps the original time; withdrawing clears it.
      registeredAt: registered ? (current.registeredAt ?? now) : null,
    });
    if (updated.registered !== current.registered) {
      await appendAudit(
        tx,
        {
          actor,
          agencyId,
          entityType: 'participation',
          entityId: `${agencyId}:${year}`,
          action: registered ? 'register' : 'withdraw',
          before: current,
          after: updated,
        },
        now,
      );
    }
    return updated;
  });
  return presentParticipation(row);
}

export async function openCycleFor(deps: Deps, actor: Actor | null, year: number, filter?: OpenCycleFilter) {
  authorize(actor, 'cycle.open', null);
  if (!(await frameworkLoaded(deps.db, year))) throw frameworkMissing(year);
  const closedAt = await deps.yearClosedAt(deps.db, year);
  if (closedAt && closedAt <= deps.now()) throw cycleClosed(year);
  if (filter?.provinceCode && !(await provinceExists(deps.db, filter.provinceCode)))
    throw unknownProvince(filter.provinceCode);
  if (filter?.ministryCode && !(await ministryExists(deps.db, filter.ministryCode)))
    throw unknownMinistry(filter.ministryCode);
  const now = deps.now();
  const { matched, opened } = await deps.db.transaction(async (tx) => {
    const counts = await openCycle(tx, year, openFilterCondition(filter), now);
    await appendAudit(
      tx,
      {
        actor,
        entityType: 'cycle',
        entityId: String(year),
        action: 'open',
        after: { filter: filter ?? {}, ...counts },
      },
      now,
    );
    return counts;
  });
  return { opened, alreadyOpen: matched - opened };
}

export async function cycleSummary(deps: Deps, actor: Actor | null, year: number) {
  authorize(actor, 'cycle.read', null);
  const counts = await cycleCounts(deps.db, year, agencyScopeCondition(actor));
  return {
    year,
    frameworkLoaded: await frameworkLoaded(deps.db, year),
    ...counts,
    notRegistered: counts.open - counts.registered,
  };
}
