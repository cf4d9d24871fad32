// One code, not unlimited responses (issue 8, §3): the IIT of an agency takes at most its approved
// population, exactly, even under parallel submits; when full it says so kindly, and the agency admin and
// the agency's assessors are told once.
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestApp } from '../../../test/helpers/app.ts';
import { assign, makeUser } from '../../../test/helpers/factories.ts';
import { auditLog } from '../../db/schema/index.ts';
import { receivedCount } from '../responses/index.ts';
import { answersFor, CODE, collectingAgency, respondWorld, YEAR } from './respond.fixture.testing.ts';

describe('the IIT capped at the approved population', () => {
  let t: TestApp;
  let ip = 0;
  const send = (method: 'GET' | 'POST', url: string, payload?: object) =>
    t.app.inject({
      method,
      url,
      ...(payload ? { payload } : {}),
      remoteAddress: `10.31.${Math.floor(++ip / 250)}.${(ip % 250) + 1}`,
    });

  beforeAll(async () => {
    t = await respondWorld();
  });
  afterAll(() => t.close());

  async function submission(agencyId: string) {
    const page = (await send('GET', `/api/respond/${agencyId}/IIT`)).json();
    const grant = (await send('POST', `/api/respond/${agencyId}/IIT/access`, { accessCode: CODE })).json()
      .grant;
    return () =>
      send('POST', `/api/respond/${agencyId}/IIT/submit`, {
        grant,
        submissionId: crypto.randomUUID(),
        answers: answersFor(page),
        durationSeconds: 300,
      });
  }

  it('accepts exactly the population from parallel submits, refuses the rest kindly, and tells those responsible once', async () => {
    const population = 7;
    const agency = await collectingAgency(t, { population });
    const admin = await makeUser(t.deps.db, {
      role: 'agency_admin',
      agencyId: agency.id,
      email: 'admin@agency.test',
    });
    const assessor = await makeUser(t.deps.db, { role: 'assessor', email: 'assessor@nacc.test' });
    await assign(t.deps.db, assessor.id, agency.id, YEAR);
    const elsewhere = await collectingAgency(t);
    await makeUser(t.deps.db, { role: 'agency_admin', agencyId: elsewhere.id, email: 'other@agency.test' });

    const submit = await submission(agency.id);
    const results = await Promise.all(Array.from({ length: 20 }, () => submit()));
    const codes = results.map((r) => (r.statusCode === 200 ? r.json().status : r.json().error.code));
    expect(codes.filter((c) => c === 'recorded')).toHaveLength(population);
    expect(codes.filter((c) => c === 'survey_full')).toHaveLength(20 - population);
    expect(await receivedCount(t.deps.db, agency.id, YEAR, 'IIT')).toBe(population);

    const refused = results.find((r) => r.statusCode === 409)?.json().error;
    expect(refused.th).toContain('ขอบคุณ');
    expect(refused.en).toContain('Thank you');

    // Told once: the admin of this agency and its assessor, nobody else; one audit entry.
    expect(t.outbox.map((m) => m.to).sort()).toEqual([admin.email, assessor.email].sort());
    expect(t.outbox[0]?.subject).toContain(agency.nameTh);
    expect(t.outbox[0]?.text).toContain(String(population));
    const entries = await t.deps.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.entityType, 'iit_collection'), eq(auditLog.agencyId, agency.id)));
    expect(entries.map((e) => e.action)).toEqual(['population_reached']);

    // The page says so before anyone answers, and the access step refuses with the same kind words.
    expect((await send('GET', `/api/respond/${agency.id}/IIT`)).json().intake).toBe('full');
    const access = await send('POST', `/api/respond/${agency.id}/IIT/access`, { accessCode: CODE });
    expect(access.statusCode).toBe(409);
    expect(access.json().error.code).toBe('survey_full');
    expect(t.outbox).toHaveLength(2);
  });

  it('thanks the respondent who fills the survey even when the notice cannot be sent, and tells later', async () => {
    const agency = await collectingAgency(t, { population: 1 });
    const admin = await makeUser(t.deps.db, {
      role: 'agency_admin',
      agencyId: agency.id,
      email: 'late@agency.test',
    });
    const send = t.deps.mailer.send;
    t.deps.mailer.send = async () => {
      throw new Error('mail server down');
    };
    const submit = await submission(agency.id);
    try {
      expect((await submit()).json()).toEqual({ status: 'recorded' });
    } finally {
      t.deps.mailer.send = send;
    }
    expect(t.outbox.filter((m) => m.to === admin.email)).toEqual([]);
    expect((await submit()).json().error.code).toBe('survey_full');
    expect(t.outbox.filter((m) => m.to === admin.email)).toHaveLength(1);
  });

  it('does not open the IIT before the executive approved a population', async () => {
    const agency = await collectingAgency(t, { population: null });
    expect((await send('GET', `/api/respond/${agency.id}/IIT`)).json().intake).toBe('awaiting_population');
    const access = await send('POST', `/api/respond/${agency.id}/IIT/access`, { accessCode: CODE });
    expect(access.statusCode).toBe(409);
    expect(access.json().error).toMatchObject({
      code: 'iit_population_not_approved',
      th: expect.stringContaining('อนุมัติ'),
      en: expect.stringContaining('approved'),
    });
    expect((await send('GET', `/api/respond/${agency.id}/EIT1`)).json().intake).toBe('open');
  });
});
