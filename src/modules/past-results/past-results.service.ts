// Past years' published results: the import (dry run, then all-or-nothing like the agency import), the
// agency's year-over-year line and the comparison of two years through the crosswalk.
import type { AppDeps } from '../../app/context.ts';
import { type Actor, authorize } from '../../core/authz.ts';
import { conflict, invalid, notFound } from '../../core/errors.ts';
import type { Framework } from '../../core/framework/schema.ts';
import { compareYears, type PastResultProblem, parsePastResults } from '../../core/results/index.ts';
import { agencyIdsByCodes, allow, authorizedAgency } from '../agencies/index.ts';
import { appendAudit } from '../audit/index.ts';
import { frameworkForYear, listFrameworks } from '../frameworks/index.ts';
import { presentComparison, presentLine, ratingOf } from './past-results.present.ts';
import { type NewPastResult, selectAgencyResults, selectStored, writeResults } from './past-results.repo.ts';
import type {
  CompareQuery,
  ImportQuery,
  ImportReport,
  ImportReportRow,
  PastResultsLine,
  YearComparisonView,
} from './past-results.schema.ts';
import { type PastResultsFile, readPastResultsFile } from './past-results.sheet.ts';

type Deps = Pick<AppDeps, 'db' | 'now'>;
const BATCH = 1000;
const FILE_NAME_MAX_LENGTH = 200;
const AGENCY_CODE_HEADERS = ['agency_code', 'รหัสหน่วยงาน'];

/** Every framework in force, by year (cached per version by the frameworks module). */
async function frameworksByYear(deps: Deps): Promise<Map<number, Framework>> {
  const years = (await listFrameworks(deps.db)).map((s) => s.year);
  const loaded = await Promise.all(years.map((y) => frameworkForYear(deps.db, y)));
  return new Map(loaded.map(({ framework }) => [framework.year, framework]));
}

export async function importPastResults(
  deps: Deps,
  actor: Actor | null,
  file: PastResultsFile,
  options: ImportQuery,
): Promise<ImportReport> {
  authorize(actor, 'pastResults.import', null);
  const name =
    file.name.slice(0, FILE_NAME_MAX_LENGTH) || (file.kind === 'csv' ? 'upload.csv' : 'upload.xlsx');
  const table = await readPastResultsFile(file);
  const empty = { new: 0, replace: 0, conflict: 0, invalid: 0 };
  if (!('header' in table))
    return refuseOrReport(options, {
      dryRun: options.dryRun,
      stored: false,
      file: name,
      problems: [table],
      rows: [],
      counts: { rows: 0, ...empty },
    });

  const frameworks = await frameworksByYear(deps);
  const parsed = parsePastResults(table, (y) => frameworks.get(y));
  const codeIndex = table.header.findIndex((h) => AGENCY_CODE_HEADERS.includes(h.trim().toLowerCase()));
  const codeColumn = table.header[codeIndex]?.trim() ?? 'agency_code';
  const cells = new Map(table.rows.map((r) => [r.line, r.cells]));
  /** What an invalid row names as its agency, as written (so the report can say whose row it is). */
  const codeAsWritten = (line: number) => cells.get(line)?.[codeIndex]?.trim().slice(0, 64) || null;
  const okRows = parsed.rows.flatMap((r) => (r.ok ? [r.result] : []));
  const ids = await agencyIdsByCodes(
    deps.db,
    okRows.map((r) => r.agencyCode),
  );
  const stored = await selectStored(
    deps.db,
    [...ids.values()],
    okRows.map((r) => r.year),
  );
  const storedAt = new Map(stored.map((s) => [`${s.agencyId}:${s.year}`, s]));

  const rows = parsed.rows.map((r): ImportReportRow => {
    if (!r.ok)
      return {
        line: r.line,
        status: 'invalid',
        agencyCode: codeAsWritten(r.line),
        agencyId: null,
        year: null,
        total: null,
        rating: null,
        problems: r.problems,
      };
    const { agencyCode, year, total } = r.result;
    const framework = frameworks.get(year) as Framework;
    const base = { line: r.line, agencyCode, year, total, rating: ratingOf(framework, r.result.rating.code) };
    const agencyId = ids.get(agencyCode);
    if (!agencyId) {
      const problem: PastResultProblem = {
        line: r.line,
        column: codeColumn,
        th: `ไม่พบหน่วยงานรหัส ${agencyCode} ในทะเบียนหน่วยงาน`,
        en: `There is no agency with code ${agencyCode} in the registry`,
      };
      return { ...base, status: 'invalid', agencyId: null, problems: [problem] };
    }
    const earlier = storedAt.get(`${agencyId}:${year}`);
    if (!earlier) return { ...base, status: 'new', agencyId, problems: [] };
    if (options.replace) return { ...base, status: 'replace', agencyId, problems: [] };
    const problem: PastResultProblem = {
      line: r.line,
      column: null,
      th: `มีผลการประเมินของหน่วยงาน ${agencyCode} ปี ${year} อยู่แล้ว (จากไฟล์ ${earlier.sourceFile} แถวที่ ${earlier.sourceLine}) หากต้องการแทนที่ให้เลือก "แทนที่ผลเดิม"`,
      en: `Agency ${agencyCode} already has a FY${year} result (from ${earlier.sourceFile}, line ${earlier.sourceLine}); ask to replace it to overwrite it`,
    };
    return { ...base, status: 'conflict', agencyId, problems: [problem] };
  });
  const counts = { rows: rows.length, ...empty };
  for (const r of rows) counts[r.status] += 1;
  const report: ImportReport = {
    dryRun: options.dryRun,
    stored: false,
    file: name,
    problems: parsed.problems,
    rows,
    counts,
  };
  if (options.dryRun || report.problems.length > 0 || counts.invalid + counts.conflict > 0)
    return refuseOrReport(options, report);

  const now = deps.now();
  const values: NewPastResult[] = parsed.rows.flatMap((r, i) => {
    const row = rows[i] as ImportReportRow;
    if (!r.ok || !row.agencyId) return [];
    return [
      {
        agencyId: row.agencyId,
        year: r.result.year,
        total: r.result.total,
        ratingCode: r.result.rating.code,
        instruments: r.result.instruments,
        indicators: r.result.indicators,
        sourceFile: name,
        sourceLine: r.line,
        importedBy: actor.userId,
        importedAt: now,
      },
    ];
  });
  await deps.db.transaction(async (tx) => {
    let written = 0;
    for (let i = 0; i < values.length; i += BATCH)
      written += (await writeResults(tx, values.slice(i, i + BATCH), options.replace)).length;
    // Another import stored one of these agency-years since the check: nothing of this file is kept.
    if (written !== values.length) throw storedMeanwhile();
    const key = (r: ImportReportRow) => `${r.agencyCode}:${r.year}`;
    await appendAudit(
      tx,
      {
        actor,
        entityType: 'past_results_import',
        entityId: now.toISOString(),
        action: 'import',
        // The earlier figures of replaced rows stay in the log: an import never loses a published result.
        before: {
          replaced: rows
            .filter((r) => r.status === 'replace')
            .map((r) => {
              const s = storedAt.get(`${r.agencyId}:${r.year}`);
              return {
                key: key(r),
                total: s?.total,
                rating: s?.ratingCode,
                file: s?.sourceFile,
                line: s?.sourceLine,
              };
            }),
        },
        after: {
          file: name,
          created: rows.filter((r) => r.status === 'new').map(key),
          replaced: rows.filter((r) => r.status === 'replace').map(key),
        },
      },
      now,
    );
  });
  return { ...report, stored: true };
}

/** A dry run answers with the report; an import with any problem is refused (400) with the report. */
function refuseOrReport(options: ImportQuery, report: ImportReport): ImportReport {
  if (options.dryRun) return report;
  throw invalid(
    'past_results_invalid',
    'ไฟล์มีข้อผิดพลาดหรือรายการที่ซ้ำกับผลเดิม จึงยังไม่ได้นำเข้าข้อมูลใด ๆ กรุณาดูรายงานรายแถว แก้ไขแล้วนำเข้าใหม่',
    'The file has problems or rows that conflict with stored results; nothing was imported. See the row-by-row report, fix it and import again',
    report,
  );
}

const storedMeanwhile = () =>
  conflict(
    'past_results_changed',
    'มีการนำเข้าผลของหน่วยงานและปีเดียวกันในระหว่างนี้ จึงยังไม่ได้นำเข้าข้อมูลใด ๆ กรุณาตรวจสอบแล้วนำเข้าใหม่',
    'Results of the same agencies and years were imported meanwhile; nothing was imported. Check again and import again',
  );

/** The agency's published results before this system, oldest first (the same readers as the agency). */
export async function pastResultsLine(
  deps: Deps,
  actor: Actor | null,
  agencyId: string,
): Promise<PastResultsLine> {
  const { actor: viewer } = await authorizedAgency(deps.db, actor, agencyId, allow('pastResults.read'));
  const rows = await selectAgencyResults(deps.db, agencyId);
  const frameworks = await Promise.all(rows.map((r) => frameworkForYear(deps.db, r.year)));
  return presentLine(
    agencyId,
    rows,
    frameworks.map((f) => f.framework),
    viewer,
  );
}

const pastResultNotFound = (year: number) =>
  notFound(
    'past_result_not_found',
    `ไม่มีผลการประเมินปี ${year} ของหน่วยงานนี้`,
    `This agency has no FY${year} result`,
  );

/** Two of the agency's years side by side, indicators matched through the later year's crosswalk. */
export async function comparePastYears(
  deps: Deps,
  actor: Actor | null,
  agencyId: string,
  query: CompareQuery,
): Promise<YearComparisonView> {
  await authorizedAgency(deps.db, actor, agencyId, allow('pastResults.read'));
  const rows = await selectAgencyResults(deps.db, agencyId);
  const current = rows.find((r) => r.year === query.year);
  if (!current) throw pastResultNotFound(query.year);
  const previous =
    query.previous === undefined
      ? rows.filter((r) => r.year < query.year).at(-1)
      : rows.find((r) => r.year === query.previous);
  if (!previous) throw pastResultNotFound(query.previous ?? query.year - 1);
  if (previous.year >= current.year)
    throw invalid(
      'previous_not_earlier',
      'ปีที่ใช้เปรียบเทียบต้องอยู่ก่อนปีที่เลือก',
      'The year compared with must be earlier than the selected year',
    );
  const [a, b] = await Promise.all([
    frameworkForYear(deps.db, current.year),
    frameworkForYear(deps.db, previous.year),
  ]);
  const scores = (framework: Framework, row: typeof current) => ({
    framework,
    total: row.total,
    rating: { code: row.ratingCode, th: ratingOf(framework, row.ratingCode).label.th },
    indicators: row.indicators,
  });
  return presentComparison(
    compareYears(scores(a.framework, current), scores(b.framework, previous)),
    a.framework,
    b.framework,
  );
}
