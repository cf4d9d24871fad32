// Guessing the IIT access code: the guesser is throttled, never the agency, and NACC is alerted once.
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { TestApp } from '../../../test/helpers/app.ts';
import { makeUser } from '../../../test/helpers/factories.ts';
import { auditLog, surveyAccess } from '../../db/schema/index.ts';
import { CODE, collectingAgency, DURING, respondWorld, YEAR } from './respond.fixture.testing.ts';
import {
  ACCESS_ALARM_FAILURES,
  ACCESS_CODE_SPACE,
  ACCESS_FAILURE_LIMITS,
  ATTACK_MODE_MINUTES,
  guessChance,
} from './respond.limits.ts';

describe('IIT access code guessing', () => {
  let t: TestApp;
  let net = 0;
  /** A client in a network no other test uses. */
  const freshClient = () => `198.${18 + Math.floor(++net / 250)}.${net % 250}.7`;
  const tryCode = (agencyId: string, accessCode: string, from: string) =>
    t.app.inject({
      method: 'POST',
      url: `/api/respond/${agencyId}/IIT/access`,
      payload: { accessCode },
      remoteAddress: from,
    });
  /** `count` wrong codes spread over `clients` addresses, each in its own network, none over its limit. */
  async function distributedGuess(agencyId: string, count: number, clients: number) {
    const from = Array.from({ length: clients }, freshClient);
    const statuses: number[] = [];
    for (let i = 0; i < count; i++)
      statuses.push((await tryCode(agencyId, `WRONG${i}X`, from[i % clients] as string)).statusCode);
    return statuses;
  }

  beforeAll(async () => {
    t = await respondWorld();
  });
  beforeEach(() => t.clock.set(DURING));
  afterAll(() => t.close());

  it('lets the right code in from a new address after 300 wrong codes from 32 addresses', async () => {
    const agency = await collectingAgency(t);
    const statuses = await distributedGuess(agency.id, 300, 32);
    // Refused, or (once the alarm is up, a few tries per client) throttled: the guessers, not the agency.
    expect(statuses.filter((s) => s !== 403 && s !== 429)).toEqual([]);
    expect(statuses.filter((s) => s === 403).length).toBeGreaterThanOrEqual(ACCESS_ALARM_FAILURES);
    const res = await tryCode(agency.id, CODE, freshClient());
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().grant).toEqual(expect.any(String));
  });

  it('throttles the guessing address, even when it then has the right code, and not its neighbours', async () => {
    const agency = await collectingAgency(t);
    const other = await collectingAgency(t);
    const guesser = freshClient();
    // The limit counts over every agency: spreading guesses over agencies buys nothing.
    for (let i = 0; i < ACCESS_FAILURE_LIMITS.client; i++)
      expect((await tryCode(i % 2 ? agency.id : other.id, `WRONG${i}X`, guesser)).statusCode).toBe(403);
    const refused = await tryCode(agency.id, CODE, guesser);
    expect(refused.statusCode).toBe(429);
    expect(refused.json().error).toMatchObject({ code: 'too_many_attempts' });
    const neighbour = guesser.replace(/\.7$/, '.8');
    expect((await tryCode(agency.id, CODE, neighbour)).statusCode).toBe(200);
    t.clock.advance(15 * 60_000);
    expect((await tryCode(agency.id, CODE, guesser)).statusCode).toBe(200);
  });

  it('counts an IPv6 client by its /64 and a network by its /24, whatever the single address', async () => {
    const agency = await collectingAgency(t);
    for (let i = 0; i < ACCESS_FAILURE_LIMITS.client; i++)
      expect((await tryCode(agency.id, `WRONG${i}X`, `2001:db8:7:7::${i + 1}`)).statusCode).toBe(403);
    expect((await tryCode(agency.id, CODE, '2001:db8:7:7::ffff')).statusCode).toBe(429);
    expect((await tryCode(agency.id, CODE, '2001:db8:7:8::1')).statusCode).toBe(200);

    const block = freshClient().replace(/\.7$/, '');
    for (let i = 0; i < ACCESS_FAILURE_LIMITS.network; i++)
      expect((await tryCode(agency.id, `WRONG${i}X`, `${block}.${10 + (i % 60)}`)).statusCode).toBe(403);
    expect((await tryCode(agency.id, CODE, `${block}.200`)).statusCode).toBe(429);
    expect((await tryCode(agency.id, CODE, freshClient())).statusCode).toBe(200);
  });

  it('alerts NACC once per agency: an e-mail to each admin, an audit entry, a notice on the access page', async () => {
    const agency = await collectingAgency(t);
    await t.deps.db
      .update(surveyAccess)
      .set({ codeRotatedAt: new Date(DURING.getTime() - 86_400_000) })
      .where(eq(surveyAccess.agencyId, agency.id));
    await makeUser(t.deps.db, { role: 'admin', email: 'nacc-a@guess.example' });
    await makeUser(t.deps.db, { role: 'admin', email: 'nacc-b@guess.example' });
    const admin = await makeUser(t.deps.db, { role: 'admin' });
    const mailsBefore = t.outbox.length;
    const alerts = () =>
      t.outbox
        .slice(mailsBefore)
        .filter((m) => m.subject.includes(agency.nameTh) && m.to.endsWith('@guess.example'));

    await distributedGuess(agency.id, ACCESS_ALARM_FAILURES - 1, 20);
    expect(alerts()).toHaveLength(0);
    await distributedGuess(agency.id, 1, 1);
    expect(
      alerts()
        .map((m) => m.to)
        .sort(),
    ).toEqual(['nacc-a@guess.example', 'nacc-b@guess.example']);
    expect(alerts()[0]?.text).toContain(`${ACCESS_ALARM_FAILURES}`);
    expect(alerts()[0]?.text).not.toContain(CODE);

    // The next window, the attack goes on: no second e-mail the same day, the notice stays.
    t.clock.advance(15 * 60_000);
    await distributedGuess(agency.id, ACCESS_ALARM_FAILURES + 5, 40);
    expect(alerts()).toHaveLength(2);
    const entries = await t.deps.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.agencyId, agency.id), eq(auditLog.action, 'access_code_guessing')));
    expect(entries).toHaveLength(1);
    expect(entries[0]).toMatchObject({ entityType: 'iit_access', entityId: `${agency.id}:${YEAR}` });

    const staff = await t.signIn(admin.username);
    const view = await staff.get(`/api/agencies/${agency.id}/iit-access/${YEAR}`);
    expect(view.statusCode, view.body).toBe(200);
    expect(view.json().guessing).toMatchObject({
      seenAt: new Date(DURING.getTime() + 15 * 60_000).toISOString(),
      alertedAt: DURING.toISOString(),
    });
    // A new code answers the alarm: the notice goes.
    expect((await staff.post(`/api/agencies/${agency.id}/iit-access/${YEAR}/rotate`)).statusCode).toBe(200);
    expect((await staff.get(`/api/agencies/${agency.id}/iit-access/${YEAR}`)).json().guessing).toBeNull();

    // A day later, a new attack is news again.
    t.clock.advance(24 * 60 * 60_000);
    await distributedGuess(agency.id, ACCESS_ALARM_FAILURES, 20);
    expect(alerts()).toHaveLength(4);
  });

  it('while an agency is under attack, gives each client only a few tries at it', async () => {
    const agency = await collectingAgency(t);
    const other = await collectingAgency(t);
    await distributedGuess(agency.id, ACCESS_ALARM_FAILURES, 25);
    const client = freshClient();
    for (let i = 0; i < ACCESS_FAILURE_LIMITS.clientUnderAttack; i++)
      expect((await tryCode(agency.id, `WRONG${i}X`, client)).statusCode).toBe(403);
    expect((await tryCode(agency.id, CODE, client)).statusCode).toBe(429);
    // Not for other agencies, and not once the attack mode has run out.
    expect((await tryCode(other.id, CODE, client)).statusCode).toBe(200);
    t.clock.advance(ATTACK_MODE_MINUTES * 60_000);
    expect((await tryCode(agency.id, CODE, client)).statusCode).toBe(200);
  });
});

describe('guessChance', () => {
  it('keeps a distributed guess of a code infeasible at the chosen limits', () => {
    expect(ACCESS_CODE_SPACE).toBe(31 ** 8);
    // One agency under attack, 100,000 addresses each in its own network, a whole 6-month collection.
    expect(guessChance(100_000, 180, ACCESS_FAILURE_LIMITS.clientUnderAttack)).toBeLessThan(0.01);
    // Any agency at all, 100,000 addresses, a 2-month collection.
    expect(guessChance(100_000, 60, ACCESS_FAILURE_LIMITS.client)).toBeLessThan(0.01);
    // What the old per-agency block let through for free: no limit at all per address.
    expect(guessChance(100_000, 60, 1000)).toBeGreaterThan(0.5);
  });
});
