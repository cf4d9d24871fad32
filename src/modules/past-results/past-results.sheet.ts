// Reading an uploaded past-results file (CSV or the first sheet of an XLSX) into the table of strings that
// parsePastResults checks. Problems of the file itself (unreadable, empty, too many rows, text the database
// cannot hold) come back in the same shape as row problems.
import { parse } from 'csv-parse/sync';
import { isStorableText } from '../../core/input/text.ts';
import type { PastResultProblem, PastResultsTable } from '../../core/results/index.ts';
import { PAST_RESULTS_MAX_ROWS } from '../../shared/limits.ts';

/** CSV arrives as text (decoded by the route), XLSX as the file's bytes. */
export type PastResultsFile = { name: string } & (
  | { kind: 'csv'; text: string }
  | { kind: 'xlsx'; data: Buffer }
);

const fileProblem = (line: number, th: string, en: string): PastResultProblem => ({
  line,
  column: null,
  th,
  en,
});

export async function readPastResultsFile(
  file: PastResultsFile,
): Promise<PastResultsTable | PastResultProblem> {
  const table = file.kind === 'csv' ? readCsv(file.text) : await readXlsx(file.data);
  if (!('header' in table)) return table;
  if (table.rows.length === 0) return fileProblem(1, 'ไม่มีผลการประเมินในไฟล์', 'The file has no result rows');
  if (table.rows.length > PAST_RESULTS_MAX_ROWS)
    return fileProblem(
      PAST_RESULTS_MAX_ROWS + 2,
      `นำเข้าได้ครั้งละไม่เกิน ${PAST_RESULTS_MAX_ROWS.toLocaleString('th-TH')} แถว กรุณาแบ่งไฟล์`,
      `At most ${PAST_RESULTS_MAX_ROWS} rows per import; split the file`,
    );
  // Cells of an uploaded file never passed the request-wide input check: the same rule here.
  for (const { line, cells } of [{ line: 1, cells: table.header }, ...table.rows])
    if (!cells.every(isStorableText))
      return fileProblem(
        line,
        'แถวนี้มีอักขระที่ระบบไม่รองรับ (เช่น อักขระ NUL)',
        'This row contains a character that cannot be stored (such as NUL)',
      );
  return table;
}

function readCsv(text: string): PastResultsTable | PastResultProblem {
  let parsed: { record: string[]; info: { lines: number } }[];
  try {
    parsed = parse(text, {
      bom: true,
      info: true,
      relax_column_count: true,
      skip_empty_lines: true,
      trim: true,
    }) as unknown as typeof parsed;
  } catch (e) {
    return fileProblem(
      (e as { lines?: number }).lines ?? 1,
      'อ่านไฟล์ CSV ไม่ได้ (เช่น มีเครื่องหมายคำพูดที่ไม่ปิด) กรุณาบันทึกเป็น CSV UTF-8 แล้วลองใหม่',
      `The CSV file cannot be read (${(e as Error).message}); save it as CSV UTF-8 and try again`,
    );
  }
  const [head, ...records] = parsed;
  if (!head) return fileProblem(1, 'ไฟล์ว่างเปล่า', 'The file is empty');
  return { header: head.record, rows: records.map((r) => ({ line: r.info.lines, cells: r.record })) };
}

/** The first worksheet, cells as the text Excel shows; the line of a row is its row number. */
async function readXlsx(data: Buffer): Promise<PastResultsTable | PastResultProblem> {
  const { Workbook } = (await import('exceljs')).default; // loaded when first needed, not at start
  const workbook = new Workbook();
  try {
    await workbook.xlsx.load(data as unknown as ArrayBuffer);
  } catch {
    return fileProblem(
      1,
      'อ่านไฟล์ Excel ไม่ได้ กรุณาบันทึกเป็น .xlsx แล้วลองใหม่',
      'The Excel file cannot be read; save it as .xlsx and try again',
    );
  }
  const sheet = workbook.worksheets[0];
  let header: string[] | null = null;
  const rows: { line: number; cells: string[] }[] = [];
  sheet?.eachRow({ includeEmpty: false }, (r) => {
    const cells: string[] = [];
    for (let c = 1; c <= r.cellCount; c++) cells.push(r.getCell(c).text.trim());
    // Formatted but empty cells at the end of a row are not columns.
    while (cells.length > 0 && cells[cells.length - 1] === '') cells.pop();
    if (cells.length === 0) return;
    if (header === null) header = cells;
    else rows.push({ line: r.number, cells });
  });
  if (header === null) return fileProblem(1, 'ไฟล์ว่างเปล่า', 'The file is empty');
  return { header, rows };
}
