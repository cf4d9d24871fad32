// EIT part 2 (sample, interviews, review): admins on both sides; the assessor assigned to the agency for the
// year in scope only; every other role denied. The cases use FY2567 (the assessor is assigned A for it in
// setup, beside the spare assessor who plays the interviewer), so that the samples drawn here never get in
// the way of other modules working on the world's year.
import type { Actor } from '../../src/core/authz.ts';
import {
  eit2Interviews,
  eitContacts,
  participations,
  stageExtensions,
  stakeholderData,
} from '../../src/db/schema/index.ts';
import { loadBundledFrameworks } from '../../src/modules/frameworks/index.ts';
import { drawAgencySample } from '../../src/modules/interviews/sample.service.ts';
import { assign } from '../helpers/factories.ts';
import { allow, both, type CaseWorld, inScopeOnly, type MatrixCase } from './cases.ts';
import type { World } from './world.ts';

const YEAR = 2567;

interface InterviewsFixture {
  /** Per agency: the selected contacts of its sample, handed out one per interview-entry request. */
  selected: Record<string, string[]>;
  contacts: Record<string, string[]>;
}
const fixture = (w: World) => w.extra.interviews as InterviewsFixture;

export async function setup(w: World) {
  await loadBundledFrameworks(w.db);
  await assign(w.db, w.actors.assessor.id, w.A.agency.id, YEAR);
  const admin: Actor = {
    userId: w.actors.admin.id,
    username: w.actors.admin.username,
    role: 'admin',
    agencyId: null,
    scope: { provinces: [], ministries: [], agencies: [] },
    assignedAgencies: [],
  };
  const f: InterviewsFixture = { selected: {}, contacts: {} };
  for (const [n, side] of [w.A, w.B].entries()) {
    const agencyId = side.agency.id;
    await assign(w.db, w.spare.assessor.id, agencyId, YEAR);
    await w.db.insert(participations).values({ agencyId, year: YEAR }).onConflictDoNothing();
    await w.db
      .insert(stakeholderData)
      .values({ agencyId, year: YEAR, eitPopulation: 100 })
      .onConflictDoNothing();
    const rows = await w.db
      .insert(eitContacts)
      .values(
        Array.from({ length: 60 }, (_, i) => ({
          agencyId,
          year: YEAR,
          name: `ผู้รับบริการสมมติ ${n}-${i}`,
          phone: `+66891${n}${String(i).padStart(5, '0')}`,
          relation: 'ผู้รับบริการ',
        })),
      )
      .returning({ id: eitContacts.id });
    f.contacts[agencyId] = rows.map((r) => r.id);
    // FY2567's EIT collection ended in 2024: extended past both the matrix clock and today, since
    // interviews and the sample belong to that stage (src/core/calendar.ts).
    await w.db
      .insert(stageExtensions)
      .values({ agencyId, year: YEAR, stage: 'eit_collection', endsOn: '2030-12-31', reason: 'matrix' })
      .onConflictDoNothing();
    const view = await drawAgencySample({ db: w.db, now: () => new Date() }, admin, agencyId, YEAR, {});
    f.selected[agencyId] = view.sample?.contacts.filter((c) => c.role === 'selected').map((c) => c.id) ?? [];
  }
  w.extra.interviews = f;
}

const collectors = () => allow({ admin: both, assessor: inScopeOnly });

/** A fresh interview of the target agency entered by the spare assessor, for a review to act on. */
async function enteredInterview(w: CaseWorld): Promise<string> {
  const agencyId = w.target.agency.id;
  const ended = new Date();
  const [row] = await w.db
    .insert(eit2Interviews)
    .values({
      agencyId,
      year: YEAR,
      contactId: fixture(w).contacts[agencyId]?.[59] as string,
      interviewerId: w.spare.assessor.id,
      outcome: 'refused',
      startedAt: new Date(ended.getTime() - 60_000),
      endedAt: ended,
    })
    .returning({ id: eit2Interviews.id });
  return row?.id as string;
}

export const cases: MatrixCase[] = [
  {
    name: 'POST /api/agencies/:id/eit2/:year/sample',
    method: 'POST',
    // Already drawn in setup: allowed roles get 409 (after authorization), nothing changes.
    url: (w) => `/api/agencies/${w.target.agency.id}/eit2/${YEAR}/sample`,
    body: () => ({}),
    expect: collectors(),
  },
  {
    name: 'GET /api/agencies/:id/eit2/:year/sample',
    method: 'GET',
    url: (w) => `/api/agencies/${w.target.agency.id}/eit2/${YEAR}/sample`,
    expect: collectors(),
  },
  {
    name: 'GET /api/agencies/:id/eit2/:year/sample/verify',
    method: 'GET',
    url: (w) => `/api/agencies/${w.target.agency.id}/eit2/${YEAR}/sample/verify`,
    expect: collectors(),
  },
  {
    name: 'GET /api/interviews/:id/:year/questionnaire',
    method: 'GET',
    url: (w) => `/api/interviews/${w.target.agency.id}/${YEAR}/questionnaire`,
    expect: collectors(),
  },
  {
    name: 'POST /api/agencies/:id/eit2/:year/interviews',
    method: 'POST',
    url: (w) => {
      // Each request gets a selected contact nobody has called yet.
      w.vars.contactId = fixture(w).selected[w.target.agency.id]?.shift();
      return `/api/agencies/${w.target.agency.id}/eit2/${YEAR}/interviews`;
    },
    body: (w) => {
      const ended = new Date();
      return {
        contactId: w.vars.contactId,
        outcome: 'unreachable',
        startedAt: new Date(ended.getTime() - 120_000).toISOString(),
        endedAt: ended.toISOString(),
        paradata: { questionDurations: {} },
      };
    },
    expect: collectors(),
  },
  {
    name: 'GET /api/agencies/:id/eit2/:year/interviews',
    method: 'GET',
    url: (w) => `/api/agencies/${w.target.agency.id}/eit2/${YEAR}/interviews?status=entered`,
    expect: collectors(),
  },
  {
    name: 'POST /api/interviews/:id/approve',
    method: 'POST',
    url: async (w) => `/api/interviews/${await enteredInterview(w)}/approve`,
    body: () => ({}),
    expect: collectors(),
  },
  {
    name: 'POST /api/interviews/:id/reject',
    method: 'POST',
    url: async (w) => `/api/interviews/${await enteredInterview(w)}/reject`,
    body: () => ({ reason: 'ตรวจสอบสิทธิ์' }),
    expect: collectors(),
  },
];
