// RFC 4180 CSV writing (the project reads CSV with csv-parse but has no writer installed). Fields with a
// comma, quote, CR or LF are quoted, quotes doubled; lines end with CRLF. A UTF-8 byte-order mark leads the
// file so that Excel reads Thai text as UTF-8.

export type CsvValue = string | number | boolean | null;

export const UTF8_BOM = '\uFEFF';

/** One field: null → empty; numbers as JavaScript prints them (a dot for decimals). */
export function csvField(value: CsvValue): string {
  if (value === null) return '';
  const text = String(value);
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/** A whole file: the BOM, one header row, then the rows (each in header order). */
export function toCsv(header: readonly string[], rows: readonly (readonly CsvValue[])[]): string {
  const lines = [header, ...rows].map((r) => r.map(csvField).join(','));
  return `${UTF8_BOM}${lines.join('\r\n')}\r\n`;
}
