// Lessons learned as one workbook for the meeting (seed 000, activity 16): a sheet per table of the answer —
// summary and targets, ratings against last year, agencies × indicators, OIT items failed, weakest
// questions, agencies to learn from, agencies that fell — Thai headers, Buddhist-Era dates. Built from the
// API's answer, so the two cannot disagree; written into the response by the one streamed writer
// (src/app/xlsx-stream.ts), a sheet at a time.
import type { Writable } from 'node:stream';
import { writeXlsx, type XlsxCell, type XlsxSheet } from '../../app/xlsx-stream.ts';
import { thaiDateTime } from '../results/index.ts';
import type { Lessons } from './lessons.schema.ts';

const percent = (share: number | null) => (share === null ? null : Math.round(share * 10_000) / 100);
const metText = (met: boolean | null) => (met === null ? '-' : met ? 'บรรลุเป้าหมาย' : 'ยังไม่บรรลุเป้าหมาย');
const SOURCE_TH = { run: 'ผลที่เผยแพร่ในระบบ', imported: 'ผลย้อนหลังที่นำเข้า' } as const;

/** A sheet of one table, columns fitted to their cells (the answer's tables are in memory already). */
const sheet = (name: string, headers: string[], rows: XlsxCell[][]): XlsxSheet => ({
  name,
  headers,
  widths: 'fit',
  rows,
});

/** The workbook to `out`; resolves when it is written. */
export function writeLessonsXlsx(out: Writable, l: Lessons, generatedAt: Date): Promise<void> {
  return writeXlsx(out, lessonsSheets(l, generatedAt), { created: generatedAt });
}

function* lessonsSheets(l: Lessons, generatedAt: Date): Generator<XlsxSheet> {
  const { summary, targets } = l;
  yield sheet(
    'สรุปผล',
    ['รายการ', 'ค่า'],
    [
      ['พื้นที่', l.scope.name.th],
      ['ปีงบประมาณ พ.ศ.', l.year],
      ['วันที่เผยแพร่ผล', thaiDateTime(l.publication.publishAt)],
      ['จำนวนหน่วยงาน', summary.agencies],
      ['คะแนนเฉลี่ย', summary.mean],
      [`ผ่านเกณฑ์ (${l.framework.passThreshold} คะแนน) จำนวน`, summary.passing],
      ['ผ่านเกณฑ์ ร้อยละ', percent(summary.share)],
      [`คะแนนเฉลี่ยปี พ.ศ. ${summary.lastYear.year}`, summary.lastYear.mean],
      [`ผ่านเกณฑ์ปี พ.ศ. ${summary.lastYear.year} ร้อยละ`, percent(summary.lastYear.share)],
      ['เป้าหมายระดับประเทศ (ร้อยละของหน่วยงานที่ผ่านเกณฑ์)', percent(targets.national?.targetShare ?? null)],
      ['ผลเทียบเป้าหมายระดับประเทศ', metText(targets.national?.met ?? null)],
      [
        'เป้าหมายของพื้นที่',
        targets.own
          ? `${targets.own.threshold} คะแนนขึ้นไป ร้อยละ ${percent(targets.own.targetShare)} ของหน่วยงาน`
          : 'ยังไม่กำหนด',
      ],
      ['หน่วยงานที่ถึงเป้าหมายของพื้นที่', targets.own?.reached ?? null],
      ['ร้อยละที่ถึงเป้าหมายของพื้นที่', percent(targets.own?.share ?? null)],
      ['ผลเทียบเป้าหมายของพื้นที่', metText(targets.own?.met ?? null)],
      ['วันที่ออกรายงาน', thaiDateTime(generatedAt.toISOString())],
    ],
  );
  yield sheet(
    'ระดับผลการประเมิน',
    ['ระดับผลการประเมิน', 'จำนวน', 'ร้อยละ', `จำนวนปี พ.ศ. ${summary.lastYear.year}`, 'เปลี่ยนแปลง'],
    l.ratings.map((r) => [r.th, r.count, percent(r.share), r.lastYear, r.change]),
  );
  yield sheet(
    'คะแนนรายตัวชี้วัด',
    [
      'รหัสหน่วยงาน',
      'หน่วยงาน',
      'ประเภท',
      'คะแนนรวม',
      'ระดับผลการประเมิน',
      ...l.heatmap.indicators.map((i) => `ตัวชี้วัดที่ ${i.code} ${i.name.th}`),
    ],
    l.heatmap.rows.map((r) => [
      r.agency.code,
      r.agency.nameTh,
      r.agency.type.th,
      r.total,
      r.rating.th,
      ...r.cells.map((c) => (c === null ? 'ไม่แสดงผล' : c)),
    ]),
  );
  if (l.heatmap.provinces)
    yield sheet(
      'คะแนนเฉลี่ยรายจังหวัด',
      [
        'จังหวัด',
        'จำนวนหน่วยงาน',
        'คะแนนรวมเฉลี่ย',
        ...l.heatmap.indicators.map((i) => `ตัวชี้วัดที่ ${i.code} ${i.name.th}`),
      ],
      l.heatmap.provinces.map((p) => [p.name.th, p.agencies, p.total, ...p.cells]),
    );
  yield sheet(
    'ข้อ OIT ที่ไม่ผ่าน',
    ['ข้อ', 'ตัวชี้วัด', 'รายการ', 'จำนวนหน่วยงานที่ไม่ผ่าน', 'จำนวนหน่วยงานที่ประเมิน'],
    l.oitItems.map((o) => [o.code, o.indicator, o.title.th, o.failed, o.assessed]),
  );
  yield sheet(
    'ข้อคำถามที่อ่อน',
    ['เครื่องมือ', 'ข้อ', 'ตัวชี้วัด', 'ข้อคำถาม', 'จำนวนหน่วยงานที่ต่ำกว่าเกณฑ์', 'จำนวนหน่วยงาน', 'คะแนนเฉลี่ย'],
    l.questions.map((q) => [q.instrument, q.code, q.indicator, q.text.th, q.failed, q.assessed, q.mean]),
  );
  yield sheet(
    'หน่วยงานต้นแบบ',
    ['ประเภทหน่วยงาน', 'รหัสหน่วยงาน', 'หน่วยงาน', 'คะแนนรวม', 'ระดับผลการประเมิน'],
    l.topPerformers.flatMap((g) =>
      g.agencies.map((a) => [g.type.th, a.agency.code, a.agency.nameTh, a.total, a.rating.th]),
    ),
  );
  yield sheet(
    'หน่วยงานที่คะแนนลดลง',
    [
      'รหัสหน่วยงาน',
      'หน่วยงาน',
      `คะแนนปี พ.ศ. ${l.year}`,
      `คะแนนปี พ.ศ. ${summary.lastYear.year}`,
      'ผลต่าง',
      'จากผ่านเป็นไม่ผ่าน',
      'ที่มาของคะแนนปีก่อน',
    ],
    l.fell.map((f) => [
      f.agency.code,
      f.agency.nameTh,
      f.total,
      f.lastYear.total,
      f.change,
      f.lostPass ? 'ใช่' : '-',
      SOURCE_TH[f.lastYear.source],
    ]),
  );
}
