// Tables downloaded as XLSX: every table a page shows can be taken away as a spreadsheet. The columns are the
// ones on screen, with the same words (not codes); numbers stay numbers so the sheet can sum and sort them.
// ExcelJS is loaded only when someone downloads (it is large, and most visits never download).
import type { Lang } from './format.ts';

export type Cell = string | number | null;

export interface XlsxColumn<R> {
  header: string;
  value: (row: R) => Cell;
  /** Width in characters (Excel's unit); a guess from the header and values when left out. */
  width?: number;
}

export interface SheetData {
  name: string;
  header: string[];
  rows: Cell[][];
  widths: number[];
}

/** Excel refuses sheet names over 31 characters or with any of \ / ? * [ ] : — replaced, cut, never empty. */
export function safeSheetName(name: string): string {
  const cleaned = name
    .replace(/[\\/?*[\]:]/g, ' ')
    .trim()
    .slice(0, 31)
    .trim();
  return cleaned || 'Sheet1';
}

/** A file name without characters file systems refuse, ending in .xlsx. */
export function xlsxFileName(base: string): string {
  const printable = [...base].map((ch) => ((ch.codePointAt(0) ?? 0) < 32 ? '-' : ch)).join('');
  const cleaned = printable
    .replace(/[\\/:*?"<>|]/g, '-')
    .replace(/\s+/g, '-')
    .replace(/-+/g, '-')
    .replace(/^-|-$/g, '');
  return `${cleaned || 'table'}.xlsx`;
}

/**
 * The sheet for rows under columns. Text that a spreadsheet would run as a formula (=, +, -, @ first) keeps
 * its text: the cells hold agency names and reasons typed by people.
 */
export function sheetData<R>(name: string, columns: readonly XlsxColumn<R>[], rows: readonly R[]): SheetData {
  const body = rows.map((row) => columns.map((c) => cellOf(c.value(row))));
  const widths = columns.map((c, i) => {
    if (c.width) return c.width;
    const longest = Math.max(c.header.length, ...body.slice(0, 200).map((r) => String(r[i] ?? '').length));
    return Math.min(60, Math.max(8, longest + 2));
  });
  return { name: safeSheetName(name), header: columns.map((c) => c.header), rows: body, widths };
}

function cellOf(v: Cell): Cell {
  if (typeof v === 'number') return Number.isFinite(v) ? v : null;
  if (typeof v === 'string' && /^[=+\-@]/.test(v)) return `'${v}`;
  return v;
}

/** Builds the workbook and hands it to the browser as a download. */
export async function downloadXlsx(
  fileName: string,
  sheets: readonly SheetData[],
  lang: Lang,
): Promise<void> {
  const mod = await import('exceljs');
  const Excel = ((mod as { default?: unknown }).default ?? mod) as typeof import('exceljs');
  const workbook = new Excel.Workbook();
  workbook.creator = lang === 'th' ? 'ระบบประเมิน ITA' : 'ITA assessment system';
  for (const sheet of sheets) {
    const ws = workbook.addWorksheet(sheet.name, { views: [{ state: 'frozen', ySplit: 1 }] });
    ws.columns = sheet.header.map((header, i) => ({ header, width: sheet.widths[i] ?? 12 }));
    ws.getRow(1).font = { bold: true, name: 'Sarabun' };
    for (const row of sheet.rows) ws.addRow(row);
  }
  const buffer = await workbook.xlsx.writeBuffer();
  const blob = new Blob([buffer], {
    type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  });
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = xlsxFileName(fileName);
  document.body.append(a);
  a.click();
  a.remove();
  // Some browsers read the address after click() returns.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
