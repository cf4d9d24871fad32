// An agency ready for EIT part 2 in FY2568: framework loaded, participation, EIT population, a contact list,
// two assessors assigned (an interviewer and a supervising assessor) and an admin. Names are invented.
import { type Client, createTestApp, type TestApp } from '../../../test/helpers/app.ts';
import { assign, makeAgency, makeUser } from '../../../test/helpers/factories.ts';
import type { Questionnaire } from '../../core/surveys/index.ts';
import type { DbOrTx } from '../../db/client.ts';
import { eitContacts, participations, stakeholderData } from '../../db/schema/index.ts';
import { loadBundledFrameworks } from '../frameworks/index.ts';

export const YEAR = 2568;

export interface CollectionFixture {
  agencyId: string;
  contactIds: string[];
  interviewer: Client;
  supervisor: Client;
  admin: Client;
  interviewerId: string;
}

let serial = 0;

export async function makeContacts(db: DbOrTx, agencyId: string, count: number, year = YEAR) {
  if (count === 0) return [];
  const rows = await db
    .insert(eitContacts)
    .values(
      Array.from({ length: count }, (_, i) => {
        const n = ++serial;
        return {
          agencyId,
          year,
          name: `ผู้รับบริการทดสอบ ${n}`,
          phone: `+6680${String(n).padStart(7, '0')}`,
          email: i % 3 === 0 ? `contact${n}@example.test` : null,
          relation: i % 2 ? 'ประชาชนผู้มาติดต่อ' : 'ผู้ประกอบการ',
        };
      }),
    )
    .returning({ id: eitContacts.id });
  return rows.map((r) => r.id);
}

/** A fresh agency on the shared app; `opts` leave out prerequisites to test their absence. */
export async function collectionFixture(
  t: TestApp,
  opts: { contacts?: number; eitPopulation?: number | null } = {},
): Promise<CollectionFixture> {
  const db = t.deps.db;
  const agency = await makeAgency(db, { type: 'sao' });
  await db
    .insert(participations)
    .values({ agencyId: agency.id, year: YEAR, registered: true, registeredAt: new Date() });
  const eitPopulation = opts.eitPopulation === undefined ? 100 : opts.eitPopulation;
  if (eitPopulation !== null)
    await db.insert(stakeholderData).values({ agencyId: agency.id, year: YEAR, eitPopulation });
  const contactIds = await makeContacts(db, agency.id, opts.contacts ?? 45);
  const interviewer = await makeUser(db, { role: 'assessor' });
  const supervisor = await makeUser(db, { role: 'assessor' });
  await assign(db, interviewer.id, agency.id, YEAR);
  await assign(db, supervisor.id, agency.id, YEAR);
  const admin = await makeUser(db, { role: 'admin' });
  return {
    agencyId: agency.id,
    contactIds,
    interviewer: await t.signIn(interviewer.username),
    supervisor: await t.signIn(supervisor.username),
    admin: await t.signIn(admin.username),
    interviewerId: interviewer.id,
  };
}

export async function collectionApp(): Promise<TestApp> {
  const t = await createTestApp();
  await loadBundledFrameworks(t.deps.db);
  return t;
}

/** A complete, valid answer sheet: the first option of every question (and sub-item). */
export function validAnswers(q: Questionnaire): Record<string, unknown> {
  const answers: Record<string, unknown> = {};
  for (const question of q.groups.flatMap((g) => g.questions)) {
    const first = question.options[0]?.value as string;
    answers[question.code] =
      question.subItems.length === 0
        ? first
        : Object.fromEntries(question.subItems.map((s) => [s.code, first]));
  }
  return answers;
}

/** The body of an interview entry ending at the test clock's time. */
export function entry(
  t: TestApp,
  contactId: string,
  outcome: 'completed' | 'refused' | 'unreachable' | 'wrong_number',
  answers?: Record<string, unknown>,
) {
  const end = t.deps.now();
  return {
    contactId,
    outcome,
    startedAt: new Date(end.getTime() - 600_000).toISOString(),
    endedAt: end.toISOString(),
    paradata: { questionDurations: answers ? { e1: 20, e2: 31.5 } : {} },
    ...(answers ? { answers } : {}),
  };
}
