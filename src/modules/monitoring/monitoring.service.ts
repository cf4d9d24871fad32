// Monitoring use cases: the progress matrix and roll-up over the actor's scope (and their XLSX), and the
// home page's to-do list for every role. Each first authorizes, then gathers the scope's facts in a few
// set-based queries (monitoring.facts.ts) and applies the one progress rule.
import type { Writable } from 'node:stream';
import type { AppDeps } from '../../app/context.ts';
import { type PrebuiltJson, prebuildJson } from '../../app/prebuilt.ts';
import { type Actor, authorize } from '../../core/authz.ts';
import { bangkokToday } from '../../core/calendar.ts';
import { agencyProgress, selectionKey } from './monitoring.facts.ts';
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
import { sharedFor } from './monitoring.shared.ts';
import { writeMatrixXlsx, writeRollupXlsx } from './monitoring.xlsx.ts';

type Deps = Pick<AppDeps, 'db' | 'now' | 'config'>;

/** Every agency of the actor's scope taking part in the year, filtered, presented (not yet sorted). */
async function scopeRows(deps: Deps, actor: Actor, year: number, f: MatrixFilter) {
  const now = deps.now();
  const set = await agencyProgress(deps.db, {
    year,
    now,
    select: { actor },
    maxAgeMs: deps.config.monitoring.cacheMs,
    provinceCode: f.province,
    ministryCode: f.ministry,
    agencyType: f.type,
  });
  const rows = set.rows.map((r) => presentRow(r, set.names));
  return { set, today: bangkokToday(now), rows: rows.filter((r) => matchesFilter(r, f)) };
}

const matrixBodies = sharedFor<PrebuiltJson>();

/**
 * The matrix as its answer's bytes (JSON and gzip), shared for the configured seconds between requests of
 * the same scope and query: concurrent asks wait for one computation, which is checked against the response
 * schema, serialized and compressed once. Each request still authorizes and keys by its own actor's scope.
 */
export async function progressMatrixAnswer(
  deps: Deps,
  actor: Actor | null,
  year: number,
  q: MatrixQuery,
): Promise<PrebuiltJson> {
  authorize(actor, 'monitoring.matrix', null);
  const key = [year, selectionKey({ actor }), JSON.stringify(q)].join('#');
  return matrixBodies(key, deps.config.monitoring.cacheMs, async () =>
    prebuildJson(ZMatrix.parse(await progressMatrix(deps, actor, year, q))),
  );
}

export async function progressMatrix(
  deps: Deps,
  actor: Actor | null,
  year: number,
  q: MatrixQuery,
): Promise<Matrix> {
  authorize(actor, 'monitoring.matrix', null);
  const { set, today, rows } = await scopeRows(deps, actor, year, q);
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

/** A workbook ready to stream: authorization and the data are done before the first byte is sent. */
export interface XlsxDownload {
  filename: string;
  write(out: Writable): Promise<void>;
}

/** The whole filtered, sorted matrix as XLSX. */
export async function progressMatrixXlsx(
  deps: Deps,
  actor: Actor | null,
  year: number,
  q: Omit<MatrixQuery, 'page' | 'pageSize'>,
): Promise<XlsxDownload> {
  authorize(actor, 'monitoring.matrix', null);
  const { set, today, rows } = await scopeRows(deps, actor, year, q);
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
  const { today, rows } = await scopeRows(deps, actor, year, q);
  return { year, today, by: q.by, ...rollUp(rows, q.by) };
}

export async function progressRollupXlsx(
  deps: Deps,
  actor: Actor | null,
  year: number,
  q: RollupQuery,
): Promise<XlsxDownload> {
  authorize(actor, 'monitoring.rollup', null);
  const { today, rows } = await scopeRows(deps, actor, year, q);
  const { total, groups } = rollUp(rows, q.by);
  return {
    filename: `ita-monitoring-${year}-by-${q.by}-${today}.xlsx`,
    write: (out) => writeRollupXlsx(out, { year, today, by: q.by }, total, groups),
  };
}
