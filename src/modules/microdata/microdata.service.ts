// The anonymous microdata of a year for NACC (issue 11 §5): every counted response as one CSV row, streamed
// from the database batch by batch of agencies, so the server's memory does not grow with the year. What a
// row holds and which agencies are withheld is src/core/surveys/microdata.ts; the statements are
// microdata.sql.ts; the transport (a COPY per batch, in one snapshot with its counts) is src/db/copy.ts.
import { randomBytes } from 'node:crypto';
import { Readable } from 'node:stream';
import type { AppDeps } from '../../app/context.ts';
import { type Actor, authorize } from '../../core/authz.ts';
import { csvField, toCsv, UTF8_BOM } from '../../core/csv.ts';
import {
  DICTIONARY_HEADER,
  dictionaryRows,
  type MicrodataColumn,
  microdataColumns,
  type ResponseGroup,
  withheldAgencies,
} from '../../core/surveys/microdata.ts';
import type { Db } from '../../db/client.ts';
import { readingAhead, readThenCopy, sqlText } from '../../db/copy.ts';
import { participantCodes } from '../agencies/index.ts';
import { appendAudit } from '../audit/index.ts';
import { frameworkForYear } from '../frameworks/index.ts';
import { groupCountsSql, rowsSql } from './microdata.sql.ts';

/**
 * Agencies per COPY. PGlite holds a COPY's whole output in memory (and blocks other queries meanwhile):
 * 250 agencies are ~40,000 rows at the national average (~5 MB), two batches at a time with the read-ahead.
 * PostgreSQL streams whatever the batch size. Each batch is one snapshot: its counts and
 * its rows agree, so no group can grow past the withholding rule between the two.
 */
export const AGENCIES_PER_BATCH = 250;

export interface Download {
  filename: string;
  body: Readable;
}

/** The header line as PostgreSQL's COPY writes lines (fields quoted alike, LF at the end), after the BOM. */
const headerLine = (columns: readonly MicrodataColumn[]) =>
  `${UTF8_BOM}${columns.map((c) => csvField(c.name)).join(',')}\n`;

export interface ExportOptions {
  /** Hex key of the rows' order (a fresh random key by default; tests fix it). */
  orderKey?: string;
  agenciesPerBatch?: number;
}

/**
 * The year's rows as CSV chunks (BOM and header first), batch after batch of agencies in code order, the
 * next batch read ahead while the current one is sent.
 */
export async function* microdataChunks(
  db: Db,
  year: number,
  columns: readonly MicrodataColumn[],
  opts: ExportOptions = {},
): AsyncGenerator<Uint8Array> {
  const orderKey = opts.orderKey ?? randomBytes(16).toString('hex');
  const perBatch = opts.agenciesPerBatch ?? AGENCIES_PER_BATCH;
  yield Buffer.from(headerLine(columns), 'utf8');
  const ids = (await participantCodes(db, year)).map((a) => a.id);
  const batches: string[][] = [];
  for (let i = 0; i < ids.length; i += perBatch) batches.push(ids.slice(i, i + perBatch));
  yield* readingAhead(
    batches.map(
      (batch) => () =>
        readThenCopy<ResponseGroup>(db, groupCountsSql(year, batch), (groups) => {
          const withheld = withheldAgencies(groups);
          const shown = batch.filter((id) => !withheld.has(id));
          return shown.length === 0 ? null : rowsSql({ year, columns, agencyIds: shown, orderKey });
        }),
    ),
  );
}

/** `GET /microdata/:year/responses.csv`: authorized, audited, then streamed. */
export async function responsesCsv(deps: AppDeps, actor: Actor | null, year: number): Promise<Download> {
  authorize(actor, 'microdata.export', null);
  const { version, framework } = await frameworkForYear(deps.db, year);
  const columns = microdataColumns(framework);
  await appendAudit(
    deps.db,
    {
      actor,
      entityType: 'microdata_export',
      entityId: String(year),
      action: 'export',
      after: { year, frameworkVersion: version, columns: columns.map((c) => c.name) },
    },
    deps.now(),
  );
  return {
    filename: `prongsai-responses-${year}.csv`,
    body: Readable.from(microdataChunks(deps.db, year, columns), { objectMode: false }),
  };
}

/** `GET /microdata/:year/dictionary.csv`: what each column of the year's file means (Thai and English). */
export async function dictionaryCsv(deps: AppDeps, actor: Actor | null, year: number) {
  authorize(actor, 'microdata.export', null);
  const { framework } = await frameworkForYear(deps.db, year);
  return {
    filename: `prongsai-responses-${year}-dictionary.csv`,
    text: toCsv(DICTIONARY_HEADER, dictionaryRows(microdataColumns(framework))),
  };
}

/**
 * The whole year's rows as one SELECT (the union of the batches, in the same order, same withholding):
 * what `npm run bench:export` copies with PostgreSQL's own COPY to compare the download with, and what the
 * tests compare the batched file with.
 */
export async function wholeYearSelect(db: Db, year: number, orderKey: string): Promise<string> {
  const { framework } = await frameworkForYear(db, year);
  const ids = (await participantCodes(db, year)).map((a) => a.id);
  const groups =
    ids.length === 0
      ? []
      : (await db.execute<ResponseGroup & Record<string, unknown>>(groupCountsSql(year, ids))).rows;
  const withheld = withheldAgencies(groups);
  const shown = ids.filter((id) => !withheld.has(id));
  return sqlText(rowsSql({ year, columns: microdataColumns(framework), agencyIds: shown, orderKey }));
}
