// EIT part-2 contact files (CSV or XLSX): reading the sheet, then validating every row without I/O. The file
// is accepted or rejected as a whole, so validation collects every problem instead of stopping at the first.
import { parse } from 'csv-parse/sync';
import { DomainError } from '../../core/errors.ts';
import { isStorableText } from '../../core/input/text.ts';
import { normalizeEmail, normalizePhone } from '../../core/surveys/index.ts';
import {
  EIT_CONTACT_NAME_MAX_LENGTH,
  EIT_CONTACT_RELATION_MAX_LENGTH,
  EIT_CONTACTS_MAX_ROWS,
} from '../../shared/limits.ts';
import type { NewContact } from './stakeholders.repo.ts';
import type { ContactProblem } from './stakeholders.schema.ts';

export const CONTACT_COLUMNS = ['name', 'phone', 'email', 'relation'] as const;
type Column = (typeof CONTACT_COLUMNS)[number];

/** Thai headers are accepted too: agencies often keep their lists with Thai column names. */
const HEADER_ALIASES: Record<string, Column> = {
  name: 'name',
  ชื่อ: 'name',
  ชื่อหรือหน่วยงาน: 'name',
  'ชื่อ-สกุล': 'name',
  phone: 'phone',
  โทรศัพท์: 'phone',
  เบอร์โทรศัพท์: 'phone',
  email: 'email',
  'e-mail': 'email',
  อีเมล: 'email',
  relation: 'relation',
  ความสัมพันธ์: 'relation',
  ความเกี่ยวข้องกับหน่วยงาน: 'relation',
};

export const CONTACTS_TEMPLATE =
  `${CONTACT_COLUMNS.join(',')}\r\n` +
  'บริษัท ตัวอย่าง จำกัด,0812345678,contact@example.com,ผู้รับจ้างงานก่อสร้าง\r\n' +
  'ผู้ใช้บริการตัวอย่าง,0898765432,,ผู้มาติดต่อขอรับบริการ\r\n';

/** A sheet as rows of text cells; `row` is the line (CSV) or row number (XLSX) the user sees, header = 1. */
export interface Sheet {
  header: string[];
  rows: { row: number; cells: string[] }[];
}

const problem = (row: number, column: Column | null, th: string, en: string): ContactProblem => ({
  row,
  column,
  th,
  en,
});

export function readContactsCsv(text: string): Sheet | ContactProblem {
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
    return problem(
      (e as { lines?: number }).lines ?? 1,
      null,
      'อ่านไฟล์ CSV ไม่ได้ (เช่น มีเครื่องหมายคำพูดที่ไม่ปิด) กรุณาบันทึกเป็น CSV UTF-8 แล้วลองใหม่',
      `The CSV file cannot be read (${(e as Error).message}); save it as CSV UTF-8 and try again`,
    );
  }
  const [head, ...records] = parsed;
  if (!head) return problem(1, null, 'ไฟล์ว่างเปล่า', 'The file is empty');
  return { header: head.record, rows: records.map((r) => ({ row: r.info.lines, cells: r.record })) };
}

/** The first worksheet; cells as the text Excel shows (a phone typed as a number loses its leading 0). */
export async function readContactsXlsx(data: Buffer): Promise<Sheet | ContactProblem> {
  const { Workbook } = (await import('exceljs')).default; // loaded when first needed, not at start
  const workbook = new Workbook();
  try {
    await workbook.xlsx.load(data as unknown as ArrayBuffer);
  } catch {
    return problem(
      1,
      null,
      'อ่านไฟล์ Excel ไม่ได้ กรุณาบันทึกเป็น .xlsx แล้วลองใหม่',
      'The Excel file cannot be read; save it as .xlsx and try again',
    );
  }
  const sheet = workbook.worksheets[0];
  if (!sheet || sheet.rowCount === 0) return problem(1, null, 'ไฟล์ว่างเปล่า', 'The file is empty');
  const rows: Sheet['rows'] = [];
  let header: string[] | null = null;
  sheet.eachRow({ includeEmpty: false }, (r) => {
    const cells: string[] = [];
    for (let c = 1; c <= r.cellCount; c++) cells.push(r.getCell(c).text.trim());
    if (cells.every((v) => v === '')) return;
    if (header === null) header = cells;
    else rows.push({ row: r.number, cells });
  });
  if (header === null) return problem(1, null, 'ไฟล์ว่างเปล่า', 'The file is empty');
  return { header, rows };
}

function mapHeader(header: string[]): { index: Map<Column, number>; problems: ContactProblem[] } {
  const index = new Map<Column, number>();
  const problems: ContactProblem[] = [];
  header.forEach((raw, i) => {
    const h = raw.trim().toLowerCase();
    if (h === '') return;
    const col = HEADER_ALIASES[h];
    if (!col)
      problems.push(
        problem(
          1,
          null,
          `ไม่รู้จักคอลัมน์ "${raw}" (คอลัมน์ที่ ${i + 1})`,
          `Unknown column "${raw}" (column ${i + 1})`,
        ),
      );
    else if (index.has(col)) problems.push(problem(1, col, `คอลัมน์ ${col} ซ้ำ`, `Column ${col} appears twice`));
    else index.set(col, i);
  });
  for (const col of ['name', 'relation'] as const)
    if (!index.has(col))
      problems.push(problem(1, col, `ไม่มีคอลัมน์ ${col} ในแถวหัวตาราง`, `The header has no ${col} column`));
  if (!index.has('phone') && !index.has('email'))
    problems.push(
      problem(
        1,
        null,
        'ต้องมีคอลัมน์ phone หรือ email อย่างน้อยหนึ่งคอลัมน์',
        'The header needs a phone or an email column',
      ),
    );
  return { index, problems };
}

/** Every row checked; contacts are returned only when there is no problem at all. */
export function validateContacts(sheet: Sheet): { contacts: NewContact[]; problems: ContactProblem[] } {
  // Cells of an uploaded file (multipart, XLSX) never passed the request-wide check: the same rule here.
  const unstorable = unstorableCells(sheet);
  if (unstorable.length) return { contacts: [], problems: unstorable };
  const { index, problems } = mapHeader(sheet.header);
  if (problems.length) return { contacts: [], problems };
  if (sheet.rows.length === 0)
    return { contacts: [], problems: [problem(1, null, 'ไม่มีรายชื่อในไฟล์', 'The file has no contacts')] };
  if (sheet.rows.length > EIT_CONTACTS_MAX_ROWS)
    return {
      contacts: [],
      problems: [
        problem(
          EIT_CONTACTS_MAX_ROWS + 2,
          null,
          `นำเข้าได้ไม่เกิน ${EIT_CONTACTS_MAX_ROWS.toLocaleString('th-TH')} รายชื่อ`,
          `At most ${EIT_CONTACTS_MAX_ROWS} contacts per list`,
        ),
      ],
    };

  const contacts: NewContact[] = [];
  const phoneRow = new Map<string, number>();
  const emailRow = new Map<string, number>();
  for (const { row, cells } of sheet.rows) {
    const report = (column: Column | null, th: string, en: string) =>
      problems.push(problem(row, column, th, en));
    const cell = (c: Column) => {
      const i = index.get(c);
      const v = i === undefined ? '' : (cells[i] ?? '').trim();
      return v === '' ? null : v;
    };
    const name = cell('name');
    if (!name) report('name', 'ต้องระบุชื่อบุคคลหรือหน่วยงาน', 'A person or organisation name is required');
    else if (name.length > EIT_CONTACT_NAME_MAX_LENGTH)
      report(
        'name',
        `ชื่อยาวเกิน ${EIT_CONTACT_NAME_MAX_LENGTH} ตัวอักษร`,
        `The name is longer than ${EIT_CONTACT_NAME_MAX_LENGTH}`,
      );
    const relation = cell('relation');
    if (!relation) report('relation', 'ต้องระบุความสัมพันธ์กับหน่วยงาน', 'The relation to the agency is required');
    else if (relation.length > EIT_CONTACT_RELATION_MAX_LENGTH)
      report(
        'relation',
        `ความสัมพันธ์ยาวเกิน ${EIT_CONTACT_RELATION_MAX_LENGTH} ตัวอักษร`,
        `The relation is longer than ${EIT_CONTACT_RELATION_MAX_LENGTH}`,
      );

    const rawPhone = cell('phone');
    const rawEmail = cell('email');
    if (!rawPhone && !rawEmail)
      report(null, 'ต้องมีหมายเลขโทรศัพท์มือถือหรืออีเมลอย่างน้อยหนึ่งอย่าง', 'A mobile number or an e-mail is required');
    const phone = rawPhone ? normalized('phone', rawPhone, normalizePhone, report) : null;
    const email = rawEmail ? normalized('email', rawEmail, normalizeEmail, report) : null;
    if (phone) duplicate('phone', phone, row, phoneRow, report);
    if (email) duplicate('email', email, row, emailRow, report);
    if (name && relation && (phone || email)) contacts.push({ name, phone, email, relation });
  }
  return problems.length ? { contacts: [], problems } : { contacts, problems };
}

/** Cells holding text the database cannot store (NUL, a lone surrogate), each named by row and column. */
function unstorableCells(sheet: Sheet): ContactProblem[] {
  const found: ContactProblem[] = [];
  const check = (row: number, cells: string[]) =>
    cells.forEach((cell, i) => {
      if (isStorableText(cell)) return;
      const known = CONTACT_COLUMNS.find((c) => c === sheet.header[i]?.trim().toLowerCase()) ?? null;
      found.push(
        problem(
          row,
          known,
          `คอลัมน์ที่ ${i + 1} มีอักขระที่ระบบไม่รองรับ (เช่น อักขระ NUL)`,
          `Column ${i + 1} contains a character that cannot be stored (such as NUL)`,
        ),
      );
    });
  check(1, sheet.header);
  for (const { row, cells } of sheet.rows) check(row, cells);
  return found;
}

type Report = (column: Column | null, th: string, en: string) => void;

function normalized(column: Column, raw: string, normalize: (s: string) => string, report: Report) {
  try {
    return normalize(raw);
  } catch (e) {
    if (!(e instanceof DomainError)) throw e;
    report(column, `"${raw}": ${e.th}`, `"${raw}": ${e.en}`);
    return null;
  }
}

function duplicate(column: Column, value: string, row: number, seen: Map<string, number>, report: Report) {
  const first = seen.get(value);
  if (first === undefined) seen.set(value, row);
  else
    report(
      column,
      `${column === 'phone' ? 'หมายเลขโทรศัพท์' : 'อีเมล'}ซ้ำกับแถวที่ ${first}`,
      `The same ${column === 'phone' ? 'phone number' : 'e-mail'} as row ${first}`,
    );
}
