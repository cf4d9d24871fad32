// Every table's XLSX download for meetings (issue 11 §2: "streamed"): exceljs's streaming WorkbookWriter
// writes into the response a sheet at a time, each row committed as it is added — never a whole workbook in
// memory. Authorization and the reads happen before the first byte (`XlsxDownload` is made by the service),
// so an error after it can only cut the file short, never turn into a different answer. Used by the
// monitoring matrix and roll-up and by lessons learned.
import { PassThrough, type Writable } from 'node:stream';
import type { FastifyReply } from 'fastify';

export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** A workbook ready to stream: authorization and the data are done before the first byte is sent. */
export interface XlsxDownload {
  filename: string;
  write(out: Writable): Promise<void>;
}

export type XlsxCell = string | number | null;
type Row = readonly XlsxCell[];

/** One sheet: a bold frozen header, the rows, then any footer lines. */
export type XlsxSheet = {
  name: string;
  headers: readonly string[];
  /** Columns left of the frozen split (besides the header row, always frozen). */
  frozenColumns?: number;
  footer?: readonly Row[];
} & (
  | { widths: readonly number[]; rows: Iterable<Row> }
  /** Columns as wide as their longest cell (capped): the rows are known in full. */
  | { widths: 'fit'; rows: readonly Row[] }
);

/** Column widths for `rows` under `headers`: the longest cell + 2, between 10 and 80 characters. */
export function fitWidths(headers: readonly string[], rows: readonly Row[]): number[] {
  return headers.map((h, i) => {
    const longest = Math.max(h.length, ...rows.map((r) => String(r[i] ?? '').length));
    return Math.min(80, Math.max(10, longest + 2));
  });
}

/** Writes the sheets in order to `out` as one workbook; resolves when the last byte is written. */
export async function writeXlsx(
  out: Writable,
  sheets: Iterable<XlsxSheet>,
  meta: { created?: Date } = {},
): Promise<void> {
  const { stream } = (await import('exceljs')).default; // loaded when first needed, not at start
  const wb = new stream.xlsx.WorkbookWriter({ stream: out, useStyles: true, useSharedStrings: false });
  wb.creator = 'Prongsai';
  if (meta.created) wb.created = meta.created;
  for (const sheet of sheets) {
    const ws = wb.addWorksheet(sheet.name, {
      views: [
        { state: 'frozen', ySplit: 1, ...(sheet.frozenColumns ? { xSplit: sheet.frozenColumns } : {}) },
      ],
    });
    // Widths go before the first row: a streamed sheet writes its columns ahead of the rows.
    const widths = sheet.widths === 'fit' ? fitWidths(sheet.headers, sheet.rows) : sheet.widths;
    ws.columns = sheet.headers.map((_, i) => ({ width: widths[i] ?? 18 }));
    const header = ws.addRow([...sheet.headers]);
    header.font = { bold: true };
    header.commit();
    for (const r of sheet.rows) ws.addRow(r.map((v) => v ?? '')).commit();
    for (const r of sheet.footer ?? []) ws.addRow(r.map((v) => v ?? '')).commit();
    // One sheet at a time: the next sheet's rows are not held while this one is still open.
    ws.commit();
  }
  await wb.commit();
}

/** Sends the workbook as it is written (no Content-Length: nothing is buffered whole). */
export function sendXlsx(reply: FastifyReply, download: XlsxDownload) {
  const body = new PassThrough();
  download
    .write(body)
    .catch((err: unknown) => body.destroy(err instanceof Error ? err : new Error(String(err))));
  return reply
    .type(XLSX_TYPE)
    .header('content-disposition', `attachment; filename="${download.filename}"`)
    .header('cache-control', 'private, no-store')
    .send(body);
}
