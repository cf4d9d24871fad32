// The anonymous microdata export (issue 11 §5), on both drivers: the rows are there and in their columns,
// nothing else is (no ids, times, channel, duration), excluded and held responses are left out, small groups
// are withheld with their agency's other instruments, the order follows the key and not the insertion, the
// batched file equals one COPY of the whole year, each download is audited, and only NACC admins get it.
import { parse } from 'csv-parse/sync';
import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/helpers/app.ts';
import { makeAgency, makeUser } from '../../../test/helpers/factories.ts';
import { microdataColumns } from '../../core/surveys/microdata.ts';
import { readThenCopy } from '../../db/copy.ts';
import { auditLog, heldResponses, participations, responseReviews } from '../../db/schema/index.ts';
import { frameworkForYear, loadBundledFrameworks } from '../frameworks/index.ts';
import { insertReleased } from '../responses/index.ts';
import { microdataChunks, wholeYearSelect } from './microdata.service.ts';

const YEAR = 2568;
const URL = `/api/microdata/${YEAR}/responses.csv`;
const LEVELS = ['none', 'little', 'much', 'most'] as const;

/** An IIT sheet whose i15 sub-items spell `n` in base 4 (0–255): the row's insertion number, readable back. */
const iit = (n: number, extra: Record<string, unknown> = {}) => ({
  i1: { a: 'much', b: 'little' },
  i2: 'most',
  i15: Object.fromEntries(['a', 'b', 'c', 'd'].map((s, k) => [s, LEVELS[Math.floor(n / 4 ** k) % 4]])),
  ...extra,
});
const numberOf = (row: Record<string, string>) =>
  ['a', 'b', 'c', 'd'].reduce((n, s, k) => n + LEVELS.indexOf(row[`i15_${s}`] as never) * 4 ** k, 0);

let t: TestApp;
const ids = {} as Record<'A' | 'B' | 'C' | 'D', string>;
let admin: string;
let supervisor: string;

async function released(agencyId: string, instrument: string, sheets: Record<string, unknown>[]) {
  return insertReleased(
    t.deps.db,
    sheets.map((answers) => ({
      agencyId,
      year: YEAR,
      instrument,
      frameworkVersion: 1,
      answers,
      durationBand: 3,
      channel: instrument === 'EIT2' ? ('interview' as const) : ('web' as const),
      submittedOn: '2025-02-20',
    })),
  );
}

beforeAll(async () => {
  t = await createTestApp();
  const db = t.deps.db;
  await loadBundledFrameworks(db);
  for (const code of ['A', 'B', 'C', 'D'] as const) {
    const a = await makeAgency(db, { code: `MD-${code}` });
    ids[code] = a.id;
    await db.insert(participations).values({
      agencyId: a.id,
      year: YEAR,
      registered: true,
      registeredAt: new Date('2025-01-10T03:00:00Z'),
    });
  }
  // A: IIT 6, EIT1 5, EIT2 5 → shown. Its IIT rows carry their insertion number.
  await released(
    ids.A,
    'IIT',
    [0, 1, 2, 3, 4, 5].map((n) => iit(n)),
  );
  await released(
    ids.A,
    'EIT1',
    Array.from({ length: 5 }, () => ({ e1: 'none', e3: { a: 'yes' } })),
  );
  await released(
    ids.A,
    'EIT2',
    Array.from({ length: 5 }, () => ({ e1: 'much' })),
  );
  // A held (accepted, not released) answer is not in the file.
  await db.insert(heldResponses).values({
    agencyId: ids.A,
    year: YEAR,
    instrument: 'IIT',
    frameworkVersion: 1,
    answers: iit(200),
    channel: 'web',
  });
  // B: IIT 7 but EIT1 3 → every instrument of B withheld (the small group and the others with it).
  await released(
    ids.B,
    'IIT',
    Array.from({ length: 7 }, (_, n) => iit(n)),
  );
  await released(
    ids.B,
    'EIT1',
    Array.from({ length: 3 }, () => ({ e1: 'most' })),
  );
  // C: IIT 6 stored, one excluded by a quality review → 5 counted, shown; the excluded one is not in the file.
  await released(
    ids.C,
    'IIT',
    [10, 11, 12, 13, 14].map((n) => iit(n)),
  );
  const [excluded] = await released(ids.C, 'IIT', [iit(99)]);
  // D: IIT 5 stored, one excluded → 4 counted: withheld.
  await released(
    ids.D,
    'IIT',
    [20, 21, 22, 23].map((n) => iit(n)),
  );
  const [excludedD] = await released(ids.D, 'IIT', [iit(24)]);
  const reviewer = await makeUser(db, { role: 'assessor', username: 'md-reviewer' });
  for (const responseId of [excluded, excludedD] as string[])
    await db.insert(responseReviews).values({
      responseId,
      decision: 'exclude',
      reason: 'test',
      decidedBy: reviewer.id,
      decidedAt: new Date('2025-02-21T03:00:00Z'),
    });
  admin = (await makeUser(db, { role: 'admin', username: 'md-admin' })).username;
  supervisor = (await makeUser(db, { role: 'supervisor', username: 'md-supervisor' })).username;
});
afterAll(async () => t?.close());

function rowsOf(body: string): Record<string, string>[] {
  expect(body.startsWith('\uFEFF')).toBe(true);
  return parse(body.slice(1), { columns: true, skip_empty_lines: true });
}

describe('GET /api/microdata/:year/responses.csv', () => {
  it('streams every counted response of agencies with no small group, in its columns', async () => {
    const res = await (await t.signIn(admin)).get(URL);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(res.headers['cache-control']).toBe('private, no-store');
    expect(res.headers['content-disposition']).toContain(`prongsai-responses-${YEAR}.csv`);
    const rows = rowsOf(res.body);
    const groups = rows.map((r) => `${r.agency_code} ${r.instrument}`);
    expect(groups).toEqual([
      ...Array(5).fill('MD-A EIT1'),
      ...Array(5).fill('MD-A EIT2'),
      ...Array(6).fill('MD-A IIT'),
      ...Array(5).fill('MD-C IIT'),
    ]);
    const [eit1, eit2, iitRow] = [rows[0], rows[5], rows[10]] as Record<string, string>[];
    expect(eit1).toMatchObject({ year: '2568', ES1: 'none', ES3_a: 'yes', ES3_b: '', EP1: '', i2: '' });
    expect(eit2).toMatchObject({ EP1: 'much', ES1: '', i1_a: '' });
    expect(iitRow).toMatchObject({ i1_a: 'much', i1_b: 'little', i2: 'most', i3_a: '', ES1: '' });
    // The held answer (200) and the excluded ones (99, 24) are not there; C's counted rows are.
    const numbers = rows.filter((r) => r.instrument === 'IIT').map(numberOf);
    expect(numbers.sort((a, b) => a - b)).toEqual([0, 1, 2, 3, 4, 5, 10, 11, 12, 13, 14]);
  });

  it('holds nothing but the year, the agency code, the instrument and the answers', async () => {
    const res = await (await t.signIn(admin)).get(URL);
    const [header] = res.body.slice(1).split('\n');
    const { framework } = await frameworkForYear(t.deps.db, YEAR);
    expect(header?.split(',')).toEqual(microdataColumns(framework).map((c) => c.name));
    expect(header?.split(',').slice(0, 4)).toEqual(['year', 'agency_code', 'instrument', 'i1_a']);
    expect(res.body).not.toMatch(/[0-9a-f]{8}-[0-9a-f]{4}-/i); // no id of any kind
    expect(res.body).not.toMatch(/\d{4}-\d{2}-\d{2}|web|interview/); // no day, no channel
    expect(res.body).not.toContain('MD-B');
    expect(res.body).not.toContain('MD-D');
  });

  it('orders the rows of a group by a fresh key each time, not by insertion', async () => {
    const orders = new Set<string>();
    for (let i = 0; i < 4; i++) {
      const rows = rowsOf((await (await t.signIn(admin)).get(URL)).body);
      orders.add(
        rows
          .filter((r) => r.agency_code === 'MD-A' && r.instrument === 'IIT')
          .map(numberOf)
          .join(' '),
      );
    }
    // Four downloads, 720 possible orders of A's six IIT rows: one order four times would be 1 in 373 million.
    expect(orders.size).toBeGreaterThan(1);
  });

  it('is, batch by batch, byte for byte one COPY of the whole year under the same key', async () => {
    const orderKey = 'a'.repeat(32);
    const { framework } = await frameworkForYear(t.deps.db, YEAR);
    const columns = microdataColumns(framework);
    const batched = await text(microdataChunks(t.deps.db, YEAR, columns, { orderKey, agenciesPerBatch: 1 }));
    const select = await wholeYearSelect(t.deps.db, YEAR, orderKey);
    const whole = await text(readThenCopy(t.deps.db, sql`select 1`, () => sql.raw(select)));
    expect(batched.slice(batched.indexOf('\n') + 1)).toBe(whole);
    expect(whole.split('\n').length - 1).toBe(21);
    // Same key, same bytes: the order depends on the key and the rows alone.
    const again = await text(microdataChunks(t.deps.db, YEAR, columns, { orderKey, agenciesPerBatch: 3 }));
    expect(again).toBe(batched);
  });

  it('audits each download (by whom, the year, the columns)', async () => {
    const before = await audits();
    await (await t.signIn(admin)).get(URL);
    const after = await audits();
    expect(after.length).toBe(before.length + 1);
    expect(after.at(-1)).toMatchObject({ action: 'export', entityId: String(YEAR), agencyId: null });
    const last = after.at(-1);
    expect(last?.after).toMatchObject({ year: YEAR, frameworkVersion: 1 });
    expect(JSON.stringify(last?.after)).toContain('"EP9"');
  });

  it('is refused to everyone but NACC admins, and for a year without a framework', async () => {
    expect((await (await t.signIn(supervisor)).get(URL)).statusCode).toBe(403);
    expect((await t.anonymous().get(URL)).statusCode).toBe(401);
    const res = await (await t.signIn(admin)).get('/api/microdata/2600/responses.csv');
    expect(res.statusCode).toBe(404);
    expect(res.json().error.code).toBe('framework_not_found');
    expect((await (await t.signIn(admin)).get('/api/microdata/25x/responses.csv')).statusCode).toBe(400);
  });
});

describe('GET /api/microdata/:year/dictionary.csv', () => {
  it('describes every column of the file in Thai and English, with the values', async () => {
    const res = await (await t.signIn(admin)).get(`/api/microdata/${YEAR}/dictionary.csv`);
    expect(res.statusCode).toBe(200);
    const rows = parse(res.body.slice(1), { columns: true }) as Record<string, string>[];
    const { framework } = await frameworkForYear(t.deps.db, YEAR);
    expect(rows.map((r) => r.column)).toEqual(microdataColumns(framework).map((c) => c.name));
    const es3a = rows.find((r) => r.column === 'ES3_a');
    expect(es3a).toMatchObject({
      instrument: 'EIT1',
      question_code: 'e3',
      display_code: 'ES3',
      sub_item: 'a',
    });
    expect(es3a?.values).toMatch(/^yes = .+; no = .+/);
    expect(es3a?.description_th?.length).toBeGreaterThan(5);
    expect((await (await t.signIn(supervisor)).get(`/api/microdata/${YEAR}/dictionary.csv`)).statusCode).toBe(
      403,
    );
  });
});

async function text(chunks: AsyncIterable<Uint8Array>): Promise<string> {
  const parts: Buffer[] = [];
  for await (const c of chunks) parts.push(Buffer.from(c));
  return Buffer.concat(parts).toString('utf8');
}

const audits = () =>
  t.deps.db.select().from(auditLog).where(eq(auditLog.entityType, 'microdata_export')).orderBy(auditLog.seq);
