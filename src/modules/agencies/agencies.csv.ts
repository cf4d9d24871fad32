// Agency CSV files: parsing and validation of every row, without I/O (the import service supplies lookups).
// The file is accepted or rejected as a whole, so validation collects every problem instead of stopping.
import { parse } from 'csv-parse/sync';
import type { AgencyType } from '../../shared/agency-types.ts';
import {
  AGENCY_CODE_PATTERN,
  AGENCY_IMPORT_MAX_ROWS,
  AGENCY_LABEL_MAX_LENGTH,
  AGENCY_NAME_MAX_LENGTH,
  AGENCY_WEBSITE_MAX_LENGTH,
} from '../../shared/limits.ts';
import { type ImportProblem, isHttpUrl, ZAgencyType } from './agencies.schema.ts';

export const CSV_COLUMNS = [
  'code',
  'name_th',
  'name_en',
  'type',
  'peer_group',
  'size_class',
  'ministry_code',
  'parent_code',
  'province_code',
  'website',
] as const;
type Column = (typeof CSV_COLUMNS)[number];

export const CSV_TEMPLATE = `${CSV_COLUMNS.join(',')}\r\nEXAMPLE-001,องค์การบริหารส่วนตำบลตัวอย่าง,Example Subdistrict Administrative Organization,sao,sao,M,LOCAL,,TH-47,https://www.example.go.th\r\n`;

export interface AgencyCsvRow {
  row: number;
  code: string;
  nameTh: string;
  nameEn: string | null;
  type: AgencyType;
  peerGroup: string | null;
  sizeClass: string | null;
  ministryCode: string | null;
  parentCode: string | null;
  provinceCode: string | null;
  website: string | null;
}

export interface CsvLookups {
  provinces: ReadonlySet<string>;
  ministries: ReadonlySet<string>;
  /** Every agency in the database: code → its parent's code. */
  existing: ReadonlyMap<string, string | null>;
}

const problem = (row: number, column: Column | null, th: string, en: string): ImportProblem => ({
  row,
  column,
  th,
  en,
});

type ParsedRecord = { record: string[]; info: { lines: number } };

/** Parses the text; on a syntax error returns the problem instead (nothing else can be checked then). */
export function readCsv(text: string): { header: string[]; records: ParsedRecord[] } | ImportProblem {
  let parsed: ParsedRecord[];
  try {
    parsed = parse(text, {
      bom: true,
      info: true,
      relax_column_count: true,
      skip_empty_lines: true,
      trim: true,
    }) as unknown as ParsedRecord[];
  } catch (e) {
    const line = (e as { lines?: number }).lines ?? 1;
    return problem(
      line,
      null,
      'อ่านไฟล์ CSV ไม่ได้ (เช่น มีเครื่องหมายคำพูดที่ไม่ปิด) กรุณาบันทึกเป็น CSV UTF-8 แล้วลองใหม่',
      `The CSV file cannot be read (${(e as Error).message}); save it as CSV UTF-8 and try again`,
    );
  }
  const [head, ...records] = parsed;
  if (!head) return problem(1, null, 'ไฟล์ว่างเปล่า', 'The file is empty');
  return { header: head.record.map((h) => h.toLowerCase()), records };
}

function checkHeader(header: string[]): ImportProblem[] {
  const problems: ImportProblem[] = [];
  for (const col of CSV_COLUMNS) {
    if (!header.includes(col))
      problems.push(problem(1, col, `ไม่มีคอลัมน์ ${col} ในแถวหัวตาราง`, `The header has no ${col} column`));
  }
  header.forEach((h, i) => {
    if (!(CSV_COLUMNS as readonly string[]).includes(h))
      problems.push(
        problem(1, null, `ไม่รู้จักคอลัมน์ "${h}" (คอลัมน์ที่ ${i + 1})`, `Unknown column "${h}" (column ${i + 1})`),
      );
    else if (header.indexOf(h) !== i)
      problems.push(problem(1, h as Column, `คอลัมน์ ${h} ซ้ำ`, `Column ${h} appears twice`));
  });
  return problems;
}

/** Validates every row; rows are returned only when there is no problem at all. */
export function validateAgencyCsv(
  text: string,
  lookups: CsvLookups,
): { rows: AgencyCsvRow[]; problems: ImportProblem[] } {
  const read = readCsv(text);
  if (!('header' in read)) return { rows: [], problems: [read] };
  const { header, records } = read;
  const headerProblems = checkHeader(header);
  if (headerProblems.length) return { rows: [], problems: headerProblems };
  if (records.length === 0)
    return { rows: [], problems: [problem(1, null, 'ไม่มีข้อมูลหน่วยงานในไฟล์', 'The file has no agency rows')] };
  if (records.length > AGENCY_IMPORT_MAX_ROWS)
    return {
      rows: [],
      problems: [
        problem(
          AGENCY_IMPORT_MAX_ROWS + 2,
          null,
          `นำเข้าได้ครั้งละไม่เกิน ${AGENCY_IMPORT_MAX_ROWS.toLocaleString('th-TH')} แถว กรุณาแบ่งไฟล์`,
          `At most ${AGENCY_IMPORT_MAX_ROWS} rows per import; split the file`,
        ),
      ],
    };

  const problems: ImportProblem[] = [];
  const rows: AgencyCsvRow[] = [];
  // Every row with a code, a name and some type, valid or not: parents are resolved against all of them.
  const links: ParentLink[] = [];
  const firstLineOf = new Map<string, number>();
  for (const { record, info } of records) {
    const line = info.lines;
    const report = (column: Column | null, th: string, en: string) =>
      problems.push(problem(line, column, th, en));
    if (record.length !== header.length) {
      report(
        null,
        `มี ${record.length} คอลัมน์ แต่หัวตารางมี ${header.length} คอลัมน์`,
        `The row has ${record.length} columns; the header has ${header.length}`,
      );
      continue;
    }
    const cell = (c: Column) => {
      const value = record[header.indexOf(c)] ?? '';
      return value === '' ? null : value;
    };
    const code = cell('code');
    if (!code) report('code', 'ต้องระบุรหัสหน่วยงาน', 'The agency code is required');
    else if (!AGENCY_CODE_PATTERN.test(code))
      report(
        'code',
        `รหัสหน่วยงาน "${code}" ใช้ได้เฉพาะตัวอักษรอังกฤษ ตัวเลข . _ - ไม่เกิน 64 ตัว`,
        `Agency code "${code}" may use only letters, digits, . _ - (at most 64)`,
      );
    else if (firstLineOf.has(code))
      report(
        'code',
        `รหัสหน่วยงาน ${code} ซ้ำกับแถวที่ ${firstLineOf.get(code)}`,
        `Agency code ${code} repeats line ${firstLineOf.get(code)}`,
      );
    else firstLineOf.set(code, line);

    const nameTh = cell('name_th');
    if (!nameTh) report('name_th', 'ต้องระบุชื่อหน่วยงานภาษาไทย', 'The Thai name is required');
    else if (nameTh.length > AGENCY_NAME_MAX_LENGTH)
      report('name_th', 'ชื่อภาษาไทยยาวเกินไป', 'The Thai name is too long');
    const nameEn = cell('name_en');
    if (nameEn && nameEn.length > AGENCY_NAME_MAX_LENGTH)
      report('name_en', 'ชื่อภาษาอังกฤษยาวเกินไป', 'The English name is too long');

    const typeCell = cell('type')?.toLowerCase() ?? null;
    const type = ZAgencyType.safeParse(typeCell).data;
    if (!typeCell) report('type', 'ต้องระบุประเภทหน่วยงาน', 'The agency type is required');
    else if (!type) report('type', `ไม่รู้จักประเภทหน่วยงาน "${typeCell}"`, `Unknown agency type "${typeCell}"`);

    for (const c of ['peer_group', 'size_class'] as const) {
      if ((cell(c)?.length ?? 0) > AGENCY_LABEL_MAX_LENGTH)
        report(
          c,
          `ค่าใน ${c} ยาวเกิน ${AGENCY_LABEL_MAX_LENGTH} ตัวอักษร`,
          `${c} is longer than ${AGENCY_LABEL_MAX_LENGTH}`,
        );
    }

    const ministryCode = cell('ministry_code')?.toUpperCase() ?? null;
    if (ministryCode && !lookups.ministries.has(ministryCode))
      report(
        'ministry_code',
        `ไม่พบกระทรวงหรือสังกัดรหัส ${ministryCode}`,
        `Unknown ministry code ${ministryCode}`,
      );
    const provinceCode = cell('province_code')?.toUpperCase() ?? null;
    if (provinceCode && !lookups.provinces.has(provinceCode))
      report('province_code', `ไม่พบจังหวัดรหัส ${provinceCode}`, `Unknown province code ${provinceCode}`);

    const website = cell('website');
    if (website && (website.length > AGENCY_WEBSITE_MAX_LENGTH || !isHttpUrl(website)))
      report(
        'website',
        `เว็บไซต์ "${website}" ต้องขึ้นต้นด้วย http:// หรือ https://`,
        `Website "${website}" must be an http:// or https:// address`,
      );

    if (code && nameTh && typeCell) links.push({ row: line, code, parentCode: cell('parent_code') });
    if (code && nameTh && type) {
      rows.push({
        row: line,
        code,
        nameTh,
        nameEn,
        type,
        peerGroup: cell('peer_group'),
        sizeClass: cell('size_class'),
        ministryCode,
        parentCode: cell('parent_code'),
        provinceCode,
        website,
      });
    }
  }
  problems.push(...parentProblems(links, lookups.existing));
  problems.sort((a, b) => a.row - b.row);
  return problems.length ? { rows: [], problems } : { rows, problems };
}

/** Parents must exist (in the database or the same file) and must not form a loop once the file is applied. */
type ParentLink = Pick<AgencyCsvRow, 'row' | 'code' | 'parentCode'>;

function parentProblems(rows: ParentLink[], existing: ReadonlyMap<string, string | null>): ImportProblem[] {
  const parentOf = new Map(existing);
  for (const r of rows) parentOf.set(r.code, r.parentCode);
  const problems: ImportProblem[] = [];
  for (const r of rows) {
    if (!r.parentCode) continue;
    if (r.parentCode === r.code) {
      problems.push(
        problem(r.row, 'parent_code', 'หน่วยงานเป็นต้นสังกัดของตัวเองไม่ได้', 'An agency cannot be its own parent'),
      );
    } else if (!parentOf.has(r.parentCode)) {
      problems.push(
        problem(
          r.row,
          'parent_code',
          `ไม่พบหน่วยงานต้นสังกัดรหัส ${r.parentCode} ทั้งในระบบและในไฟล์นี้`,
          `Parent agency ${r.parentCode} is neither in the registry nor in this file`,
        ),
      );
    } else if (formsLoop(r.code, parentOf)) {
      problems.push(
        problem(
          r.row,
          'parent_code',
          `หน่วยงานต้นสังกัด ${r.parentCode} ทำให้เกิดวงวนของต้นสังกัด`,
          `Parent ${r.parentCode} makes a loop of parents`,
        ),
      );
    }
  }
  return problems;
}

function formsLoop(code: string, parentOf: ReadonlyMap<string, string | null>): boolean {
  const seen = new Set<string>();
  let current = parentOf.get(code) ?? null;
  while (current !== null && !seen.has(current)) {
    if (current === code) return true;
    seen.add(current);
    current = parentOf.get(current) ?? null;
  }
  return false;
}
