import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { TestApp } from '../../../test/helpers/app.ts';
import { heldResponses, surveyResponses } from '../../db/schema/index.ts';
import { releaseGroup } from '../responses/index.ts';
import { issueGrant } from './grant.ts';
import { answersFor, CODE, collectingAgency, DURING, respondWorld, YEAR } from './respond.fixture.testing.ts';
import { ACCESS_FAILURE_LIMITS } from './respond.limits.ts';

describe('respondent API', () => {
  let t: TestApp;
  let ip = 0;
  /** Each call from its own address unless told otherwise, so lock-outs stay within their test. */
  const send = (method: 'GET' | 'POST', url: string, payload?: object, from?: string) =>
    t.app.inject({
      method,
      url,
      ...(payload ? { payload } : {}),
      remoteAddress: from ?? `10.20.${Math.floor(++ip / 250)}.${(ip % 250) + 1}`,
    });
  /** Accepted answers of an agency: held (waiting for their release) and released. */
  const responsesOf = async (agencyId: string) => [
    ...(await t.deps.db.select().from(heldResponses).where(eq(heldResponses.agencyId, agencyId))),
    ...(await t.deps.db.select().from(surveyResponses).where(eq(surveyResponses.agencyId, agencyId))),
  ];

  beforeAll(async () => {
    t = await respondWorld();
  });
  beforeEach(() => t.clock.set(DURING));
  afterAll(() => t.close());

  async function grantFor(agencyId: string, token?: string) {
    const res = await send('POST', `/api/respond/${agencyId}/IIT/access`, {
      accessCode: CODE.toLowerCase(),
      ...(token ? { token } : {}),
    });
    expect(res.statusCode, res.body).toBe(200);
    return res.json().grant as string;
  }
  async function page(agencyId: string, instrument = 'IIT') {
    const res = await send('GET', `/api/respond/${agencyId}/${instrument}`);
    expect(res.statusCode, res.body).toBe(200);
    return res.json();
  }

  it('shows the questionnaire, the open window and whether a token is needed', async () => {
    const agency = await collectingAgency(t);
    const body = await page(agency.id);
    expect(body).toMatchObject({
      agency: { id: agency.id, nameTh: agency.nameTh },
      year: YEAR,
      instrument: 'IIT',
      window: { open: true, opensOn: '2025-01-01', closesOn: '2025-06-30' },
      requiresToken: false,
    });
    expect(body.questionnaire.groups.length).toBeGreaterThan(0);
    expect(JSON.stringify(body)).not.toContain(CODE);
  });

  it('records a submission once; the same submissionId again is "already_recorded"', async () => {
    const agency = await collectingAgency(t);
    const grant = await grantFor(agency.id);
    const submit = {
      grant,
      submissionId: crypto.randomUUID(),
      answers: answersFor(await page(agency.id)),
      durationSeconds: 300,
    };
    const first = await send('POST', `/api/respond/${agency.id}/IIT/submit`, submit);
    expect(first.json()).toEqual({ status: 'recorded' });
    const again = await send('POST', `/api/respond/${agency.id}/IIT/submit`, submit);
    expect(again.json()).toEqual({ status: 'already_recorded' });
    const rows = await responsesOf(agency.id);
    expect(rows).toHaveLength(1);
    // Held with a duration band (4–8 minutes), not the seconds; released later, in a batch of its own.
    expect(rows[0]).toMatchObject({ channel: 'web', instrument: 'IIT', durationBand: 4 });
    expect(rows[0]).not.toHaveProperty('submittedOn');
    await releaseGroup(t.deps, { agencyId: agency.id, year: YEAR, instrument: 'IIT' }, true);
    expect(await responsesOf(agency.id)).toEqual([
      expect.objectContaining({ instrument: 'IIT', durationBand: 4, submittedOn: '2025-03-01' }),
    ]);
  });

  it('refuses a wrong code with one generic message in Thai and English', async () => {
    const agency = await collectingAgency(t);
    const res = await send('POST', `/api/respond/${agency.id}/IIT/access`, { accessCode: 'WRONG234' });
    expect(res.statusCode).toBe(403);
    const { error } = res.json();
    expect(error.code).toBe('access_denied');
    expect(error.th).toMatch(/รหัส/);
    expect(error.en).toMatch(/not valid/);
  });

  it('locks an address out after repeated wrong codes, with the time to wait', async () => {
    const agency = await collectingAgency(t);
    const from = '10.66.0.1';
    for (let i = 0; i < ACCESS_FAILURE_LIMITS.client; i++) {
      const res = await send(
        'POST',
        `/api/respond/${agency.id}/IIT/access`,
        { accessCode: `WRONG${i}` },
        from,
      );
      expect(res.statusCode).toBe(403);
    }
    const locked = await send('POST', `/api/respond/${agency.id}/IIT/access`, { accessCode: CODE }, from);
    expect(locked.statusCode).toBe(429);
    expect(locked.json().error).toMatchObject({ code: 'too_many_attempts' });
    expect(locked.json().error.details.retryAfterSeconds).toBeGreaterThan(0);
    // Another address is not affected, and the first one may try again after the window.
    expect(
      (await send('POST', `/api/respond/${agency.id}/IIT/access`, { accessCode: CODE })).statusCode,
    ).toBe(200);
    t.clock.advance(15 * 60_000);
    expect(
      (await send('POST', `/api/respond/${agency.id}/IIT/access`, { accessCode: CODE }, from)).statusCode,
    ).toBe(200);
  });

  it('refuses a tampered, foreign or expired grant', async () => {
    const agency = await collectingAgency(t);
    const other = await collectingAgency(t);
    const answers = answersFor(await page(agency.id));
    const grant = await grantFor(agency.id);
    const submit = (g: string, agencyId = agency.id) =>
      send('POST', `/api/respond/${agencyId}/IIT/submit`, {
        grant: g,
        submissionId: crypto.randomUUID(),
        answers,
        durationSeconds: 200,
      });
    const [body, sig] = grant.split('.') as [string, string];
    const claims = JSON.parse(Buffer.from(body, 'base64url').toString());
    const forged = Buffer.from(JSON.stringify({ ...claims, a: other.id })).toString('base64url');
    expect((await submit(`${forged}.${sig}`, other.id)).json().error.code).toBe('grant_invalid');
    expect((await submit(grant, other.id)).json().error.code).toBe('grant_invalid');
    const expired = issueGrant(
      t.deps.config,
      { agencyId: agency.id, year: YEAR, instrument: 'IIT' },
      DURING,
      60,
    );
    t.clock.advance(61_000);
    const res = await submit(expired.grant);
    expect(res.statusCode).toBe(403);
    expect(res.json().error.code).toBe('grant_expired');
    expect(await responsesOf(agency.id)).toHaveLength(0);
  });

  it('says when collection closed, in Thai and English dates, and stores nothing', async () => {
    const agency = await collectingAgency(t);
    t.clock.set(new Date('2025-06-30T16:30:00Z')); // 23:30 on 30 June in Bangkok: the last half hour
    const grant = await grantFor(agency.id);
    const answers = answersFor(await page(agency.id));
    t.clock.advance(60 * 60_000); // answered past midnight
    expect((await page(agency.id)).window).toEqual({
      open: false,
      opensOn: '2025-01-01',
      closesOn: '2025-06-30',
    });
    const res = await send('POST', `/api/respond/${agency.id}/IIT/submit`, {
      grant,
      submissionId: crypto.randomUUID(),
      answers,
      durationSeconds: 200,
    });
    expect(res.statusCode).toBe(409);
    const { error } = res.json();
    expect(error.code).toBe('collection_closed');
    expect(error.th).toContain('30 มิถุนายน 2568');
    expect(error.en).toContain('30 June 2025');
    expect(
      (await send('POST', `/api/respond/${agency.id}/IIT/access`, { accessCode: CODE })).statusCode,
    ).toBe(409);
    expect(await responsesOf(agency.id)).toHaveLength(0);
  });

  it('lists every problem of an incomplete sheet and stores nothing', async () => {
    const agency = await collectingAgency(t);
    const answers = answersFor(await page(agency.id));
    const [firstCode] = Object.keys(answers) as [string];
    delete answers[firstCode];
    answers.NOPE = 'x';
    const res = await send('POST', `/api/respond/${agency.id}/IIT/submit`, {
      grant: await grantFor(agency.id),
      submissionId: crypto.randomUUID(),
      answers,
      durationSeconds: 200,
    });
    expect(res.statusCode).toBe(400);
    const { error } = res.json();
    expect(error.code).toBe('invalid_answers');
    expect(error.details.problems.map((p: { questionCode: string }) => p.questionCode)).toEqual([
      firstCode,
      'NOPE',
    ]);
    expect(await responsesOf(agency.id)).toHaveLength(0);
  });

  it('finds registered agencies by name for the EIT entry, and nothing else about them', async () => {
    const agency = await collectingAgency(t);
    const res = await send('GET', `/api/respond/agencies?q=${encodeURIComponent(agency.code)}`);
    expect(res.statusCode).toBe(200);
    expect(res.json().items).toEqual([
      { id: agency.id, nameTh: agency.nameTh, nameEn: null, province: null },
    ]);
  });

  it('stores nothing about the client with the answers', async () => {
    const agency = await collectingAgency(t);
    const grant = await grantFor(agency.id);
    await send(
      'POST',
      `/api/respond/${agency.id}/IIT/submit`,
      {
        grant,
        submissionId: crypto.randomUUID(),
        answers: answersFor(await page(agency.id)),
        durationSeconds: 99,
      },
      '10.77.1.2',
    );
    const dump = JSON.stringify([
      await t.deps.db.execute(sql`select * from held_responses`),
      await t.deps.db.execute(sql`select * from survey_responses`),
      await t.deps.db.execute(sql`select * from submission_receipts`),
    ]);
    expect(dump).not.toContain('10.77.1');
    expect(dump).not.toContain(grant.slice(0, 20));
  });
});
