// Public results and open data: no session, everyone allowed (anonymous too), and everyone gets the same: only
// the publication in effect. results.cases.ts publishes the year's second run and keeps the first under
// embargo until 2030 (its DELETE case later cancels that publication), every figure of the two runs differing.
// Each answer is checked as it comes back, for every role and side (`answer`: while the embargo holds), and
// again after every case (`contents`: once the embargoed publication is cancelled), against a reference
// computed here from the tables and the pure rule (core effectivePublication), not from the SQL under test:
// the publication's id where the answer names one, and every figure (totals, mean, instrument, indicator and
// OIT item scores) equal to its run's stored one — never the other run's. Agency pages name the target agency
// by its code, which the published run holds.
import { parse } from 'csv-parse/sync';
import { eq } from 'drizzle-orm';
import { effectivePublication } from '../../src/core/results/visibility.ts';
import { agencies, agencyResults, processingRuns, publications } from '../../src/db/schema/index.ts';
import {
  DATASET_NAMES,
  type DatasetName,
  FORMATS,
  type Format,
} from '../../src/modules/public-results/open-data.ts';
import { YEAR } from '../../src/modules/quality/quality.fixture.testing.ts';
import { type Answer, everyone, type MatrixCase } from './cases.ts';
import type { ContentCheck } from './contents.ts';
import type { AgencySide, World } from './world.ts';

type Stored = typeof agencyResults.$inferSelect;
/** One run's stored results, by agency code. */
type RunResults = Map<string, Stored>;
/** Figures by key ("total:AGENCY-A", "indicators:AGENCY-A 1", …); null = no value. */
type Figures = Map<string, number | null>;
// biome-ignore lint/suspicious/noExplicitAny: JSON answers are walked loosely; the checks say what they expect.
type Json = any;

interface Reference {
  publicationId: string;
  /** The run of the publication in effect. */
  shown: RunResults;
  /** The year's other runs with results: none of their figures may show. */
  hidden: RunResults[];
}

/** The publication in effect now and the year's stored results, from the tables. */
async function reference(w: World): Promise<Reference | string> {
  const rows = await w.db.select().from(publications).where(eq(publications.year, YEAR));
  const effective = effectivePublication(
    rows.map((p) => ({ ...p, cancelled: p.cancelledAt !== null })),
    w.t.deps.now(),
  );
  if (!effective) return 'the fixture has no publication in effect';
  if (!rows.some((p) => p.runId !== effective.runId))
    return 'the fixture has no publication of another run (embargoed or cancelled) to withhold';
  const stored = await w.db
    .select({ code: agencies.code, result: agencyResults })
    .from(agencyResults)
    .innerJoin(agencies, eq(agencies.id, agencyResults.agencyId))
    .innerJoin(processingRuns, eq(processingRuns.id, agencyResults.runId))
    .where(eq(processingRuns.year, YEAR));
  const byRun = new Map<string, RunResults>();
  for (const { code, result } of stored) {
    const run = byRun.get(result.runId) ?? new Map();
    run.set(code, result);
    byRun.set(result.runId, run);
  }
  const shown = byRun.get(effective.runId);
  if (!shown) return 'the publication in effect has no stored results';
  byRun.delete(effective.runId);
  return { publicationId: effective.id, shown, hidden: [...byRun.values()] };
}

/** What the public sees of a stored result, by kind (fixture: no group is small, so nothing is withheld). */
const FIGURES = {
  total: (s: Stored) => [['', Number(s.total)]],
  instruments: (s: Stored) => Object.entries(s.instruments).map(([code, i]) => [code, i.score ?? null]),
  indicators: (s: Stored) => Object.entries(s.indicators),
  // The bundled framework's open-data instrument, as the fixture stores its item scores.
  oit: (s: Stored) => Object.entries(s.questions.OIT ?? {}),
} satisfies Record<string, (s: Stored) => [string, number | null][]>;
type Kind = keyof typeof FIGURES;

const keyOf = (kind: Kind, agency: string, part = '') => `${kind}:${agency}${part === '' ? '' : ` ${part}`}`;

/** The figures of `kinds` of the agencies `codes` (all of the run when omitted). */
function figuresOf(run: RunResults, kinds: readonly Kind[], codes?: readonly string[]): Figures {
  const out: Figures = new Map();
  for (const [code, s] of run)
    if (codes === undefined || codes.includes(code))
      for (const kind of kinds) for (const [part, v] of FIGURES[kind](s)) out.set(keyOf(kind, code, part), v);
  return out;
}

const same = (a: number | null | undefined, b: number | null | undefined) =>
  a === b || (typeof a === 'number' && typeof b === 'number' && Math.abs(a - b) < 0.01);

/**
 * The answer's figures against the publication's run (each there and equal, none more), and the fixture's
 * runs must differ in at least one of them, or serving the wrong run would go unseen.
 */
function compare(
  what: string,
  ref: Reference,
  got: Figures,
  expectedOf: (run: RunResults) => Figures,
): string[] {
  const expected = expectedOf(ref.shown);
  const problems: string[] = [];
  if (expected.size === 0) problems.push(`${what}: nothing of the publication in effect to compare`);
  for (const [key, value] of expected) {
    if (!got.has(key)) problems.push(`${what}: no ${key}`);
    else if (!same(got.get(key), value)) {
      const other = ref.hidden.some((h) => same(expectedOf(h).get(key), got.get(key)));
      problems.push(
        `${what}: ${key} is ${got.get(key)}, the publication in effect has ${value}${other ? ' (the figure of a run not in effect)' : ''}`,
      );
    }
  }
  for (const key of got.keys())
    if (!expected.has(key)) problems.push(`${what}: ${key}, not in the publication in effect`);
  const tells = ref.hidden.some((h) => {
    const other = expectedOf(h);
    return [...expected].some(([key, v]) => other.has(key) && !same(other.get(key), v));
  });
  if (!tells) problems.push(`${what}: the fixture's runs agree here, so serving the wrong one would pass`);
  return problems;
}

const publicationProblem = (what: string, ref: Reference, id: unknown) =>
  id === ref.publicationId ? [] : [`${what}: publication ${id}, the one in effect is ${ref.publicationId}`];

const number = (v: unknown): number | null =>
  v === null || v === '' || v === undefined ? null : typeof v === 'number' ? v : Number(v);

/** How each dataset's rows carry figures: the kind, the key's parts and the value column. */
const DATASET_FIGURES: Record<DatasetName, { kind: Kind; part: string | null; value: string }> = {
  agencies: { kind: 'total', part: null, value: 'total' },
  instruments: { kind: 'instruments', part: 'instrument_code', value: 'score' },
  indicators: { kind: 'indicators', part: 'indicator_code', value: 'score' },
  'oit-items': { kind: 'oit', part: 'item_code', value: 'score' },
};

type Check = (w: World, target: AgencySide, a: Answer) => Promise<string[]>;

/** Runs `check` on an answer of status 200 against the reference of now. */
const withReference =
  (what: string, check: (ref: Reference, a: Answer, target: AgencySide) => string[]): Check =>
  async (w, target, a) => {
    if (a.status !== 200) return [`${what}: ${a.status} ${a.body.slice(0, 200)}`];
    const ref = await reference(w);
    return typeof ref === 'string' ? [ref] : check(ref, a, target);
  };

const mean = (run: RunResults) => {
  const totals = [...run.values()].map((s) => Number(s.total));
  return totals.reduce((x, y) => x + y, 0) / totals.length;
};

const yearsCheck = withReference('years', (ref, a) => {
  const item = (a.json as Json).items.find((i: Json) => i.year === YEAR);
  if (!item) return [`years: no ${YEAR}`];
  return [
    ...publicationProblem('years', ref, item.publication?.id),
    ...(item.agencies === ref.shown.size
      ? []
      : [`years: ${item.agencies} agencies, published ${ref.shown.size}`]),
  ];
});

const overviewCheck = withReference('overview', (ref, a) => {
  const o = a.json as Json;
  return [
    ...publicationProblem('overview', ref, o.publication?.id),
    ...compare(
      'overview',
      ref,
      new Map([
        ['mean', o.mean],
        ['agencies', o.agencies],
      ]),
      (run) =>
        new Map([
          ['mean', mean(run)],
          ['agencies', run.size],
        ]),
    ),
  ];
});

const searchCheck = withReference('search', (ref, a) => {
  const items: Json[] = (a.json as Json).items;
  const codes = items.map((i) => i.code as string);
  const got: Figures = new Map(items.map((i) => [keyOf('total', i.code), i.total]));
  return compare('search', ref, got, (run) => figuresOf(run, ['total'], codes));
});

const agencyPageCheck = withReference('agency page', (ref, a, target) => {
  const p = a.json as Json;
  const code = target.agency.code;
  if (p.agency?.code !== code) return [`agency page of ${p.agency?.code}, asked ${code}`];
  const got: Figures = new Map([[keyOf('total', code), p.total]]);
  for (const [kind, list] of [
    ['instruments', p.instruments],
    ['indicators', p.indicators],
    ['oit', p.oitItems],
  ] as const)
    for (const x of list as Json[]) got.set(keyOf(kind, code, x.code), x.score);
  return [
    ...publicationProblem('agency page', ref, p.publication?.id),
    ...compare('agency page', ref, got, (run) =>
      figuresOf(run, ['total', 'instruments', 'indicators', 'oit'], [code]),
    ),
  ];
});

const datasetCheck = (name: DatasetName, format: Format) =>
  withReference(`${name}.${format}`, (ref, a) => {
    const what = `${name}.${format}`;
    const json = a.json as Json;
    const rows: Record<string, unknown>[] =
      format === 'json' ? json.rows : parse(a.body, { bom: true, columns: true });
    const { kind, part, value } = DATASET_FIGURES[name];
    const got: Figures = new Map(
      rows.map((r) => [
        keyOf(kind, String(r.agency_code), part === null ? '' : String(r[part])),
        number(r[value]),
      ]),
    );
    if (rows.length !== got.size) return [`${what}: a row twice`];
    return [
      ...(format === 'json' ? publicationProblem(what, ref, json.publication?.id) : []),
      // Only the agencies file names the publication on each row.
      ...rows.flatMap((r) =>
        r.publication_id === undefined ? [] : publicationProblem(`${what} row`, ref, r.publication_id),
      ),
      ...compare(what, ref, got, (run) => figuresOf(run, [kind])),
    ];
  });

/** The case's `answer` (every role and side, as the cases run) and `contents` (after all cases, side A). */
const published = (
  check: Check,
  urlOf: (target: AgencySide) => string,
): Pick<MatrixCase, 'answer' | 'contents'> => ({
  answer: (w, a) => check(w, w.target, a),
  contents: (async (c) => check(c.w, c.w.A, await c.get(urlOf(c.w.A)))) satisfies ContentCheck,
});

const route = (name: string, urlOf: (target: AgencySide) => string, check: Check): MatrixCase => ({
  name,
  method: 'GET',
  url: (w) => urlOf(w.target),
  expect: everyone(),
  ...published(check, urlOf),
});

export const cases: MatrixCase[] = [
  route('GET /api/public/results', () => '/api/public/results', yearsCheck),
  route('GET /api/public/results/:year', () => `/api/public/results/${YEAR}`, overviewCheck),
  route(
    'GET /api/public/results/:year/agencies',
    () => `/api/public/results/${YEAR}/agencies?q=AGENCY`,
    searchCheck,
  ),
  route(
    'GET /api/public/results/:year/agencies (a province page: filtered by province)',
    () => `/api/public/results/${YEAR}/agencies?province=TH-P1&type=sao`,
    searchCheck,
  ),
  route(
    'GET /api/public/results/:year/agencies/:code',
    (target) => `/api/public/results/${YEAR}/agencies/${encodeURIComponent(target.agency.code)}`,
    agencyPageCheck,
  ),
  {
    name: 'GET /api/public/open-data/dictionary',
    method: 'GET',
    url: () => '/api/public/open-data/dictionary',
    expect: everyone(),
    contents: { unscoped: 'the data dictionary and licence (no data)' },
  },
  ...DATASET_NAMES.flatMap((name) =>
    FORMATS.map((format) =>
      route(
        `GET /api/public/open-data/:year/${name}.${format}`,
        () => `/api/public/open-data/${YEAR}/${name}.${format}`,
        datasetCheck(name, format),
      ),
    ),
  ),
];
