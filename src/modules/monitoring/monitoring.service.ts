// Monitoring use cases: the progress matrix and roll-up over the actor's scope (and their XLSX), and the
// home page's to-do list for every role. Each first authorizes, then gathers the scope's facts in a few
// set-based queries (monitoring.facts.ts) and applies the one progress rule.
import type { AppDeps } from '../../app/context.ts';
import { type PrebuiltJson, prebuildJson } from '../../app/prebuilt.ts';
import type { XlsxDownload } from '../../app/xlsx-stream.ts';
import { type Actor, authorize } from '../../core/authz.ts';
import { bangkokToday } from '../../core/calendar.ts';
import { type ProgressFacts, type ProgressSet, progressAt, progressFacts } from './monitoring.facts.ts';
import { matchesFilter, rollUp, sortRows } from './monitoring.matrix.ts';
import { presentRow, stageInfo } from './monitoring.present.ts';
import {
  type Matrix,
  type MatrixFilter,
  type MatrixQuery,
  type Rollup,
  type RollupQuery,
  ZMatrix,
} from './monitoring.schema.ts';
import { writeMatrixXlsx, writeRollupXlsx } from './monitoring.xlsx.ts';

type Deps = Pick<AppDeps, 'db' | 'now' | 'config'>;

/** The facts of the actor's scope (and the filters read in SQL), shared for the configured seconds. */
function scopeFacts(deps: Deps, actor: Actor, year: number, f: MatrixFilter): Promise<ProgressFacts> {
  return progressFacts(deps.db, {
    year,
    select: { actor },
    maxAgeMs: deps.config.monitoring.cacheMs,
    provinceCode: f.province,
    ministryCode: f.ministry,
    agencyType: f.type,
  });
}

/** Every agency of the facts, progress at now, filtered, presented (not yet sorted). */
function scopeRows(deps: Deps, facts: ProgressFacts, f: MatrixFilter) {
  const now = deps.now();
  const set: ProgressSet = progressAt(facts, now);
  const rows = set.rows.map((r) => presentRow(r, set.names));
  return { set, today: bangkokToday(now), rows: rows.filter((r) => matchesFilter(r, f)) };
}

// The matrix answers made from one reading of a scope's facts, per query, kept beside those facts (they go
// when the facts are read again). At most MAX_BODIES per reading; past that, answers are made per request.
const MAX_BODIES = 100;
const matrixBodies = new WeakMap<ProgressFacts, Map<string, Promise<PrebuiltJson>>>();

/**
 * The matrix as its answer's bytes (JSON and gzip). The scope's facts are shared for the configured seconds
 * (MONITORING_CACHE_SECONDS) between requests of the same scope and filters (monitoring.shared.ts: one read
 * for concurrent asks, the next read started ahead of time); the answer for a query is made from them once —
 * progress worked out at that moment, checked against the response schema, serialized and compressed —
 * and sent as the same bytes until the facts are read again. Each request still authorizes and keys by its
 * own actor's scope.
 */
export async function progressMatrixAnswer(
  deps: Deps,
  actor: Actor | null,
  year: number,
  q: MatrixQuery,
): Promise<PrebuiltJson> {
  authorize(actor, 'monitoring.matrix', null);
  const facts = await scopeFacts(deps, actor, year, q);
  let bodies = matrixBodies.get(facts);
  if (!bodies) {
    bodies = new Map();
    matrixBodies.set(facts, bodies);
  }
  const key = JSON.stringify(q);
  const kept = bodies.get(key);
  if (kept) return kept;
  const body = prebuildJson(ZMatrix.parse(matrixOf(scopeRows(deps, facts, q), year, q)));
  if (bodies.size < MAX_BODIES) {
    bodies.set(key, body);
    body.catch(() => bodies.delete(key));
  }
  return body;
}

export async function progressMatrix(
  deps: Deps,
  actor: Actor | null,
  year: number,
  q: MatrixQuery,
): Promise<Matrix> {
  authorize(actor, 'monitoring.matrix', null);
  return matrixOf(scopeRows(deps, await scopeFacts(deps, actor, year, q), q), year, q);
}

function matrixOf({ set, today, rows }: ReturnType<typeof scopeRows>, year: number, q: MatrixQuery): Matrix {
  const sorted = sortRows(rows, q.sort, q.dir);
  const start = (q.page - 1) * q.pageSize;
  return {
    year,
    today,
    total: sorted.length,
    page: q.page,
    pageSize: q.pageSize,
    stages: stageInfo(set.framework),
    summary: {
      agencies: rows.length,
      behind: rows.filter((r) => r.behind > 0).length,
      overdue: rows.filter((r) => r.overdueStages > 0).length,
    },
    items: sorted.slice(start, start + q.pageSize),
  };
}

/** The whole filtered, sorted matrix as XLSX. */
export async function progressMatrixXlsx(
  deps: Deps,
  actor: Actor | null,
  year: number,
  q: Omit<MatrixQuery, 'page' | 'pageSize'>,
): Promise<XlsxDownload> {
  authorize(actor, 'monitoring.matrix', null);
  const { set, today, rows } = scopeRows(deps, await scopeFacts(deps, actor, year, q), q);
  const stages = stageInfo(set.framework);
  const sorted = sortRows(rows, q.sort, q.dir);
  return {
    filename: `ita-monitoring-${year}-${today}.xlsx`,
    write: (out) => writeMatrixXlsx(out, { year, today }, stages, sorted),
  };
}

export async function progressRollup(
  deps: Deps,
  actor: Actor | null,
  year: number,
  q: RollupQuery,
): Promise<Rollup> {
  authorize(actor, 'monitoring.rollup', null);
  const { today, rows } = scopeRows(deps, await scopeFacts(deps, actor, year, q), q);
  return { year, today, by: q.by, ...rollUp(rows, q.by) };
}

export async function progressRollupXlsx(
  deps: Deps,
  actor: Actor | null,
  year: number,
  q: RollupQuery,
): Promise<XlsxDownload> {
  authorize(actor, 'monitoring.rollup', null);
  const { today, rows } = scopeRows(deps, await scopeFacts(deps, actor, year, q), q);
  const { total, groups } = rollUp(rows, q.by);
  return {
    filename: `ita-monitoring-${year}-by-${q.by}-${today}.xlsx`,
    write: (out) => writeRollupXlsx(out, { year, today, by: q.by }, total, groups),
  };
}
