// One chunk of a processing run: read every input of the chunk's agencies through the owning modules, score
// each agency from answer counts (the same arithmetic as the calculator, see core/scoring/counts.ts), and
// say why each instrument was or was not processed. Pure apart from the reads; the worker stores the result.
import { createHash } from 'node:crypto';
import type { Framework } from '../../core/framework/schema.ts';
import type { ResultDetails } from '../../core/results/details.ts';
import { marginOfError } from '../../core/results/margin.ts';
import {
  type AnswerCount,
  type AnswerValue,
  type CountsInput,
  type InstrumentCounts,
  type ScoreResult,
  scoreFromCounts,
} from '../../core/scoring/index.ts';
import type { DbOrTx } from '../../db/client.ts';
import type { InstrumentResult } from '../../db/schema/results.ts';
import type { ProcessingSubject } from '../agencies/index.ts';
import { confirmedOitScores } from '../oit/index.ts';
import { instrumentCounts } from '../responses/index.ts';
import { approvedPopulations, minimumsFor, type Populations } from '../stakeholders/index.ts';
import { type PhaseTimings, timed, timedSync } from './timings.ts';

/** What one agency's result is made of; the sha256 of its canonical JSON is the agency's inputs hash. */
export interface AgencyInputs {
  agencyId: string;
  input: CountsInput;
  populations: Populations;
  /** Per survey instrument, its minimum sample (null: unknown — population not approved, no table row). */
  minimums: Record<string, number | null>;
  /** What the report needs beside the scores (details.ts attaches it); hashed with the rest. */
  details?: ResultDetails | null;
}

export interface AgencyOutcome {
  agencyId: string;
  result: ScoreResult;
  instruments: Record<string, InstrumentResult>;
  inputsHash: string;
}

/** Every input of the chunk's agencies, read through the modules that own them. */
export async function readInputs(
  db: DbOrTx,
  framework: Framework,
  year: number,
  subjects: readonly ProcessingSubject[],
  timings?: PhaseTimings,
): Promise<AgencyInputs[]> {
  const ids = subjects.map((s) => s.id);
  // One after another on one connection: the worker reads chunks side by side instead.
  const [counted, populations, oit] = await db.transaction(async (tx) => [
    await timed(timings, 'read: answer counts', instrumentCounts(tx, year, ids)),
    await timed(timings, 'read: populations', approvedPopulations(tx, year, ids)),
    await timed(timings, 'read: OIT scores', confirmedOitScores(tx, year, ids)),
  ]);
  const t0 = performance.now();
  const counts = new Map<string, Record<string, InstrumentCounts>>();
  for (const c of counted) {
    const own = counts.get(c.agencyId) ?? {};
    counts.set(c.agencyId, own);
    own[c.instrument] = canonicalCounts(c.respondents, c.answers);
  }

  const assembled = subjects.map((s) => {
    const pops = populations.get(s.id) ?? { iitPopulation: null, eitPopulation: null };
    const minimums = minimumsFor(framework, s, pops);
    const oitScores = oit.get(s.id);
    const populationEntered: Record<string, boolean> = {};
    const minimumSample: Record<string, number> = {};
    for (const inst of framework.instruments) {
      if (inst.processing.includes('population_entered'))
        populationEntered[inst.code] = populationOf(inst.collection, pops) !== null;
      // An unknown minimum (the population it derives from is not approved, or the framework's table has
      // no row for the agency) cannot be shown to be met: the instrument is not processed.
      if (inst.processing.includes('minimum_sample'))
        minimumSample[inst.code] = minimums[inst.code] ?? Number.MAX_SAFE_INTEGER;
    }
    // Every instrument the agency has responses to goes in, also one the framework does not know: scoring
    // then refuses it (fail closed) rather than the run dropping answers silently.
    const input: CountsInput = {
      agencyType: s.type,
      counts: counts.get(s.id) ?? {},
      oit: oitScores ?? {},
      processing: {
        registered: s.registered,
        populationEntered,
        minimumSample,
        oitAnswered: oitScores !== undefined,
      },
    };
    return { agencyId: s.id, input, populations: pops, minimums };
  });
  timings?.add('inputs: assemble (JS)', performance.now() - t0);
  return assembled;
}

const populationOf = (collection: string, p: Populations) =>
  collection === 'internal_staff' ? p.iitPopulation : p.eitPopulation;

/** Scores one agency: the engine's result plus n, minimum, population and margin per instrument. */
export function scoreAgency(
  framework: Framework,
  frameworkVersion: number,
  inputs: AgencyInputs,
  timings?: PhaseTimings,
): AgencyOutcome {
  const result = timedSync(timings, 'score (JS)', () => scoreFromCounts(framework, inputs.input));
  const instruments: Record<string, InstrumentResult> = {};
  for (const inst of framework.instruments) {
    const survey = inst.collection !== 'open_data';
    const n = survey ? (inputs.input.counts[inst.code]?.respondents ?? 0) : null;
    const population = survey ? populationOf(inst.collection, inputs.populations) : null;
    instruments[inst.code] = {
      score: result.instruments[inst.code] ?? null,
      n,
      minimum: survey ? (inputs.minimums[inst.code] ?? null) : null,
      population,
      marginOfError: n === null || population === null ? null : round2(marginOfError(n, population)),
      notProcessed: result.notProcessed[inst.code] ?? null,
    };
  }
  return {
    agencyId: inputs.agencyId,
    result,
    instruments,
    inputsHash: timedSync(timings, 'inputs hash (JS)', () =>
      inputsHash(framework.year, frameworkVersion, inputs),
    ),
  };
}

const round2 = (x: number | null) => (x === null ? null : Math.round(x * 100) / 100);

/** sha256 of the agency's inputs in canonical JSON (keys sorted, answers in canonical order). */
export function inputsHash(year: number, frameworkVersion: number, inputs: AgencyInputs): string {
  return sha256(canonicalJson({ year, frameworkVersion, ...inputs }));
}

/** The run's inputs hash: over every agency's, in agency id order, with the framework version. */
export function runInputsHash(
  frameworkVersion: number,
  perAgency: readonly { agencyId: string; inputsHash: string }[],
): string {
  const lines = [...perAgency]
    .sort((a, b) => compare(a.agencyId, b.agencyId))
    .map((a) => `${a.agencyId}:${a.inputsHash}`);
  return sha256(`framework-version:${frameworkVersion}\n${lines.join('\n')}`);
}

const sha256 = (s: string) => createHash('sha256').update(s).digest('hex');
const compare = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** JSON with object keys in code-unit order (what jsonb equality ignores). */
export function canonicalJson(value: unknown): string {
  if (value === null || value === undefined || typeof value !== 'object')
    return JSON.stringify(value ?? null);
  const known = canonicalOf.get(value);
  if (known !== undefined) return known;
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => compare(a, b));
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
}

// The canonical JSON of counts built by canonicalCounts, made while they were sorted: hashing an agency's
// inputs then does not serialize its answers a second time (bench:process). Weak: gone with the counts.
const canonicalOf = new WeakMap<object, string>();

/**
 * One instrument's counts with questions and answers in the order of their canonical JSON, so equal inputs
 * hash equally; its canonical JSON is remembered for canonicalJson (the same text it would build).
 */
export function canonicalCounts(
  respondents: number,
  answers: Record<string, readonly (readonly [answer: unknown, count: number])[]>,
): InstrumentCounts {
  const sorted: Record<string, AnswerCount[]> = {};
  const json: string[] = [];
  for (const question of Object.keys(answers).sort(compare)) {
    const list = (answers[question] ?? [])
      .map(([answer, count]) => ({ key: canonicalJson(answer), answer, count }))
      .sort((x, y) => compare(x.key, y.key));
    sorted[question] = list.map((a) => ({ answer: a.answer as AnswerValue, count: a.count }));
    const items = list.map((a) => `{"answer":${a.key},"count":${canonicalJson(a.count)}}`);
    json.push(`${JSON.stringify(question)}:[${items.join(',')}]`);
  }
  const counts: InstrumentCounts = { respondents, answers: sorted };
  canonicalOf.set(counts, `{"answers":{${json.join(',')}},"respondents":${canonicalJson(respondents)}}`);
  return counts;
}
