// Use cases on yearly frameworks. Reading a framework, scoring published aggregates and computing minimum
// samples are public (the methodology is public, and the calculator helps anyone check a result), so
// those methods take no actor; importing is an admin action and authorizes first.
import type { AppDeps } from '../../app/context.ts';
import { type Actor, authorize } from '../../core/authz.ts';
import { invalid, notFound } from '../../core/errors.ts';
import type { Framework } from '../../core/framework/schema.ts';
import {
  type AggregatesInput,
  minimumSample,
  ScoringError,
  scoreFromAggregates,
} from '../../core/scoring/index.ts';
import type { DbOrTx } from '../../db/client.ts';
import { appendAudit } from '../audit/index.ts';
import { cachedFramework, forgetYear } from './frameworks.cache.ts';
import { compareView, presentScore, presentSummary } from './frameworks.present.ts';
import {
  definitionOf,
  insertNextVersion,
  newestHead,
  newestHeads,
  newestSummaries,
  versionHead,
} from './frameworks.repo.ts';
import type {
  Compare,
  FrameworkSummary,
  MinSampleQuery,
  ScoreBody,
  ScoreOutput,
} from './frameworks.schema.ts';
import { assertValidFramework, definitionSha256 } from './frameworks.validate.ts';

/** The one place where the scoring engine's typed errors become domain errors (400, Thai and English). */
export function fromEngineError(e: unknown): unknown {
  if (e instanceof ScoringError) return invalid(e.code, e.th, e.en, e.details);
  return e;
}
function withEngineErrors<T>(run: () => T): T {
  try {
    return run();
  } catch (e) {
    throw fromEngineError(e);
  }
}

export const frameworkNotFound = (year: number) =>
  notFound(
    'framework_not_found',
    `ไม่พบกรอบการประเมินของปีงบประมาณ ${year}`,
    `There is no framework for fiscal year ${year}`,
  );

export async function listFrameworks(db: DbOrTx): Promise<FrameworkSummary[]> {
  return (await newestSummaries(db)).map(presentSummary);
}

/** The framework in force for a year (its newest version), parsed once per process and version. */
export async function frameworkForYear(
  db: DbOrTx,
  year: number,
): Promise<{ version: number; framework: Framework }> {
  const head = await newestHead(db, year);
  if (!head) throw frameworkNotFound(year);
  const framework = await cachedFramework(head, () => definitionOf(db, head.year, head.version));
  return { version: head.version, framework };
}

/** The framework in force for each of the years that has one loaded (years without one are left out). */
export async function frameworksForYears(
  db: DbOrTx,
  years: readonly number[],
): Promise<Map<number, Framework>> {
  const heads = await newestHeads(db, years);
  const loaded = await Promise.all(
    heads.map(
      async (h) => [h.year, await cachedFramework(h, () => definitionOf(db, h.year, h.version))] as const,
    ),
  );
  return new Map(loaded);
}

/** One stored version of a year's framework (what a processing run was computed under), parsed once. */
export async function frameworkVersionOf(db: DbOrTx, year: number, version: number): Promise<Framework> {
  const head = await versionHead(db, year, version);
  if (!head) throw frameworkNotFound(year);
  return cachedFramework(head, () => definitionOf(db, head.year, head.version));
}

/** The newest version's definition exactly as stored (not normalized), for download and re-import. */
export async function exportFramework(
  db: DbOrTx,
  year: number,
): Promise<{ year: number; version: number; definition: unknown }> {
  const head = await newestHead(db, year);
  if (!head) throw frameworkNotFound(year);
  return { year, version: head.version, definition: await definitionOf(db, year, head.version) };
}

/** The year's framework beside the one its crosswalk comes from (else the year before), if loaded. */
export async function compareFrameworks(db: DbOrTx, year: number): Promise<Compare> {
  const current = await frameworkForYear(db, year);
  const previousYear = current.framework.crosswalk?.fromYear ?? year - 1;
  const previous = (await newestHead(db, previousYear))
    ? await frameworkForYear(db, previousYear)
    : undefined;
  return compareView(current, previous);
}

export async function importFramework(
  deps: Pick<AppDeps, 'db' | 'now'>,
  actor: Actor | null,
  body: unknown,
): Promise<{ year: number; version: number }> {
  authorize(actor, 'framework.import', null);
  return storeImportedFramework(deps.db, body, { importedBy: actor.userId, actor, now: deps.now() });
}

/**
 * Stores a framework as the year's next version (origin 'import'). Callers authorize first; the CLI
 * calls it directly because whoever runs `prongsai` already holds the database itself.
 */
export async function storeImportedFramework(
  db: DbOrTx,
  body: unknown,
  opts: { importedBy: string | null; actor?: Actor | null; now: Date },
): Promise<{ year: number; version: number }> {
  const framework = assertValidFramework(body);
  const sha256 = definitionSha256(body);
  // Two imports of one year at the same moment race for the same version number: the loser retries.
  for (let attempt = 0; attempt < 5; attempt++) {
    const version = await db.transaction(async (tx) => {
      const stored = await insertNextVersion(tx, {
        year: framework.year,
        definition: body,
        sha256,
        origin: 'import',
        importedBy: opts.importedBy,
        importedAt: opts.now,
      });
      // The official texts in force are a change that matters: audited (the definition by its hash).
      if (stored !== undefined)
        await appendAudit(
          tx,
          {
            actor: opts.actor ?? null,
            entityType: 'framework_version',
            entityId: `${framework.year}:${stored}`,
            action: 'import',
            after: { year: framework.year, version: stored, sha256 },
          },
          opts.now,
        );
      return stored;
    });
    if (version !== undefined) {
      forgetYear(framework.year);
      return { year: framework.year, version };
    }
  }
  throw new Error(`could not store FY${framework.year}: version numbers kept colliding`);
}

/** The calculator: published indicator or instrument scores → instrument scores, total and rating. */
export async function scoreYear(db: DbOrTx, year: number, body: ScoreBody): Promise<ScoreOutput> {
  const { framework } = await frameworkForYear(db, year);
  const result = withEngineErrors(() => scoreFromAggregates(framework, body as AggregatesInput));
  return presentScore(result);
}

export async function minimumSampleForYear(
  db: DbOrTx,
  year: number,
  query: MinSampleQuery,
): Promise<{ year: number; instrument: string; population: number; minimum: number }> {
  const { framework } = await frameworkForYear(db, year);
  const minimum = withEngineErrors(() =>
    minimumSample(framework, query.instrument, {
      population: query.population,
      ...(query.peerGroup === undefined ? {} : { peerGroup: query.peerGroup }),
      ...(query.sizeClass === undefined ? {} : { sizeClass: query.sizeClass }),
    }),
  );
  return { year, instrument: query.instrument, population: query.population, minimum };
}
