// Processing runs on stored data: the engine agrees with the calculator (scoreFromAnswers) on the same
// responses, every non-processing reason comes from what is stored, a finished run cannot be changed, one
// run at a time (409), a run whose worker died restarts cleanly, previews, and the changes between runs.
import { eq, sql } from 'drizzle-orm';
import type { FastifyBaseLogger } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Client, createTestApp, type TestApp } from '../../../test/helpers/app.ts';
import { makeAgency, makeUser } from '../../../test/helpers/factories.ts';
import type { Framework } from '../../core/framework/schema.ts';
import { marginOfError } from '../../core/results/margin.ts';
import {
  minimumSample,
  type ProcessingContext,
  type SurveyResponse,
  scoreFromAnswers,
} from '../../core/scoring/index.ts';
import type { Db } from '../../db/client.ts';
import {
  agencyResults,
  auditLog,
  oitReviews,
  oitScores,
  participations,
  processingRuns,
  responseReviews,
  stakeholderData,
} from '../../db/schema/index.ts';
import { answerSheet, loadFramework, YEAR } from '../quality/quality.fixture.testing.ts';
import { insertReleased } from '../responses/index.ts';
import { claimRun, lockClaim, restartRun, resultsOfRun, storeChunk } from './results.repo.ts';
import { processNextRun, startProcessingWorker } from './results.worker.ts';

/** mulberry32: a small seeded generator, so a failure can be replayed. */
function random(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

interface Stored {
  id: string;
  code: string;
  /** The responses that count, per instrument (what the calculator gets). */
  responses: Record<string, SurveyResponse[]>;
  /** Ids of every stored response per instrument (excluded ones too). */
  ids: Record<string, string[]>;
  oit: Record<string, number>;
  populations: { iit: number | null; eit: number | null };
}

interface AgencySpec {
  registered?: boolean;
  /** Approved populations; null: stakeholder data entered but never approved. */
  populations?: { iit: number; eit: number } | null;
  responses: Record<string, number>;
  /** Responses of the instrument stored and then excluded by a quality review. */
  excluded?: Record<string, number>;
  oit?: 'confirmed' | 'assessed';
  provinceCode?: string;
}

describe('processing runs', () => {
  let t: TestApp;
  let db: Db;
  let framework: Framework;
  let version: number;
  let admin: Client;
  let adminId: string;
  const rand = random(20_681);
  const agencies: Stored[] = [];

  async function storeAgency(spec: AgencySpec): Promise<Stored> {
    const agency = await makeAgency(db, {
      type: 'sao',
      ...(spec.provinceCode ? { provinceCode: spec.provinceCode } : {}),
    });
    const registered = spec.registered ?? true;
    await db
      .insert(participations)
      .values({ agencyId: agency.id, year: YEAR, registered, registeredAt: registered ? new Date() : null });
    const populations = spec.populations === undefined ? { iit: 12, eit: 25 } : spec.populations;
    await db.insert(stakeholderData).values({
      agencyId: agency.id,
      year: YEAR,
      iitPopulation: populations?.iit ?? 12,
      eitPopulation: populations?.eit ?? 25,
      ...(populations
        ? { approvedRevision: 1, approvedIitPopulation: populations.iit, approvedAt: new Date() }
        : {}),
    });
    const stored: Stored = {
      id: agency.id,
      code: agency.code,
      responses: {},
      ids: {},
      oit: {},
      populations: { iit: populations?.iit ?? null, eit: populations?.eit ?? null },
    };
    for (const instrument of ['IIT', 'EIT1', 'EIT2']) {
      const kept = spec.responses[instrument] ?? 0;
      const dropped = spec.excluded?.[instrument] ?? 0;
      const sheets = Array.from({ length: kept + dropped }, () => {
        const seed = Math.floor(rand() * 1_000_000);
        // Some respondents skip a question: the counts path must agree on those too.
        const sheet = answerSheet(framework, instrument, 'sao', (i, n) => (seed * 31 + i * 7919) % n);
        if (seed % 3 === 0) delete sheet[Object.keys(sheet)[seed % Object.keys(sheet).length] as string];
        // …and some skip one sub-item of a question that has them (scored as the mean of the rest).
        const withSubItems = Object.values(sheet).find((v) => typeof v === 'object');
        if (seed % 5 === 0 && typeof withSubItems === 'object')
          delete withSubItems[Object.keys(withSubItems)[0] as string];
        return sheet;
      });
      const ids = await insertReleased(
        db,
        sheets.map((answers) => ({
          agencyId: agency.id,
          year: YEAR,
          instrument,
          frameworkVersion: version,
          answers,
          durationBand: null,
          channel: instrument === 'EIT2' ? ('interview' as const) : ('web' as const),
          submittedOn: '2025-03-01',
        })),
      );
      for (const id of ids.slice(kept))
        await db.insert(responseReviews).values({ responseId: id, decision: 'exclude', reason: 'test' });
      stored.ids[instrument] = ids;
      stored.responses[instrument] = sheets.slice(0, kept).map((answers) => ({ answers }));
    }
    if (spec.oit) {
      await db.insert(oitReviews).values({ agencyId: agency.id, year: YEAR, status: spec.oit });
      for (const item of framework.oitItems) {
        const score = rand() < 0.8 ? 100 : 0;
        stored.oit[item.code] = score;
        await db.insert(oitScores).values({
          agencyId: agency.id,
          year: YEAR,
          itemCode: item.code,
          score,
          ...(score === 0 ? { advice: 'เผยแพร่ข้อมูลให้ครบ' } : {}),
        });
      }
    }
    agencies.push(stored);
    return stored;
  }

  /** What the calculator gets for the agency, with the minimums computed here from the rule. */
  function calculatorContext(a: Stored, registered = true): ProcessingContext {
    const iit = a.populations.iit;
    const eit = a.populations.eit;
    return {
      registered,
      populationEntered: { IIT: iit !== null, EIT1: eit !== null },
      minimumSample: {
        IIT: iit === null ? Number.MAX_SAFE_INTEGER : minimumSample(framework, 'IIT', { population: iit }),
        EIT1: eit === null ? Number.MAX_SAFE_INTEGER : minimumSample(framework, 'EIT1', { population: eit }),
        EIT2: eit === null ? Number.MAX_SAFE_INTEGER : minimumSample(framework, 'EIT2', { population: eit }),
      },
      oitAnswered: Object.keys(a.oit).length > 0,
    };
  }

  const post = (body: unknown) => admin.post(`/api/results/${YEAR}/runs`, body);
  const getRun = async (id: string) => (await admin.get(`/api/results/${YEAR}/runs/${id}`)).json();
  const storedResults = async (runId: string) =>
    new Map((await resultsOfRun(db, runId)).map((r) => [r.agencyId, r]));

  let scored: Stored[];
  let unregistered: Stored;
  let unapproved: Stored;
  let noPopulation: Stored;
  let belowMinimum: Stored;
  let oitNotConfirmed: Stored;
  let firstRun: string;

  beforeAll(async () => {
    t = await createTestApp();
    db = t.deps.db;
    ({ framework, version } = await loadFramework(db));
    adminId = (await makeUser(db, { role: 'admin', username: 'rp-admin' })).id;
    admin = await t.signIn('rp-admin');
    scored = [];
    for (let i = 0; i < 4; i++)
      scored.push(
        await storeAgency({
          responses: {
            IIT: 12 + Math.floor(rand() * 3),
            EIT1: 25 + Math.floor(rand() * 3),
            EIT2: 20 + Math.floor(rand() * 3),
          },
          excluded: { IIT: i % 2, EIT1: 1 },
          oit: 'confirmed',
        }),
      );
    const full = { IIT: 12, EIT1: 25, EIT2: 20 };
    unregistered = await storeAgency({ registered: false, responses: full, oit: 'confirmed' });
    unapproved = await storeAgency({ populations: null, responses: full, oit: 'confirmed' });
    noPopulation = await storeAgency({ responses: full, oit: 'confirmed' });
    await db.delete(stakeholderData).where(eq(stakeholderData.agencyId, noPopulation.id));
    noPopulation.populations = { iit: null, eit: null };
    // IIT population 50: the minimum is 30 and only 29 count (a 30th is excluded).
    belowMinimum = await storeAgency({
      populations: { iit: 50, eit: 25 },
      responses: { IIT: 29, EIT1: 25, EIT2: 20 },
      excluded: { IIT: 1 },
      oit: 'confirmed',
    });
    oitNotConfirmed = await storeAgency({ responses: full, oit: 'assessed' });
  });
  afterAll(() => t.close());

  it('queues a run (202), refuses a second one while it is queued (409), and processes it to the end', async () => {
    const res = await post({ kind: 'run', scope: 'all' });
    expect(res.statusCode).toBe(202);
    const run = res.json();
    expect(run).toMatchObject({ status: 'queued', kind: 'run', scope: 'all', createdBy: adminId });
    firstRun = run.id;

    const second = await post({ kind: 'preview', scope: 'agency', agencyId: scored[0]?.id });
    expect(second.statusCode).toBe(409);
    expect(second.json().error.code).toBe('run_in_progress');

    expect(await processNextRun(t.deps, { chunkSize: 3, leaseMs: 60_000 })).toBe('done');
    const done = await getRun(firstRun);
    expect(done).toMatchObject({
      status: 'done',
      frameworkVersion: version,
      progress: { done: agencies.length, total: agencies.length },
    });
    expect(done.inputsHash).toMatch(/^[0-9a-f]{64}$/);
    expect(await processNextRun(t.deps)).toBe('idle');

    const list = (await admin.get(`/api/results/${YEAR}/runs`)).json();
    expect(list.items.map((r: { id: string }) => r.id)).toEqual([firstRun]);

    const audited = await db.select().from(auditLog).where(eq(auditLog.entityId, firstRun));
    expect(audited.map((e) => e.action)).toEqual(['create', 'complete']);
  });

  it('gives every agency exactly what the calculator gives for the same responses', async () => {
    const results = await storedResults(firstRun);
    for (const a of scored) {
      const expected = scoreFromAnswers(framework, {
        agencyType: 'sao',
        responses: a.responses,
        oit: a.oit,
        processing: calculatorContext(a),
      });
      const row = results.get(a.id);
      expect(row, a.code).toBeDefined();
      if (!row) continue;
      expect(Number(row.total), a.code).toBe(expected.total);
      expect(row.ratingCode).toBe(expected.rating.code);
      expect(row.passes).toBe(expected.rating.passes);
      expect(row.indicators).toEqual(expected.indicators);
      expect(row.indicatorsByInstrument).toEqual(expected.indicatorsByInstrument);
      expect(row.questions).toEqual(expected.questions);
      expect(row.subIndicators).toEqual(expected.subIndicators);
      for (const code of ['IIT', 'EIT1', 'EIT2']) {
        const n = a.responses[code]?.length ?? 0;
        const population = (code === 'IIT' ? a.populations.iit : a.populations.eit) as number;
        expect(row.instruments[code]).toEqual({
          score: expected.instruments[code],
          n,
          minimum: minimumSample(framework, code, { population }),
          population,
          marginOfError: Math.round((marginOfError(n, population) as number) * 100) / 100,
          notProcessed: null,
        });
      }
      expect(row.instruments.OIT).toMatchObject({ score: expected.instruments.OIT, notProcessed: null });
      expect(row.inputsHash).toMatch(/^[0-9a-f]{64}$/);
    }
  });

  it('records why each instrument was not processed, from what is stored', async () => {
    const results = await storedResults(firstRun);
    const reasons = (a: Stored) =>
      Object.fromEntries(
        Object.entries(results.get(a.id)?.instruments ?? {}).map(([code, r]) => [code, r.notProcessed]),
      );
    expect(reasons(unregistered)).toEqual({
      IIT: 'registered',
      EIT1: 'registered',
      EIT2: 'registered',
      OIT: 'registered',
    });
    expect(results.get(unregistered.id)?.total).toBe('0.00');
    const noApprovedPopulation = {
      IIT: 'population_entered',
      EIT1: 'population_entered',
      EIT2: 'minimum_sample', // its minimum derives from the EIT population, which is not approved
      OIT: null,
    };
    expect(reasons(unapproved)).toEqual(noApprovedPopulation);
    expect(reasons(noPopulation)).toEqual(noApprovedPopulation);
    expect(reasons(belowMinimum)).toEqual({ IIT: 'minimum_sample', EIT1: null, EIT2: null, OIT: null });
    expect(results.get(belowMinimum.id)?.instruments.IIT).toMatchObject({ n: 29, minimum: 30, score: null });
    expect(reasons(oitNotConfirmed)).toEqual({ IIT: null, EIT1: null, EIT2: null, OIT: 'answered' });
    // Each agree with the calculator given the same facts.
    for (const [a, registered] of [
      [unregistered, false],
      [unapproved, true],
      [belowMinimum, true],
      [oitNotConfirmed, true],
    ] as const) {
      const expected = scoreFromAnswers(framework, {
        agencyType: 'sao',
        responses: a.responses,
        oit: a === oitNotConfirmed ? {} : a.oit,
        processing: {
          ...calculatorContext(a, registered),
          oitAnswered: a !== oitNotConfirmed,
        },
      });
      expect(Number(results.get(a.id)?.total), a.code).toBe(expected.total);
      expect(results.get(a.id)?.ratingCode).toBe(expected.rating.code);
    }
  });

  it('refuses in the database to change or delete a finished run or its results', async () => {
    const refused = async (query: Promise<unknown>) => {
      try {
        await query;
      } catch (e) {
        return String((e as { cause?: { message?: string } }).cause?.message ?? e);
      }
      return 'accepted';
    };
    const agencyId = scored[0]?.id as string;
    expect(
      await refused(
        db.update(agencyResults).set({ total: '100.00' }).where(eq(agencyResults.agencyId, agencyId)),
      ),
    ).toMatch(/never changed in place/);
    expect(await refused(db.delete(agencyResults).where(eq(agencyResults.runId, firstRun)))).toMatch(
      /not running/,
    );
    expect(
      await refused(db.update(processingRuns).set({ error: 'x' }).where(eq(processingRuns.id, firstRun))),
    ).toMatch(/finished and cannot be changed/);
    expect(await refused(db.delete(processingRuns).where(eq(processingRuns.id, firstRun)))).toMatch(
      /finished and cannot be changed/,
    );
    expect(await refused(db.execute(sql`truncate agency_results`))).toMatch(/never changed in place/);
    expect(await refused(db.execute(sql`truncate processing_runs cascade`))).toMatch(/TRUNCATE refused/);
    expect((await getRun(firstRun)).status).toBe('done');
  });

  it('restarts a run whose worker died (lease expired) from scratch, and fences the dead worker off', async () => {
    const res = await post({ kind: 'run', scope: 'all' });
    expect(res.statusCode).toBe(202);
    const runId = res.json().id;
    // A worker claims it, stores a wrong partial chunk, and dies.
    const dead = await claimRun(db, t.deps.now(), 60_000);
    expect(dead?.id).toBe(runId);
    if (!dead) return;
    const [sample] = await resultsOfRun(db, firstRun);
    await db.transaction(async (tx) => {
      expect(await lockClaim(tx, dead)).toBe(true);
      await restartRun(tx, dead, {
        frameworkVersion: version,
        total: agencies.length,
        leaseUntil: t.deps.now(),
      });
      await storeChunk(
        tx,
        dead,
        [{ ...(sample as typeof agencyResults.$inferInsert), runId, total: '1.00', ratingCode: 'bogus' }],
        new Date(t.deps.now().getTime() + 60_000),
      );
    });
    expect((await getRun(runId)).progress).toEqual({ done: 1, total: agencies.length });
    // Its lease still holds: nobody takes the run over.
    expect(await processNextRun(t.deps, { chunkSize: 2, leaseMs: 60_000 })).toBe('idle');
    expect((await post({ kind: 'run', scope: 'all' })).statusCode).toBe(409);

    t.clock.advance(61_000);
    expect(await processNextRun(t.deps, { chunkSize: 2, leaseMs: 60_000 })).toBe('done');
    const run = await getRun(runId);
    expect(run).toMatchObject({
      status: 'done',
      progress: { done: agencies.length, total: agencies.length },
    });
    const [row] = await db.select().from(processingRuns).where(eq(processingRuns.id, runId));
    expect(row?.attempts).toBe(2);
    const results = await storedResults(runId);
    expect(results.size).toBe(agencies.length);
    expect([...results.values()].some((r) => r.ratingCode === 'bogus')).toBe(false);
    // Same inputs, same hash, same figures as the first run.
    expect(run.inputsHash).toBe((await getRun(firstRun)).inputsHash);
    const first = await storedResults(firstRun);
    for (const [agencyId, r] of results) expect(r.total).toBe(first.get(agencyId)?.total);
    // The dead worker, were it to wake, may not write.
    expect(await db.transaction((tx) => lockClaim(tx, dead))).toBe(false);
    // And no changes between the two.
    const changes = await admin.get(`/api/results/${YEAR}/runs/${runId}/changes?against=${firstRun}`);
    expect(changes.statusCode).toBe(200);
    expect(changes.json().items).toEqual([]);
  });

  it('shows which agencies changed after a correction, and by how much', async () => {
    const a = scored[1] as Stored;
    // A quality review excludes three more IIT responses of agency a (it still meets its minimum of 12? no:
    // it falls below, so its IIT is no longer processed and its total drops).
    for (const id of (a.ids.IIT ?? []).slice(0, 3))
      await db
        .insert(responseReviews)
        .values({ responseId: id, decision: 'exclude', reason: 'correction' })
        .onConflictDoNothing();
    const res = await post({ kind: 'run', scope: 'all' });
    expect(res.statusCode).toBe(202);
    expect(await processNextRun(t.deps, { chunkSize: 4, leaseMs: 60_000 })).toBe('done');
    const changes = (
      await admin.get(`/api/results/${YEAR}/runs/${res.json().id}/changes?against=${firstRun}`)
    ).json();
    const before = Number((await storedResults(firstRun)).get(a.id)?.total);
    const after = Number((await storedResults(res.json().id)).get(a.id)?.total);
    expect(after).toBeLessThan(before);
    expect(changes.items).toEqual([
      expect.objectContaining({
        agencyId: a.id,
        code: a.code,
        before: expect.objectContaining({ total: before }),
        after: expect.objectContaining({ total: after }),
        difference: Math.round((after - before) * 100) / 100,
      }),
    ]);
    expect((await getRun(res.json().id)).inputsHash).not.toBe((await getRun(firstRun)).inputsHash);
  });

  it('previews one agency or a province as a preview run, never as a run', async () => {
    expect((await post({ kind: 'run', scope: 'agency', agencyId: scored[0]?.id })).statusCode).toBe(400);
    expect((await post({ kind: 'preview', scope: 'agency' })).statusCode).toBe(400);
    const one = await post({ kind: 'preview', scope: 'agency', agencyId: scored[2]?.id });
    expect(one.statusCode).toBe(202);
    expect(await processNextRun(t.deps)).toBe('done');
    expect(await getRun(one.json().id)).toMatchObject({
      kind: 'preview',
      status: 'done',
      progress: { done: 1, total: 1 },
    });
    const results = await storedResults(one.json().id);
    expect([...results.keys()]).toEqual([scored[2]?.id]);
    expect(results.get(scored[2]?.id as string)?.total).toBe(
      (await storedResults(firstRun)).get(scored[2]?.id as string)?.total,
    );
    expect((await post({ kind: 'preview', scope: 'province', provinceCode: 'XX-NONE' })).statusCode).toBe(
      404,
    );
  });

  it('is processed by one worker when two instances look for work at once', async () => {
    const res = await post({ kind: 'preview', scope: 'all' });
    expect(res.statusCode).toBe(202);
    const outcomes = await Promise.all([processNextRun(t.deps), processNextRun(t.deps)]);
    expect(outcomes.sort()).toEqual(['done', 'idle']);
    const [row] = await db.select().from(processingRuns).where(eq(processingRuns.id, res.json().id));
    expect(row).toMatchObject({ status: 'done', attempts: 1, progressDone: agencies.length });
    expect((await storedResults(res.json().id)).size).toBe(agencies.length);
  });

  it('runs in the background: a new run wakes the worker, which takes it to the end', async () => {
    const silent = { info() {}, warn() {}, debug() {} } as unknown as FastifyBaseLogger;
    const worker = startProcessingWorker(t.deps, silent, 3_600_000, { chunkSize: 2, leaseMs: 60_000 });
    try {
      // The first look (at start) may still be in hand: the wake is kept either way.
      const res = await post({ kind: 'preview', scope: 'all' });
      expect(res.statusCode).toBe(202);
      let run = await getRun(res.json().id);
      for (let i = 0; i < 200 && run.status !== 'done'; i++) {
        await new Promise((r) => setTimeout(r, 25));
        run = await getRun(res.json().id);
      }
      expect(run).toMatchObject({
        status: 'done',
        progress: { done: agencies.length, total: agencies.length },
      });
    } finally {
      await worker.stop();
    }
  });

  it('compares only finished runs of the same year', async () => {
    const queued = await post({ kind: 'preview', scope: 'agency', agencyId: scored[0]?.id });
    expect(queued.statusCode).toBe(202);
    const changes = await admin.get(
      `/api/results/${YEAR}/runs/${queued.json().id}/changes?against=${firstRun}`,
    );
    expect(changes.statusCode).toBe(409);
    expect((await admin.get(`/api/results/${YEAR - 1}/runs/${firstRun}`)).statusCode).toBe(404);
    expect(await processNextRun(t.deps)).toBe('done');
  });

  it('fails a run closed when an agency cannot be scored, and says which', async () => {
    const bad = await storeAgency({ responses: {}, oit: 'confirmed' });
    await insertReleased(db, [
      {
        agencyId: bad.id,
        year: YEAR,
        instrument: 'IIT',
        frameworkVersion: version,
        answers: { NOPE: '1' },
        durationBand: null,
        channel: 'web',
        submittedOn: '2025-03-01',
      },
    ]);
    const res = await post({ kind: 'preview', scope: 'all' });
    expect(await processNextRun(t.deps)).toBe('failed');
    const run = await getRun(res.json().id);
    expect(run.status).toBe('failed');
    expect(run.error).toContain(`agency ${bad.code}`);
    // A failed run is final too, and frees the year for the next one.
    expect((await post({ kind: 'preview', scope: 'agency', agencyId: scored[0]?.id })).statusCode).toBe(202);
  });
});
