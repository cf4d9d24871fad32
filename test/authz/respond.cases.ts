// The public respondent API: no session, no CSRF token; everyone (anonymous too) is "allowed" — a valid
// access code or grant is the permission, checked after the request is accepted. Both sides target a real
// collecting agency (A or B), so an allowed answer is a 200, not a 404.
import { randomUUID } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import { buildQuestionnaire } from '../../src/core/surveys/index.ts';
import { participations, surveyAccess } from '../../src/db/schema/index.ts';
import { frameworkForYear, loadBundledFrameworks } from '../../src/modules/frameworks/index.ts';
import { issueGrant } from '../../src/modules/respond/index.ts';
import { everyone, type MatrixCase } from './cases.ts';
import type { World } from './world.ts';

const CODE = 'MATRIX23';

export async function setup(w: World) {
  await loadBundledFrameworks(w.db);
  for (const agencyId of [w.A.agency.id, w.B.agency.id]) {
    await w.db
      .insert(participations)
      .values({ agencyId, year: w.year, registered: true, registeredAt: new Date('2025-01-15T03:00:00Z') })
      .onConflictDoNothing();
    await w.db
      .insert(surveyAccess)
      .values({ agencyId, year: w.year, accessCode: CODE })
      .onConflictDoNothing();
  }
  const { framework } = await frameworkForYear(w.db, w.year);
  const answers: Record<string, Record<string, unknown>> = {};
  for (const instrument of ['IIT', 'EIT1']) {
    const sheet: Record<string, unknown> = {};
    // The factories make every agency a subdistrict administrative organisation.
    for (const q of buildQuestionnaire(framework, instrument, 'sao').groups.flatMap((g) => g.questions)) {
      const first = q.options[0]?.value as string;
      sheet[q.code] =
        q.subItems.length === 0 ? first : Object.fromEntries(q.subItems.map((s) => [s.code, first]));
    }
    answers[instrument] = sheet;
  }
  w.extra.respond = { answers };
}

/** The agency's current code (another case may have rotated it). */
async function currentCode(w: World, agencyId: string): Promise<string> {
  const [row] = await w.db
    .select({ code: surveyAccess.accessCode })
    .from(surveyAccess)
    .where(and(eq(surveyAccess.agencyId, agencyId), eq(surveyAccess.year, w.year)));
  return row?.code ?? CODE;
}

const answersOf = (w: World, instrument: string) =>
  (w.extra.respond as { answers: Record<string, Record<string, unknown>> }).answers[instrument];

export const cases: MatrixCase[] = [
  {
    name: 'GET /api/respond/agencies',
    method: 'GET',
    url: () => '/api/respond/agencies?q=AGENCY',
    expect: everyone(),
    contents: { unscoped: 'the public list respondents pick their agency from (names and codes only)' },
  },
  ...(['IIT', 'EIT1'] as const).map(
    (instrument): MatrixCase => ({
      name: `GET /api/respond/:agencyId/:instrument (${instrument})`,
      method: 'GET',
      url: (w) => `/api/respond/${w.target.agency.id}/${instrument}`,
      expect: everyone(),
    }),
  ),
  {
    name: 'POST /api/respond/:agencyId/IIT/access',
    method: 'POST',
    url: async (w) => {
      w.vars.code = await currentCode(w, w.target.agency.id);
      return `/api/respond/${w.target.agency.id}/IIT/access`;
    },
    body: (w) => ({ accessCode: w.vars.code }),
    expect: everyone(),
  },
  ...(['IIT', 'EIT1'] as const).map(
    (instrument): MatrixCase => ({
      name: `POST /api/respond/:agencyId/:instrument/submit (${instrument})`,
      method: 'POST',
      url: (w) => `/api/respond/${w.target.agency.id}/${instrument}/submit`,
      body: (w) => ({
        grant: issueGrant(
          w.t.deps.config,
          {
            agencyId: w.target.agency.id,
            year: w.year,
            instrument,
            ...(instrument === 'EIT1' ? { destinationHash: w.unique('destination') } : {}),
          },
          w.t.deps.now(),
        ).grant,
        submissionId: randomUUID(),
        answers: answersOf(w, instrument),
        durationSeconds: 300,
      }),
      expect: everyone(),
    }),
  ),
];
