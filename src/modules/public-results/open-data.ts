// The open data (issue 11 §1): the whole published year as tables — one row per agency, per agency ×
// instrument, per agency × indicator, per agency × OIT item — with one header row of stable English column
// names (the dictionary gives each in Thai and English). Rows are taken from each agency's public page
// (presentAgencyPage over the agency report), so the files, the JSON and the pages agree by construction,
// small groups withheld alike. CSV and JSON are written from the same rows.
import { promisify } from 'node:util';
import { gzip as gzipCallback } from 'node:zlib';
import { type CsvValue, toCsv } from '../../core/csv.ts';
import { LICENCE, publicationInfo } from './public-results.present.ts';
import type { AgencyPage, Column, Dictionary, OpenDataJson } from './public-results.schema.ts';
import type { PublishedYear } from './public-results.service.ts';

type Row = Record<string, CsvValue>;

interface Dataset {
  name: string;
  rows: { th: string; en: string };
  columns: Column[];
  rowsOf(page: AgencyPage): Row[];
}

const col = (name: string, type: Column['type'], nullable: boolean, th: string, en: string): Column => ({
  name,
  type,
  nullable,
  th,
  en,
});

const KEY: Column[] = [
  col('year', 'integer', false, 'ปีงบประมาณ (พ.ศ.)', 'Fiscal year (Buddhist Era)'),
  col(
    'agency_code',
    'string',
    false,
    'รหัสหน่วยงาน: ตัวระบุถาวร ไม่เปลี่ยนแปลงอีกเมื่อเผยแพร่ผลการประเมินของหน่วยงานแล้ว จึงใช้เชื่อมหน่วยงานเดียวกันข้ามปีและข้ามไฟล์ได้',
    'Agency code: the stable identifier, never changed once a result of the agency has been published, so it links the same agency across years and files',
  ),
];

export const DATASETS = [
  {
    name: 'agencies',
    rows: { th: 'หนึ่งแถวต่อหน่วยงาน', en: 'One row per agency' },
    columns: [
      ...KEY,
      col('agency_name_th', 'string', false, 'ชื่อหน่วยงาน (ไทย)', 'Agency name (Thai)'),
      col('agency_name_en', 'string', true, 'ชื่อหน่วยงาน (อังกฤษ)', 'Agency name (English)'),
      col('agency_type', 'string', false, 'ประเภทหน่วยงาน (รหัส)', 'Agency type (code)'),
      col('ministry_code', 'string', true, 'รหัสกระทรวง', 'Ministry code'),
      col('province_code', 'string', true, 'รหัสจังหวัด (ISO 3166-2:TH)', 'Province code (ISO 3166-2:TH)'),
      col('region', 'string', true, 'ภาค', 'Region'),
      col('total', 'number', false, 'คะแนนรวม (0–100)', 'Total score (0–100)'),
      col('rating_code', 'string', false, 'ระดับผลการประเมิน (รหัส)', 'Rating (code)'),
      col('rating_th', 'string', false, 'ระดับผลการประเมิน (ไทย)', 'Rating (Thai)'),
      col('passes', 'boolean', false, 'ผ่านเกณฑ์', 'Passes'),
      col('pass_threshold', 'number', false, 'เกณฑ์ผ่าน (คะแนน)', 'Pass threshold (points)'),
      col('publication_id', 'string', false, 'รหัสการเผยแพร่', 'Publication id'),
      col('published_at', 'datetime', false, 'เวลาที่เผยแพร่ (UTC)', 'Published at (UTC)'),
    ],
    rowsOf: (p: AgencyPage): Row[] => [
      {
        year: p.year,
        agency_code: p.agency.code,
        agency_name_th: p.agency.nameTh,
        agency_name_en: p.agency.nameEn,
        agency_type: p.agency.type.code,
        ministry_code: p.agency.ministry?.code ?? null,
        province_code: p.agency.province?.code ?? null,
        region: p.agency.province?.region.code ?? null,
        total: p.total,
        rating_code: p.rating.code,
        rating_th: p.rating.th,
        passes: p.passes,
        pass_threshold: p.passThreshold,
        publication_id: p.publication.id,
        published_at: p.publication.publishAt,
      },
    ],
  },
  {
    name: 'instruments',
    rows: { th: 'หนึ่งแถวต่อหน่วยงาน × เครื่องมือ', en: 'One row per agency × instrument' },
    columns: [
      ...KEY,
      col('instrument_code', 'string', false, 'เครื่องมือ (IIT, EIT1, EIT2, OIT)', 'Instrument code'),
      col('weight', 'number', false, 'น้ำหนัก (ร้อยละ)', 'Weight (percent)'),
      col('score', 'number', true, 'คะแนน (ว่าง: ไม่แสดง)', 'Score (empty: withheld)'),
      col('n', 'integer', true, 'จำนวนผู้ตอบที่นับ', 'Counted responses'),
      col('minimum', 'integer', true, 'จำนวนขั้นต่ำ', 'Minimum responses'),
      col('population', 'integer', true, 'จำนวนประชากร', 'Population'),
      col(
        'margin_of_error',
        'number',
        true,
        'ค่าความคลาดเคลื่อน ±95% (คะแนน)',
        'Margin of error ±95 % (points)',
      ),
      col('not_processed', 'string', true, 'เหตุที่ไม่ประมวลผล (รหัส)', 'Why not processed (code)'),
      col('suppressed', 'string', true, 'เหตุที่ไม่แสดงผล (รหัส)', 'Why withheld (code)'),
    ],
    rowsOf: (p: AgencyPage): Row[] =>
      p.instruments.map((i) => ({
        year: p.year,
        agency_code: p.agency.code,
        instrument_code: i.code,
        weight: i.weight,
        score: i.score,
        n: i.n,
        minimum: i.minimum,
        population: i.population,
        margin_of_error: i.marginOfError,
        not_processed: i.notProcessed?.code ?? null,
        suppressed: i.suppressed?.code ?? null,
      })),
  },
  {
    name: 'indicators',
    rows: { th: 'หนึ่งแถวต่อหน่วยงาน × ตัวชี้วัด', en: 'One row per agency × indicator' },
    columns: [
      ...KEY,
      col('indicator_code', 'string', false, 'ตัวชี้วัด (รหัส)', 'Indicator code'),
      col('indicator_order', 'integer', false, 'ลำดับตัวชี้วัด', 'Indicator order'),
      col('indicator_name_th', 'string', false, 'ชื่อตัวชี้วัด (ไทย)', 'Indicator name (Thai)'),
      col(
        'instruments',
        'string',
        false,
        'เครื่องมือที่ให้คะแนน (คั่นด้วยช่องว่าง)',
        'Scoring instruments (space-separated)',
      ),
      col('score', 'number', true, 'คะแนน (ว่าง: ไม่แสดง)', 'Score (empty: withheld)'),
      col('threshold', 'number', false, 'เกณฑ์ผ่าน', 'Pass mark'),
      col('passes', 'boolean', true, 'ผ่านเกณฑ์', 'Passes'),
      col('suppressed', 'boolean', false, 'ไม่แสดงผล (กลุ่มเล็ก)', 'Withheld (small group)'),
    ],
    rowsOf: (p: AgencyPage): Row[] =>
      p.indicators.map((i) => ({
        year: p.year,
        agency_code: p.agency.code,
        indicator_code: i.code,
        indicator_order: i.order,
        indicator_name_th: i.name.th,
        instruments: i.instruments.join(' '),
        score: i.score,
        threshold: i.threshold,
        passes: i.passes,
        suppressed: i.suppressed,
      })),
  },
  {
    name: 'oit-items',
    rows: { th: 'หนึ่งแถวต่อหน่วยงาน × ข้อ OIT', en: 'One row per agency × OIT item' },
    columns: [
      ...KEY,
      col('item_code', 'string', false, 'ข้อ OIT (รหัส)', 'OIT item code'),
      col('display_code', 'string', false, 'ข้อ OIT ตามที่ ITAS แสดง (O1…)', 'OIT item as ITAS shows it (O1…)'),
      col('indicator_code', 'string', false, 'ตัวชี้วัด', 'Indicator'),
      col('sub_indicator_code', 'string', false, 'ตัวชี้วัดย่อย', 'Sub-indicator'),
      col('title_th', 'string', false, 'ชื่อข้อ (ไทย)', 'Item title (Thai)'),
      col('score', 'number', true, 'คะแนน (0 หรือ 100)', 'Score (0 or 100)'),
      col('components_found', 'integer', true, 'องค์ประกอบที่พบ', 'Components found'),
      col('components', 'integer', false, 'จำนวนองค์ประกอบ', 'Components'),
    ],
    rowsOf: (p: AgencyPage): Row[] =>
      p.oitItems.map((i) => ({
        year: p.year,
        agency_code: p.agency.code,
        item_code: i.code,
        display_code: i.displayCode,
        indicator_code: i.indicator,
        sub_indicator_code: i.subIndicator,
        title_th: i.title.th,
        score: i.score,
        components_found: i.componentsFound,
        components: i.components,
      })),
  },
] as const satisfies readonly Dataset[];

export type DatasetName = (typeof DATASETS)[number]['name'];
export const DATASET_NAMES = DATASETS.map((d) => d.name) as DatasetName[];
export const FORMATS = ['csv', 'json'] as const;
export type Format = (typeof FORMATS)[number];

const datasetOf = (name: DatasetName): Dataset => DATASETS.find((d) => d.name === name) as Dataset;

/** The rows of one dataset over the agencies' public pages (in agency-code order). */
export function datasetRows(name: DatasetName, pages: readonly AgencyPage[]): Row[] {
  const d = datasetOf(name);
  return [...pages].sort((a, b) => a.agency.code.localeCompare(b.agency.code)).flatMap(d.rowsOf);
}

export function datasetCsv(name: DatasetName, rows: readonly Row[]): string {
  const names = datasetOf(name).columns.map((c) => c.name);
  return toCsv(
    names,
    rows.map((r) => names.map((n) => r[n] ?? null)),
  );
}

export function datasetJson(name: DatasetName, seen: PublishedYear, rows: Row[]): OpenDataJson {
  return {
    dataset: name,
    year: seen.publication.year,
    publication: publicationInfo(seen.publication),
    licence: LICENCE,
    columns: datasetOf(name).columns.map((c) => c.name),
    rows,
  };
}

const gzip = promisify(gzipCallback);

/** One open-data file as sent: gzip-compressed once (CSV and JSON shrink ~10×), its type, its size unpacked. */
export interface OpenDataFile {
  gzip: Buffer;
  contentType: string;
  bytes: number;
}

export const fileName = (name: DatasetName, format: Format) => `${name}.${format}`;

/**
 * Every dataset of the published year in both formats from one pass over the agencies' pages: what a
 * publication's downloads send until the next publication (national scale: ~8,300 agencies, ~330,000 OIT rows).
 */
export async function buildOpenDataFiles(
  seen: PublishedYear,
  pages: readonly AgencyPage[],
): Promise<Map<string, OpenDataFile>> {
  const files = new Map<string, OpenDataFile>();
  for (const d of DATASETS) {
    const rows = datasetRows(d.name, pages);
    const texts: Record<Format, { text: string; contentType: string }> = {
      csv: { text: datasetCsv(d.name, rows), contentType: 'text/csv; charset=utf-8' },
      json: {
        text: JSON.stringify(datasetJson(d.name, seen, rows)),
        contentType: 'application/json; charset=utf-8',
      },
    };
    for (const format of FORMATS) {
      const { text, contentType } = texts[format];
      const raw = Buffer.from(text, 'utf8');
      files.set(fileName(d.name, format), { gzip: await gzip(raw), contentType, bytes: raw.length });
    }
  }
  return files;
}

export const DICTIONARY: Dictionary = {
  licence: LICENCE,
  format: {
    th: 'CSV: UTF-8 มี BOM, แถวแรกเป็นชื่อคอลัมน์ภาษาอังกฤษ (ดูความหมายภาษาไทยในพจนานุกรมนี้), คั่นด้วยจุลภาค ตาม RFC 4180; ค่าว่าง = ไม่มีค่า/ไม่แสดง. JSON: rows เป็นรายการออบเจกต์ที่มีชื่อคอลัมน์เดียวกัน, null = ไม่มีค่า. กลุ่มที่มีผู้ตอบน้อยกว่า 5 คนจะไม่แสดงผล',
    en: 'CSV: UTF-8 with a BOM, one header row of English column names (Thai meanings in this dictionary), comma-separated per RFC 4180; empty = no value/withheld. JSON: rows are objects with the same column names, null = no value. Groups under 5 responses are never shown.',
  },
  datasets: DATASETS.map((d) => ({
    name: d.name,
    files: FORMATS.map((f) => `/api/public/open-data/{year}/${d.name}.${f}`),
    rows: d.rows,
    columns: d.columns,
  })),
};
