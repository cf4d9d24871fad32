// Past years' published results (before this system), imported per agency from a spreadsheet so that every
// agency has a year-over-year line. Pure: the module reads the CSV/XLSX into a table of strings and supplies
// the frameworks; this checks every row and says, per row, what it would store or what is wrong.
//
// Columns (header names, case-insensitive; Thai names as agencies' and NACC's tables print them):
//   agency_code | รหัสหน่วยงาน          required
//   fiscal_year | ปีงบประมาณ            required, Buddhist Era (2566)
//   total | คะแนนรวม | คะแนน            required, 0–100
//   rating | ระดับผลการประเมิน | ผลการประเมิน   required, a rating code or label of that year (AA, ผ่านดี)
//   an instrument code of the year or an alias of its parts (IIT, EIT, EIT1, EIT2, OIT)   optional scores
//   indicator_<n> | ตัวชี้วัดที่ <n>      optional indicator scores
//   ลำดับ, no, name, ชื่อหน่วยงาน, จังหวัด, province   ignored (printed in published tables)
// A blank cell means "not known". Thai digits are read as digits. Nothing is corrected: a rating that
// contradicts the year's bands, or a total that contradicts the instrument scores, is an error of its row.
import { AGENCY_CODE_PATTERN } from '../../shared/limits.ts';
import type { Framework } from '../framework/schema.ts';
import { instrumentAliases } from '../scoring/aggregates.ts';
import { possibleRatings } from './ratings.ts';

export interface PastResultsTable {
  header: readonly string[];
  /** Data rows with their line in the file (the header is line 1). */
  rows: readonly { line: number; cells: readonly string[] }[];
}

export interface PastResultProblem {
  line: number;
  /** The column as the file names it; null for the whole row (or file). */
  column: string | null;
  th: string;
  en: string;
}

export interface PastResult {
  agencyCode: string;
  year: number;
  total: number;
  rating: { code: string; th: string; en?: string; passes: boolean };
  /** Known instrument scores, by the year's instrument codes (an alias column gives each part its score). */
  instruments: Record<string, number>;
  indicators: Record<string, number>;
}

export type PastResultRow =
  | { line: number; ok: true; result: PastResult }
  | { line: number; ok: false; problems: PastResultProblem[] };

export interface PastResultsReport {
  /** Problems of the file as a whole (header); when there are any, no row is checked. */
  problems: PastResultProblem[];
  rows: PastResultRow[];
}

const REQUIRED = {
  agency_code: ['agency_code', 'รหัสหน่วยงาน'],
  fiscal_year: ['fiscal_year', 'ปีงบประมาณ'],
  total: ['total', 'คะแนนรวม', 'คะแนน'],
  rating: ['rating', 'ระดับผลการประเมิน', 'ผลการประเมิน'],
} as const;
type Required = keyof typeof REQUIRED;
const IGNORED = new Set(['ลำดับ', 'no', 'name', 'name_th', 'ชื่อหน่วยงาน', 'จังหวัด', 'province']);
const INDICATOR = /^(?:indicator_|ตัวชี้วัดที่\s*)([1-9][0-9]?)$/;
const INSTRUMENT = /^[a-z][a-z0-9]{1,9}$/;
/** A published total and the instrument scores it is the weighted sum of are each rounded to 2 decimals. */
const TOTAL_TOLERANCE = 0.01 + 1e-9;

type Column =
  | { kind: 'required'; name: Required }
  | { kind: 'instrument'; code: string }
  | { kind: 'indicator'; code: string }
  | { kind: 'ignored' };

export function parsePastResults(
  table: PastResultsTable,
  frameworkFor: (year: number) => Framework | undefined,
): PastResultsReport {
  const header = table.header.map((h) => h.trim());
  const { columns, problems } = readHeader(header);
  if (problems.length > 0) return { problems, rows: [] };

  const firstLine = new Map<string, number>();
  const rows = table.rows.map(({ line, cells }): PastResultRow => {
    const rowProblems: PastResultProblem[] = [];
    const report = (column: string | null, th: string, en: string) =>
      rowProblems.push({ line, column, th, en });
    const cell = (name: Required) => {
      const i = columns.findIndex((c) => c.kind === 'required' && c.name === name);
      return { column: header[i] ?? name, value: (cells[i] ?? '').trim() };
    };
    if (cells.length > header.length)
      report(
        null,
        `มี ${cells.length} คอลัมน์ แต่หัวตารางมี ${header.length} คอลัมน์`,
        `The row has ${cells.length} columns; the header has ${header.length}`,
      );

    const code = cell('agency_code');
    if (!code.value) report(code.column, 'ต้องระบุรหัสหน่วยงาน', 'The agency code is required');
    else if (!AGENCY_CODE_PATTERN.test(code.value))
      report(code.column, `รหัสหน่วยงาน "${code.value}" ไม่ถูกต้อง`, `Agency code "${code.value}" is not valid`);

    const yearCell = cell('fiscal_year');
    const yearText = thaiDigits(yearCell.value);
    const year = /^[0-9]{4}$/.test(yearText) ? Number(yearText) : undefined;
    const framework = year === undefined ? undefined : frameworkFor(year);
    if (year === undefined)
      report(
        yearCell.column,
        `ปีงบประมาณ "${yearCell.value}" ต้องเป็นปี พ.ศ. 4 หลัก`,
        `Fiscal year "${yearCell.value}" must be a four-digit Buddhist Era year`,
      );
    else if (year < 2400)
      report(
        yearCell.column,
        `ปีงบประมาณ ${year} ดูเหมือนเป็นปี ค.ศ. กรุณาใช้ปี พ.ศ. (${year + 543})`,
        `Fiscal year ${year} looks like a Common Era year; use the Buddhist Era (${year + 543})`,
      );
    else if (!framework)
      report(
        yearCell.column,
        `ไม่มีกรอบการประเมินปี ${year} ในระบบ จึงนำเข้าผลปีนี้ไม่ได้`,
        `There is no FY${year} framework, so results of that year cannot be imported`,
      );

    const totalCell = cell('total');
    const total = score(totalCell.value);
    if (totalCell.value === '') report(totalCell.column, 'ต้องระบุคะแนนรวม', 'The total is required');
    else if (total === undefined)
      report(
        totalCell.column,
        `คะแนนรวม "${totalCell.value}" ต้องเป็นตัวเลข 0–100`,
        `Total "${totalCell.value}" must be a number from 0 to 100`,
      );

    const ratingCell = cell('rating');
    const rule = framework ? findRule(framework, ratingCell.value) : undefined;
    if (ratingCell.value === '') report(ratingCell.column, 'ต้องระบุระดับผลการประเมิน', 'The rating is required');
    else if (framework && !rule)
      report(
        ratingCell.column,
        `ไม่รู้จักระดับผล "${ratingCell.value}" ของปี ${framework.year} (มี ${framework.rating.rules.map((r) => r.label.th).join(', ')})`,
        `Unknown FY${framework.year} rating "${ratingCell.value}" (it has ${framework.rating.rules.map((r) => r.code).join(', ')})`,
      );

    const instruments: Record<string, number> = {};
    const indicators: Record<string, number> = {};
    if (framework) {
      const aliases = instrumentAliases(framework);
      const codes = new Set(framework.instruments.map((i) => i.code));
      const givenBy = new Map<string, string>();
      columns.forEach((c, i) => {
        const raw = (cells[i] ?? '').trim();
        const column = header[i] as string;
        if (raw === '' || (c.kind !== 'instrument' && c.kind !== 'indicator')) return;
        const value = score(raw);
        if (value === undefined) {
          report(column, `คะแนน "${raw}" ต้องเป็นตัวเลข 0–100`, `Score "${raw}" must be a number from 0 to 100`);
          return;
        }
        if (c.kind === 'indicator') {
          if (framework.indicators.some((ind) => ind.code === c.code)) indicators[c.code] = value;
          else
            report(
              column,
              `ปี ${framework.year} ไม่มีตัวชี้วัดที่ ${c.code}`,
              `FY${framework.year} has no indicator ${c.code}`,
            );
          return;
        }
        const parts = aliases.get(c.code) ?? (codes.has(c.code) ? [c.code] : undefined);
        if (!parts) {
          report(
            column,
            `ปี ${framework.year} ไม่มีแบบวัด ${c.code} (มี ${[...codes].join(', ')})`,
            `FY${framework.year} has no instrument ${c.code} (it has ${[...codes].join(', ')})`,
          );
          return;
        }
        for (const part of parts) {
          const other = givenBy.get(part);
          if (other)
            report(
              column,
              `คะแนนแบบวัด ${part} ถูกระบุซ้ำ (คอลัมน์ ${other} และ ${column})`,
              `Instrument ${part} is given twice (columns ${other} and ${column})`,
            );
          givenBy.set(part, column);
          instruments[part] = value;
        }
      });
    }

    if (framework && total !== undefined && rule) {
      const possible = possibleRatings(framework, total, instruments);
      if (!possible.includes(rule.code)) {
        const label = (c: string) => framework.rating.rules.find((r) => r.code === c)?.label.th ?? c;
        report(
          ratingCell.column,
          `ระดับผล "${rule.label.th}" ไม่ตรงกับคะแนนรวม ${total} ตามเกณฑ์ปี ${framework.year} (ควรเป็น ${possible.map(label).join(' หรือ ')})`,
          `Rating "${rule.code}" does not agree with a total of ${total} under the FY${framework.year} bands (expected ${possible.join(' or ')})`,
        );
      }
      if (framework.instruments.every((i) => instruments[i.code] !== undefined)) {
        const weighted =
          framework.instruments.reduce((s, i) => s + i.weight * (instruments[i.code] as number), 0) / 100;
        if (Math.abs(weighted - total) > TOTAL_TOLERANCE)
          report(
            totalCell.column,
            `คะแนนรวม ${total} ไม่ตรงกับผลรวมถ่วงน้ำหนักของคะแนนแบบวัด (${weighted.toFixed(2)})`,
            `Total ${total} does not agree with the weighted instrument scores (${weighted.toFixed(2)})`,
          );
      }
    }

    if (code.value && year !== undefined) {
      const key = `${code.value}\u0000${year}`;
      const first = firstLine.get(key);
      if (first !== undefined)
        report(
          code.column,
          `หน่วยงาน ${code.value} ปี ${year} ซ้ำกับแถวที่ ${first}`,
          `Agency ${code.value}, FY${year} repeats line ${first}`,
        );
      else firstLine.set(key, line);
    }

    if (rowProblems.length > 0 || !framework || total === undefined || !rule || year === undefined)
      return { line, ok: false, problems: rowProblems };
    return {
      line,
      ok: true,
      result: {
        agencyCode: code.value,
        year,
        total,
        rating: {
          code: rule.code,
          th: rule.label.th,
          ...(rule.label.en === undefined ? {} : { en: rule.label.en }),
          passes: rule.passes,
        },
        instruments,
        indicators,
      },
    };
  });
  return { problems: [], rows };
}

function readHeader(header: string[]): { columns: Column[]; problems: PastResultProblem[] } {
  const problems: PastResultProblem[] = [];
  const add = (column: string | null, th: string, en: string) => problems.push({ line: 1, column, th, en });
  const columns = header.map((h): Column => {
    const lower = h.toLowerCase();
    for (const [name, names] of Object.entries(REQUIRED) as [Required, readonly string[]][])
      if (names.includes(lower)) return { kind: 'required', name };
    if (IGNORED.has(lower)) return { kind: 'ignored' };
    const indicator = INDICATOR.exec(lower);
    if (indicator) return { kind: 'indicator', code: indicator[1] as string };
    if (INSTRUMENT.test(lower)) return { kind: 'instrument', code: h.toUpperCase() };
    add(h || null, `ไม่รู้จักคอลัมน์ "${h}"`, `Unknown column "${h}"`);
    return { kind: 'ignored' };
  });
  for (const name of Object.keys(REQUIRED) as Required[]) {
    const names = REQUIRED[name];
    const found = columns.filter((c) => c.kind === 'required' && c.name === name).length;
    if (found === 0) add(names[0], `ไม่มีคอลัมน์ ${names.join(' / ')}`, `The header has no ${names[0]} column`);
    if (found > 1) add(names[0], `คอลัมน์ ${names[0]} ซ้ำ`, `Column ${names[0]} appears more than once`);
  }
  const seen = new Set<string>();
  columns.forEach((c, i) => {
    const key = c.kind === 'instrument' || c.kind === 'indicator' ? `${c.kind}:${c.code}` : undefined;
    if (!key) return;
    if (seen.has(key))
      add(header[i] ?? null, `คอลัมน์ ${header[i]} ซ้ำ`, `Column ${header[i]} appears more than once`);
    seen.add(key);
  });
  return { columns, problems };
}

const thaiDigits = (s: string) => s.replace(/[๐-๙]/g, (d) => String(d.charCodeAt(0) - 0x0e50));

/** A score as published: a plain decimal from 0 to 100 (Thai digits allowed), else undefined. */
function score(text: string): number | undefined {
  const t = thaiDigits(text.trim());
  if (!/^[0-9]{1,3}(?:\.[0-9]+)?$/.test(t)) return undefined;
  const n = Number(t);
  return n >= 0 && n <= 100 ? n : undefined;
}

function findRule(framework: Framework, text: string) {
  const t = text.trim().toLowerCase();
  if (t === '') return undefined;
  return framework.rating.rules.find(
    (r) => r.code.toLowerCase() === t || r.label.th === text.trim() || r.label.en?.toLowerCase() === t,
  );
}
