// The relinking test (issue 8, §2): respondents answer through the real routes — IIT with single-use
// tokens, EIT part 1 with one-time codes, EIT part 2 interviews approved by a second assessor — the held
// answers are released, and then an attacker with the database (system columns included) and the audit log
// tries to tie each respondent's mark to their answers. Chance is one over the anonymity set the design
// promises (the release batch, at least RESPONSE_RELEASE_BATCH answers or the whole group when smaller);
// the test fails when any attack beats it (P < 0.001 over all attacks), or when a batch is smaller than
// promised.
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { keyedHash } from '../../src/app/secrets.ts';
import { durationBand, type Questionnaire } from '../../src/core/surveys/index.ts';
import { surveyTokenBatches, surveyTokens } from '../../src/db/schema/index.ts';
import { collectionFixture, entry } from '../../src/modules/interviews/interviews.fixture.testing.ts';
import type { SampleView } from '../../src/modules/interviews/interviews.schema.ts';
import { openAgency, otpFixture } from '../../src/modules/otp/otp.fixture.testing.ts';
import { CODE, collectingAgency, YEAR } from '../../src/modules/respond/respond.fixture.testing.ts';
import { releaseResponses } from '../../src/modules/responses/index.ts';
import type { TestApp } from '../helpers/app.ts';
import { type AnswerRow, type MarkRow, runAttacks } from './relinking.attacks.ts';

const BATCH = 5;
const PER_KIND = 12;
const AFTER_COLLECTION = new Date('2025-07-02T03:00:00Z');

/** A small seeded generator, so a failure can be reproduced. */
function rng(seed: number) {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let x = Math.imul(s ^ (s >>> 15), 1 | s);
    x ^= x + Math.imul(x ^ (x >>> 7), 61 | x);
    return ((x ^ (x >>> 14)) >>> 0) / 4294967296;
  };
}
const random = rng(8);
const pick = <T>(xs: readonly T[]): T => xs[Math.floor(random() * xs.length)] as T;

/** A random answer sheet; distinct sheets are how the test (and only the test) knows whose answers are whose. */
function answerSheet(q: Questionnaire, taken: Set<string>): Record<string, unknown> {
  for (;;) {
    const answers: Record<string, unknown> = {};
    for (const question of q.groups.flatMap((g) => g.questions)) {
      const values = question.options.map((o) => o.value);
      answers[question.code] =
        question.subItems.length === 0
          ? pick(values)
          : Object.fromEntries(question.subItems.map((s) => [s.code, pick(values)]));
    }
    const key = canonical(answers);
    if (!taken.has(key)) {
      taken.add(key);
      return answers;
    }
  }
}
function canonical(v: unknown): string {
  if (v === null || typeof v !== 'object') return JSON.stringify(v);
  const o = v as Record<string, unknown>;
  return `{${Object.keys(o)
    .sort()
    .map((k) => `${JSON.stringify(k)}:${canonical(o[k])}`)
    .join(',')}}`;
}
const bangkokDay = (d: Date) => new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Bangkok' }).format(d);

describe('relinking respondents to their answers', () => {
  let t: TestApp;
  let ip = 0;
  const from = () => `10.88.${Math.floor(++ip / 250)}.${(ip % 250) + 1}`;
  const post = (url: string, payload: object) =>
    t.app.inject({ method: 'POST', url, payload, remoteAddress: from() });
  const get = (url: string) => t.app.inject({ method: 'GET', url, remoteAddress: from() });
  /** Answer sheet (canonical JSON) → respondent. */
  const whose = new Map<string, string>();
  const taken = new Set<string>();
  const marks: { kind: string; table: string; key: string; respondent: string; group: string }[] = [];
  /** Respondents per group (agency + instrument): the promised anonymity set is min(BATCH, this). */
  const groupSize = new Map<string, number>();
  const noteGroup = (group: string) => groupSize.set(group, (groupSize.get(group) ?? 0) + 1);

  async function questionnaireOf(agencyId: string, instrument: 'IIT' | 'EIT1') {
    return (await get(`/api/respond/${agencyId}/${instrument}`)).json().questionnaire as Questionnaire;
  }
  async function submit(agencyId: string, instrument: 'IIT' | 'EIT1', grant: string, respondent: string) {
    const answers = answerSheet(await questionnaireOf(agencyId, instrument), taken);
    whose.set(canonical(answers), respondent);
    const res = await post(`/api/respond/${agencyId}/${instrument}/submit`, {
      grant,
      submissionId: crypto.randomUUID(),
      answers,
      durationSeconds: 120 + Math.floor(random() * 900),
    });
    expect(res.json(), res.body).toEqual({ status: 'recorded' });
    noteGroup(`${agencyId}|${instrument}`);
    // Respondents arrive minutes apart, over several days.
    t.clock.advance(Math.floor(random() * 4 * 3600_000));
  }

  beforeAll(async () => {
    const otp = await otpFixture({ RESPONSE_RELEASE_BATCH: String(BATCH) });
    t = otp.t;
    const db = t.deps.db;

    // IIT with single-use tokens.
    const iit = await collectingAgency(t, { tokensRequired: true, population: 500 });
    const tokens = Array.from({ length: PER_KIND }, (_, i) => `TK${String(i).padStart(6, '0')}`);
    const batchId = crypto.randomUUID();
    await db
      .insert(surveyTokenBatches)
      .values({ id: batchId, agencyId: iit.id, year: YEAR, createdAt: t.deps.now(), createdBy: null });
    await db.insert(surveyTokens).values(
      tokens.map((token) => ({
        tokenHash: keyedHash(t.deps.config, 'survey-token', token),
        agencyId: iit.id,
        year: YEAR,
        batchId,
      })),
    );
    // EIT part 1 with e-mail codes.
    const eit = await openAgency(db, { nameTh: 'สำนักงานทดสอบการเชื่อมโยงคำตอบ' });
    // EIT part 2: interviews entered by one assessor, approved by another.
    const f = await collectionFixture(t);
    const sample = (
      await f.interviewer.post(`/api/agencies/${f.agencyId}/eit2/${YEAR}/sample`)
    ).json<SampleView>();
    const contacts = (sample.sample?.contacts ?? []).filter((c) => c.role === 'selected').map((c) => c.id);
    expect(contacts.length).toBeGreaterThanOrEqual(PER_KIND);
    const eit2Questions = (
      await f.interviewer.get(`/api/interviews/${f.agencyId}/${YEAR}/questionnaire`)
    ).json<Questionnaire>();

    // The three kinds interleave, as they would in a real week.
    for (let i = 0; i < PER_KIND; i++) {
      const token = tokens[i] as string;
      const access = await post(`/api/respond/${iit.id}/IIT/access`, { accessCode: CODE, token });
      expect(access.statusCode, access.body).toBe(200);
      await submit(iit.id, 'IIT', access.json().grant, `iit-${i}`);
      marks.push({
        kind: 'used token',
        table: 'used_survey_tokens',
        key: keyedHash(t.deps.config, 'survey-token', token),
        respondent: `iit-${i}`,
        group: `${iit.id}|IIT`,
      });

      const email = `respondent${i}@example.test`;
      const asked = await otp.request({ channel: 'email', destination: email }, { agencyId: eit.id });
      expect(asked.statusCode, asked.body).toBe(200);
      const verified = await otp.verify(asked.json().challengeId, otp.fake.lastCode(email), {
        agencyId: eit.id,
      });
      expect(verified.statusCode, verified.body).toBe(200);
      await submit(eit.id, 'EIT1', verified.json().grant, `eit1-${i}`);
      marks.push({
        kind: 'EIT respondent hash',
        table: 'eit_respondents',
        key: keyedHash(t.deps.config, 'otp-destination', email),
        respondent: `eit1-${i}`,
        group: `${eit.id}|EIT1`,
      });

      const contact = contacts[i] as string;
      const answers = answerSheet(eit2Questions, taken);
      whose.set(canonical(answers), `eit2-${i}`);
      const body = entry(t, contact, 'completed', answers);
      const minutes = 8 + Math.floor(random() * 40);
      body.startedAt = new Date(t.deps.now().getTime() - minutes * 60_000).toISOString();
      const entered = await f.interviewer.post(`/api/agencies/${f.agencyId}/eit2/${YEAR}/interviews`, body);
      expect(entered.statusCode, entered.body).toBe(200);
      t.clock.advance(Math.floor(random() * 3600_000));
      const approved = await f.supervisor.post(`/api/interviews/${entered.json().id}/approve`);
      expect(approved.statusCode, approved.body).toBe(200);
      noteGroup(`${f.agencyId}|EIT2`);
      for (const [kind, table] of [
        ['approved interview', 'eit2_interviews'],
        ['interview audit entry', 'audit_log'],
      ] as const)
        marks.push({ kind, table, key: contact, respondent: `eit2-${i}`, group: `${f.agencyId}|EIT2` });
      // What the background releaser does after submits: release the groups that are due.
      await releaseResponses(t.deps);
    }

    // Collection closes; whatever still waits is released.
    t.clock.set(AFTER_COLLECTION);
    await releaseResponses(t.deps);
  }, 240_000);
  afterAll(() => t?.close());

  async function answerRows(): Promise<AnswerRow[]> {
    const rows = await t.deps.db.execute<{ row: Record<string, unknown>; xmin: string; ctid: string }>(
      sql`select to_jsonb(r) as row, r.xmin::text as xmin, r.ctid::text as ctid from survey_responses r`,
    );
    return rows.rows.map(({ row, xmin, ctid }) => {
      const [block, offset] = ctid.replace(/[()]/g, '').split(',').map(Number);
      const respondent = whose.get(canonical(row.answers));
      if (!respondent) throw new Error('an answer row nobody gave');
      const duration = (row.duration_seconds ?? row.duration_band ?? null) as number | null;
      return {
        respondent,
        group: `${row.agency_id}|${row.instrument}`,
        xmin: BigInt(xmin),
        block: block as number,
        offset: offset as number,
        day: String(row.submitted_on),
        duration,
      };
    });
  }

  async function markRows(keepsBands: boolean): Promise<MarkRow[]> {
    const out: MarkRow[] = [];
    const asDuration = (seconds: number) => (keepsBands ? durationBand(seconds) : seconds);
    for (const m of marks) {
      const rows = await t.deps.db.execute<{
        xmin: string;
        ctid: string;
        seq: string | null;
        at: string | null;
      }>(
        m.table === 'used_survey_tokens'
          ? sql`select xmin::text, ctid::text, null as seq, null as at, null as extra from used_survey_tokens where token_hash = ${m.key}`
          : m.table === 'eit_respondents'
            ? sql`select xmin::text, ctid::text, null as seq, null as at, null as extra from eit_respondents where destination_hash = ${m.key}`
            : m.table === 'eit2_interviews'
              ? sql`select xmin::text, ctid::text, null as seq, started_at::text as at,
                  extract(epoch from ended_at - started_at)::int as extra
                  from eit2_interviews where contact_id = ${m.key}`
              : sql`select a.xmin::text, a.ctid::text, a.seq::text as seq, a.occurred_at::text as at,
                  case when a.after ? 'startedAt' and a.after ? 'endedAt' then
                    extract(epoch from (a.after->>'endedAt')::timestamptz - (a.after->>'startedAt')::timestamptz)::int
                  end as extra
                  from audit_log a join eit2_interviews i on i.id::text = a.entity_id
                  where a.entity_type = 'eit2_interview' and a.action = 'approve' and i.contact_id = ${m.key}`,
      );
      expect(rows.rows, `${m.kind} of ${m.respondent}`).toHaveLength(1);
      const r = rows.rows[0] as {
        xmin: string;
        ctid: string;
        seq: string | null;
        at: string | null;
        extra: number | null;
      };
      const [block, offset] = r.ctid.replace(/[()]/g, '').split(',').map(Number);
      out.push({
        kind: m.kind,
        respondent: m.respondent,
        group: m.group,
        xmin: BigInt(r.xmin),
        block: block as number,
        offset: offset as number,
        seq: r.seq === null ? null : Number(r.seq),
        day: r.at === null ? null : bangkokDay(new Date(r.at)),
        duration: r.extra === null ? null : asDuration(Number(r.extra)),
      });
    }
    return out;
  }

  it('releases every answer exactly once, in batches no smaller than promised', async () => {
    const answers = await answerRows();
    expect(answers).toHaveLength(whose.size);
    expect(new Set(answers.map((a) => a.respondent)).size).toBe(whose.size);
    const batches = new Map<string, number>();
    for (const a of answers)
      batches.set(`${a.group}|${a.xmin}`, (batches.get(`${a.group}|${a.xmin}`) ?? 0) + 1);
    const small = [...batches].filter(
      ([key, n]) => n < Math.min(BATCH, groupSize.get(key.split('|').slice(0, 2).join('|')) ?? 0),
    );
    console.info(`relinking: release batches (group|xmin → size): ${[...batches.values()].join(', ')}`);
    expect(small, 'release batches smaller than the promised anonymity set').toEqual([]);
  });

  it('leaves no row of any other table written in the same transaction as an answer row', async () => {
    const tables = await t.deps.db.execute<{ table_name: string }>(
      sql`select table_name from information_schema.tables
          where table_schema = 'public' and table_type = 'BASE TABLE' and table_name <> 'survey_responses'`,
    );
    const shared: string[] = [];
    for (const { table_name } of tables.rows) {
      const n = await t.deps.db.execute<{ n: number }>(
        sql`select count(*)::int as n from ${sql.identifier(table_name)} x
            where x.xmin::text in (select xmin::text from survey_responses)`,
      );
      if ((n.rows[0]?.n ?? 0) > 0) shared.push(`${table_name}: ${n.rows[0]?.n}`);
    }
    expect(shared).toEqual([]);
  });

  it('lets no attack on system columns, order, day + duration or the audit log beat chance', async () => {
    const answers = await answerRows();
    const cols = await t.deps.db.execute<{ column_name: string }>(
      sql`select column_name from information_schema.columns where table_name = 'survey_responses'`,
    );
    const keepsBands = cols.rows.some((c) => c.column_name === 'duration_band');
    const results = runAttacks(
      await markRows(keepsBands),
      answers,
      (m) => 1 / Math.min(BATCH, groupSize.get(m.group) ?? 1),
    );
    console.info(
      [
        'relinking attacks (right guesses / guesses; expected by chance; P(at least this many by chance)):',
        ...results.map(
          (r) =>
            `  ${r.attack.padEnd(72)} ${String(r.correct).padStart(3)}/${String(r.guesses).padEnd(3)} expected ${r.expected.toFixed(1).padStart(4)}  P=${r.pValue.toPrecision(2)}`,
        ),
      ].join('\n'),
    );
    // 0.001 over all attacks together (Bonferroni): the shuffles are random, and CI must not flake.
    const alpha = 0.001 / results.length;
    const beating = results
      .filter((r) => r.pValue < alpha)
      .map((r) => `${r.attack}: ${r.correct}/${r.guesses}`);
    expect(beating).toEqual([]);
  });
});
