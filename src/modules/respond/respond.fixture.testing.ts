// Shared set-up of the respondent API tests: an app with the bundled frameworks, an agency in the FY2568
// cycle with a known IIT access code, and a complete answer sheet built from the questionnaire.
import { and, eq } from 'drizzle-orm';
import { createTestApp, type TestApp } from '../../../test/helpers/app.ts';
import { makeAgency } from '../../../test/helpers/factories.ts';
import { participations, stakeholderData, surveyAccess } from '../../db/schema/index.ts';
import { loadBundledFrameworks } from '../frameworks/index.ts';

export const YEAR = 2568;
export const CODE = 'K7PX3MQA';
/** Inside FY2568's IIT and EIT windows (1 January – 30 June 2025). */
export const DURING = new Date('2025-03-01T03:00:00Z');

interface Question {
  code: string;
  options: { value: string }[];
  subItems: { code: string }[];
}

/** A complete, valid answer sheet: the first option everywhere. */
export function answersFor(page: { questionnaire: { groups: { questions: Question[] }[] } }) {
  const answers: Record<string, unknown> = {};
  for (const q of page.questionnaire.groups.flatMap((g) => g.questions)) {
    const first = q.options[0]?.value as string;
    answers[q.code] =
      q.subItems.length === 0 ? first : Object.fromEntries(q.subItems.map((s) => [s.code, first]));
  }
  return answers;
}

export async function respondWorld(): Promise<TestApp> {
  const t = await createTestApp();
  await loadBundledFrameworks(t.deps.db);
  return t;
}

/**
 * A fresh agency in the cycle, with the access code CODE (tokens optional) and an approved IIT population
 * (1,000 unless given; null: none approved, so the IIT does not open).
 */
export async function collectingAgency(
  t: TestApp,
  opts: { tokensRequired?: boolean; population?: number | null } = {},
) {
  const agency = await makeAgency(t.deps.db);
  await t.deps.db
    .insert(participations)
    .values({ agencyId: agency.id, year: YEAR, registered: true, registeredAt: DURING });
  await t.deps.db.insert(surveyAccess).values({
    agencyId: agency.id,
    year: YEAR,
    accessCode: CODE,
    tokensRequired: opts.tokensRequired ?? false,
  });
  const population = opts.population === undefined ? 1000 : opts.population;
  if (population !== null)
    await t.deps.db.insert(stakeholderData).values({
      agencyId: agency.id,
      year: YEAR,
      iitPopulation: population,
      approvedRevision: 1,
      approvedIitPopulation: population,
    });
  return agency;
}

export async function setTokensRequired(t: TestApp, agencyId: string, required: boolean) {
  await t.deps.db
    .update(surveyAccess)
    .set({ tokensRequired: required })
    .where(and(eq(surveyAccess.agencyId, agencyId), eq(surveyAccess.year, YEAR)));
}
