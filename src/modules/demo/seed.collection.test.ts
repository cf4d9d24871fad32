import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/helpers/app.ts';
import { validateAnswers } from '../../core/surveys/index.ts';
import {
  agencies,
  eit2Interviews,
  eit2Samples,
  eitContacts,
  stageExtensions,
  stakeholderData,
  surveyAccess,
  surveyResponses,
  surveyTokens,
  users,
} from '../../db/schema/index.ts';
import { frameworkForYear, loadBundledFrameworks } from '../frameworks/index.ts';
import {
  DEMO_COLLECTION,
  DEMO_FLAGGED_AGENCY,
  DEMO_IIT_AGENCY,
  DEMO_IIT_CODE,
  DEMO_SILENT_AGENCY,
  DEMO_TOKENS_AGENCY,
} from './demo.collection.data.ts';
import { DEMO_PASSWORD } from './demo.data.ts';
import { seedDemo } from './seed.ts';

interface ProgressItem {
  agency: { id: string; code: string };
  instruments: { instrument: string; counted: number; minimum: number | null; reached: boolean }[];
  stakeholder: { status?: string } & Record<string, unknown>;
}

describe('demo seed: FY2568 collection in progress', () => {
  let t: TestApp;
  let banner: string[];
  const ids = new Map<string, string>();
  const tables = {
    stakeholderData,
    eitContacts,
    surveyAccess,
    surveyTokens,
    stageExtensions,
    surveyResponses,
    eit2Samples,
    eit2Interviews,
    users,
  };
  const counts = async () => {
    const out: Record<string, number> = {};
    for (const [name, table] of Object.entries(tables)) out[name] = await t.deps.db.$count(table);
    return out;
  };
  const admin = () => t.signIn('admin', DEMO_PASSWORD);

  beforeAll(async () => {
    t = await createTestApp();
    await loadBundledFrameworks(t.deps.db);
    banner = (await seedDemo(t.deps)).banner;
    for (const a of await t.deps.db.select({ id: agencies.id, code: agencies.code }).from(agencies))
      ids.set(a.code, a.id);
  });
  afterAll(() => t.close());

  it('is idempotent: a second and third run change no counts', async () => {
    const before = await counts();
    expect(before.surveyResponses).toBeGreaterThan(500);
    await seedDemo(t.deps);
    t.clock.advance(400 * 86_400_000); // a later start: the demo's extensions move forward, nothing is added
    await seedDemo(t.deps);
    t.clock.set(new Date('2025-03-01T03:00:00Z'));
    expect(await counts()).toEqual(before);
  });

  it('gives every registered demo agency stakeholder data and a contact list; one needs re-approval', async () => {
    const rows = await t.deps.db.select().from(stakeholderData).where(eq(stakeholderData.year, 2568));
    expect(rows).toHaveLength(DEMO_COLLECTION.length);
    for (const r of rows) {
      expect(r.iitPopulation).toBeGreaterThanOrEqual(15);
      expect(r.iitPopulation).toBeLessThanOrEqual(400);
      expect(r.eitPopulation).toBeGreaterThanOrEqual(30);
      expect(r.eitPopulation).toBeLessThanOrEqual(3000);
      const contacts = await t.deps.db.$count(eitContacts, eq(eitContacts.agencyId, r.agencyId));
      expect(contacts).toBeGreaterThanOrEqual(20);
    }
    expect(rows.filter((r) => r.approvedRevision === r.revision).length).toBeGreaterThan(rows.length / 2);
    expect(rows.filter((r) => r.approvedRevision !== null && r.approvedRevision < r.revision)).toHaveLength(
      1,
    );
    const phones = await t.deps.db.select({ phone: eitContacts.phone }).from(eitContacts);
    expect(phones.every((p) => p.phone?.startsWith('+668000'))).toBe(true);
  });

  it('shows agencies above and below their minimums, and one with almost no responses', async () => {
    const res = await (await admin()).get('/api/progress/2568?pageSize=100&sort=name');
    expect(res.statusCode).toBe(200);
    const items: ProgressItem[] = res.json().items;
    const of = (code: string, instrument: string) =>
      items.find((i) => i.agency.code === code)?.instruments.find((x) => x.instrument === instrument);
    const iit = items.map((i) => i.instruments.find((x) => x.instrument === 'IIT'));
    expect(iit.filter((x) => x?.reached).length).toBeGreaterThanOrEqual(3);
    expect(iit.filter((x) => x && !x.reached && x.counted > 0).length).toBeGreaterThanOrEqual(2);
    const eit1 = items.map((i) => i.instruments.find((x) => x.instrument === 'EIT1'));
    expect(eit1.filter((x) => x?.reached).length).toBeGreaterThanOrEqual(3);
    expect(eit1.filter((x) => x && !x.reached && x.counted > 0).length).toBeGreaterThanOrEqual(3);
    expect(
      (of(DEMO_SILENT_AGENCY, 'IIT')?.counted ?? 99) + (of(DEMO_SILENT_AGENCY, 'EIT1')?.counted ?? 99),
    ).toBeLessThanOrEqual(2);
    expect(of(DEMO_IIT_AGENCY, 'EIT1')?.reached).toBe(false);
  });

  it('records answers valid for each instrument and agency type, on several days within the window', async () => {
    const { framework } = await frameworkForYear(t.deps.db, 2568);
    const rows = await t.deps.db
      .select({ r: surveyResponses, type: agencies.type })
      .from(surveyResponses)
      .innerJoin(agencies, eq(agencies.id, surveyResponses.agencyId))
      .where(eq(surveyResponses.year, 2568));
    for (const { r, type } of rows) {
      expect(validateAnswers(framework, r.instrument, type, r.answers as Record<string, unknown>)).toEqual(
        [],
      );
      expect(r.submittedOn >= '2025-01-01' && r.submittedOn <= '2025-06-30').toBe(true);
    }
    expect(new Set(rows.map((x) => x.r.submittedOn)).size).toBeGreaterThan(20);
  });

  it('has EIT part-2 interviews in every state, approved ones recorded as responses', async () => {
    const rows = await t.deps.db.select().from(eit2Interviews).where(eq(eit2Interviews.year, 2568));
    const states = new Set(rows.map((r) => `${r.status}:${r.outcome}`));
    for (const s of [
      'entered:completed',
      'approved:completed',
      'rejected:completed',
      'approved:refused',
      'entered:unreachable',
    ])
      expect(states).toContain(s);
    expect(rows.filter((r) => r.status === 'rejected').every((r) => (r.reviewReason ?? '').length > 0)).toBe(
      true,
    );
    const approved = rows.filter((r) => r.status === 'approved' && r.outcome === 'completed').length;
    expect(
      await t.deps.db.$count(
        surveyResponses,
        and(eq(surveyResponses.instrument, 'EIT2'), eq(surveyResponses.year, 2568)),
      ),
    ).toBe(approved);
    // The second assessor may approve what the first entered (four eyes).
    const pao = ids.get(DEMO_IIT_AGENCY) ?? '';
    const list = await (await t.signIn('assessor2', DEMO_PASSWORD)).get(
      `/api/agencies/${pao}/eit2/2568/interviews?status=entered`,
    );
    expect(list.statusCode).toBe(200);
    const pending: { canReview: boolean }[] = list.json().items;
    expect(pending.length).toBeGreaterThan(0);
    expect(pending.every((i) => i.canReview)).toBe(true);
  });

  it('flags the agency with a burst of identical answers, speeders and straight-liners', async () => {
    const flagged = ids.get(DEMO_FLAGGED_AGENCY) ?? '';
    const report = (await (await admin()).get(`/api/agencies/${flagged}/quality/2568`)).json();
    const codes = report.agencyFlags.map((f: { code: string }) => f.code);
    expect(codes).toContain('identical_share');
    expect(codes).toContain('burst_day');
    const iit = report.instruments.find((i: { instrument: string }) => i.instrument === 'IIT');
    expect(iit.flagCounts).toMatchObject({
      speeder: expect.any(Number),
      straight_lining: expect.any(Number),
      duplicate_vector: expect.any(Number),
    });
    const other = ids.get('DEMO47-01') ?? '';
    const calm = (await (await admin()).get(`/api/agencies/${other}/quality/2568`)).json();
    expect(calm.agencyFlags).toEqual([]);
  });

  it('prints a respondent link and a code that opens the IIT; tokens are required at one agency', async () => {
    const pao = ids.get(DEMO_IIT_AGENCY) ?? '';
    const text = banner.join('\n');
    expect(text).toContain(`/respond/iit/${pao}`);
    expect(text).toContain(DEMO_IIT_CODE);
    expect(text).toContain('assessor2');
    const res = await t
      .anonymous()
      .post(`/api/respond/${pao}/IIT/access`, { accessCode: DEMO_IIT_CODE.toLowerCase() });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ grant: expect.any(String) });
    const tokensAgency = ids.get(DEMO_TOKENS_AGENCY) ?? '';
    const [access] = await t.deps.db
      .select()
      .from(surveyAccess)
      .where(and(eq(surveyAccess.agencyId, tokensAgency)));
    expect(access?.tokensRequired).toBe(true);
    expect(await t.deps.db.$count(surveyTokens, eq(surveyTokens.agencyId, tokensAgency))).toBeGreaterThan(0);
  });
});
