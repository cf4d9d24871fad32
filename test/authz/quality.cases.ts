// Response quality: flags for the agency's assessor, admins and (agency level only) supervisors; decisions
// for the agency's assessor and admins; breakdowns (small groups hidden) for anyone with the agency in scope.
// Setup loads the bundled frameworks and gives A and B a participation and a few responses each.
import { participations, responseReviews } from '../../src/db/schema/index.ts';
import {
  addResponses,
  answerSheet,
  loadFramework,
  YEAR,
} from '../../src/modules/quality/quality.fixture.testing.ts';
import { allow, both, type CaseWorld, inScopeOnly, type MatrixCase } from './cases.ts';
import type { World } from './world.ts';

interface QualityFixture {
  version: number;
  answers: Record<string, unknown>;
  responses: Record<string, string[]>;
}
const fixture = (w: World) => w.extra.quality as QualityFixture;

export async function setup(w: World) {
  const { framework, version } = await loadFramework(w.db);
  const answers = answerSheet(framework, 'IIT', 'sao', (i, n) => i % n);
  const responses: Record<string, string[]> = {};
  for (const side of [w.A, w.B]) {
    const agencyId = side.agency.id;
    await w.db
      .insert(participations)
      .values({ agencyId, year: YEAR, registered: true, registeredAt: new Date() })
      .onConflictDoNothing();
    responses[agencyId] = await addResponses(w.db, agencyId, version, [{ answers }, { answers }]);
  }
  w.extra.quality = { version, answers, responses } satisfies QualityFixture;
}

const responseOf = (w: CaseWorld) => fixture(w).responses[w.target.agency.id]?.[0] as string;

/** A fresh response of the target agency with an exclusion on it, so every DELETE has something to undo. */
async function reviewedResponse(w: CaseWorld): Promise<string> {
  const f = fixture(w);
  const [id] = await addResponses(w.db, w.target.agency.id, f.version, [{ answers: f.answers }]);
  await w.db
    .insert(responseReviews)
    .values({ responseId: id as string, decision: 'exclude', reason: 'matrix' });
  return id as string;
}

export const cases: MatrixCase[] = [
  {
    name: 'GET /api/agencies/:id/quality/:year',
    method: 'GET',
    url: (w) => `/api/agencies/${w.target.agency.id}/quality/${YEAR}`,
    expect: allow({ admin: both, assessor: inScopeOnly, supervisor: inScopeOnly }),
  },
  {
    name: 'PUT /api/responses/:id/review',
    method: 'PUT',
    url: (w) => `/api/responses/${responseOf(w)}/review`,
    body: () => ({ decision: 'keep' }),
    expect: allow({ admin: both, assessor: inScopeOnly }),
  },
  {
    // The target agency's own responses: a denied role is refused before the list is looked at, and the
    // allowed ones decide (all of them of the agency in the URL).
    name: 'POST /api/agencies/:id/quality/:year/reviews',
    method: 'POST',
    url: (w) => `/api/agencies/${w.target.agency.id}/quality/${YEAR}/reviews`,
    body: (w) => ({ responseIds: fixture(w).responses[w.target.agency.id], decision: 'keep' }),
    expect: allow({ admin: both, assessor: inScopeOnly }),
  },
  {
    name: 'DELETE /api/responses/:id/review',
    method: 'DELETE',
    url: async (w) => `/api/responses/${await reviewedResponse(w)}/review`,
    expect: allow({ admin: both, assessor: inScopeOnly }),
  },
  {
    name: 'GET /api/agencies/:id/breakdown/:year',
    method: 'GET',
    url: (w) => `/api/agencies/${w.target.agency.id}/breakdown/${YEAR}?by=day`,
    expect: allow({
      admin: both,
      assessor: inScopeOnly,
      supervisor: inScopeOnly,
      agency_admin: inScopeOnly,
      executive: inScopeOnly,
    }),
  },
];
