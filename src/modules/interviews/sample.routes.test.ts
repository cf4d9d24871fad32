import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestApp } from '../../../test/helpers/app.ts';
import { auditLog, eitContacts } from '../../db/schema/index.ts';
import { collectionApp, collectionFixture, entry, makeContacts, YEAR } from './interviews.fixture.testing.ts';
import type { SampleVerification, SampleView } from './interviews.schema.ts';

describe('EIT part-2 sample', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await collectionApp();
  });
  afterAll(() => t.close());

  const url = (agencyId: string, rest = '') => `/api/agencies/${agencyId}/eit2/${YEAR}/sample${rest}`;

  it('draws the framework minimum (20 for an EIT population of 100 in FY2568) and as many reserves', async () => {
    const f = await collectionFixture(t);
    const res = await f.interviewer.post(url(f.agencyId));
    expect(res.statusCode, res.body).toBe(200);
    const view = res.json<SampleView>();
    expect(view.prerequisites).toEqual({ contacts: 45, eitPopulation: 100, minimum: 20 });
    expect(view.sample?.size).toBe(20);
    expect(view.sample?.reserveCount).toBe(20);
    expect(view.sample?.releasedReserves).toBe(0);
    const selected = view.sample?.contacts.filter((c) => c.role === 'selected') ?? [];
    expect(selected).toHaveLength(20);
    expect(selected.every((c) => c.usable && c.status === 'not_called' && c.contact?.phone)).toBe(true);
    expect(view.sample?.contacts.filter((c) => c.role === 'reserve').every((c) => !c.usable)).toBe(true);
    expect(view.sample?.seed).toMatch(/^[0-9a-f]{32}$/);
  });

  it('scales the sample with the EIT population', async () => {
    // EIT1 minimum for 1,000 users is 200; part 2 needs 20% of that = 40.
    const f = await collectionFixture(t, { eitPopulation: 1000, contacts: 60 });
    const res = await f.interviewer.post(url(f.agencyId), { reserves: 40 });
    expect(res.json<SampleView>().sample?.size).toBe(40);
    expect(res.json<SampleView>().sample?.reserveCount).toBe(20); // all the list has left
  });

  it('records the draw (seed and sizes) in the audit log', async () => {
    const f = await collectionFixture(t);
    const view = (await f.interviewer.post(url(f.agencyId))).json<SampleView>();
    const [audit] = await t.deps.db
      .select()
      .from(auditLog)
      .where(eq(auditLog.entityId, view.sample?.id as string));
    expect(audit?.action).toBe('draw');
    expect(audit?.after).toMatchObject({ seed: view.sample?.seed, size: 20, reserves: 20 });
  });

  it('refuses a second draw for the same agency and year', async () => {
    const f = await collectionFixture(t);
    expect((await f.interviewer.post(url(f.agencyId))).statusCode).toBe(200);
    const again = await f.supervisor.post(url(f.agencyId));
    expect(again.statusCode).toBe(409);
    expect(again.json().error.code).toBe('sample_already_drawn');
  });

  it('reproduces the draw from the recorded seed, and notices a changed contact list', async () => {
    const f = await collectionFixture(t);
    const view = (await f.interviewer.post(url(f.agencyId))).json<SampleView>();
    const check = (await f.supervisor.get(url(f.agencyId, '/verify'))).json<SampleVerification>();
    expect(check.matches).toBe(true);
    expect(check.redrawn.selected).toEqual(
      view.sample?.contacts.filter((c) => c.role === 'selected').map((c) => c.id),
    );

    await makeContacts(t.deps.db, f.agencyId, 1);
    const after = (await f.supervisor.get(url(f.agencyId, '/verify'))).json<SampleVerification>();
    expect(after.contactsNow).toBe(46);
    expect(after.matches).toBe(false);
  });

  it('needs the EIT population, the contact list, and enough contacts for the minimum', async () => {
    const noPopulation = await collectionFixture(t, { eitPopulation: null });
    const a = await noPopulation.interviewer.post(url(noPopulation.agencyId));
    expect(a.json().error.code).toBe('eit_population_missing');

    const noList = await collectionFixture(t, { contacts: 0 });
    expect((await noList.interviewer.post(url(noList.agencyId))).json().error.code).toBe(
      'contact_list_missing',
    );

    const short = await collectionFixture(t, { contacts: 12 });
    const c = await short.interviewer.post(url(short.agencyId));
    expect(c.statusCode).toBe(409);
    expect(c.json().error).toMatchObject({ code: 'contact_list_too_small', details: { size: 20 } });
    expect((await short.interviewer.get(url(short.agencyId))).json<SampleView>().sample).toBeNull();
  });

  it('refuses fewer reserves than the sample size', async () => {
    const f = await collectionFixture(t);
    const res = await f.interviewer.post(url(f.agencyId), { reserves: 5 });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.code).toBe('too_few_reserves');
  });

  it('releases reserves in order as selected contacts refuse, are unreachable or have a wrong number', async () => {
    const f = await collectionFixture(t);
    const view = (await f.interviewer.post(url(f.agencyId))).json<SampleView>();
    const selected = view.sample?.contacts.filter((c) => c.role === 'selected') ?? [];
    const reserves = view.sample?.contacts.filter((c) => c.role === 'reserve') ?? [];
    const firstReserve = reserves[0]?.id as string;

    const early = await f.interviewer.post(
      `/api/agencies/${f.agencyId}/eit2/${YEAR}/interviews`,
      entry(t, firstReserve, 'refused'),
    );
    expect(early.json().error.code).toBe('reserve_not_released');

    for (const [i, outcome] of (['refused', 'wrong_number'] as const).entries()) {
      const res = await f.interviewer.post(
        `/api/agencies/${f.agencyId}/eit2/${YEAR}/interviews`,
        entry(t, selected[i]?.id as string, outcome),
      );
      expect(res.statusCode, res.body).toBe(200);
    }
    const now = (await f.interviewer.get(url(f.agencyId))).json<SampleView>().sample;
    expect(now?.releasedReserves).toBe(2);
    const usableReserves = now?.contacts.filter((c) => c.role === 'reserve' && c.usable).map((c) => c.id);
    expect(usableReserves).toEqual([reserves[0]?.id, reserves[1]?.id]);
    expect(now?.contacts.find((c) => c.id === selected[0]?.id)?.status).toBe('refused');

    // The released reserve can be called, and when it too is unreachable, the next one is released.
    const reserveCall = await f.interviewer.post(
      `/api/agencies/${f.agencyId}/eit2/${YEAR}/interviews`,
      entry(t, firstReserve, 'unreachable'),
    );
    expect(reserveCall.statusCode, reserveCall.body).toBe(200);
    const later = (await f.interviewer.get(url(f.agencyId))).json<SampleView>().sample;
    expect(later?.releasedReserves).toBe(3);
  });

  it('shows a removed contact as missing rather than failing', async () => {
    const f = await collectionFixture(t);
    const view = (await f.interviewer.post(url(f.agencyId))).json<SampleView>();
    const uncalled = view.sample?.contacts.at(-1)?.id as string;
    await t.deps.db.delete(eitContacts).where(eq(eitContacts.id, uncalled));
    const now = (await f.interviewer.get(url(f.agencyId))).json<SampleView>().sample;
    expect(now?.contacts.at(-1)?.contact).toBeNull();
    const check = (await f.interviewer.get(url(f.agencyId, '/verify'))).json<SampleVerification>();
    expect(check.missingContacts).toBe(1);
  });
});
