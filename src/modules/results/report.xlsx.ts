// The report as one workbook (issue 10 §3 "XLSX of every table"): a sheet per table — summary, indicators,
// instruments, IIT questions, EIT questions, OIT items, advice — with Thai headers and Buddhist-Era dates,
// the same figures as the report API (built from its answer, so the two cannot disagree).
import type { Workbook as ExcelWorkbook } from 'exceljs';
import { fitWidths } from '../../app/xlsx-stream.ts';
import type { AgencyReport } from './report.schema.ts';

/** A date and time as Thai readers write it: Buddhist Era, Bangkok time ("6 ธันวาคม 2569 เวลา 15:00"). */
export function thaiDateTime(iso: string): string {
  return new Intl.DateTimeFormat('th-TH', {
    timeZone: 'Asia/Bangkok',
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
  }).format(new Date(iso));
}

const BASIS_TH: Record<AgencyReport['basis'], string> = {
  published: 'เผยแพร่แล้ว',
  embargoed: 'ยังไม่ถึงเวลาเผยแพร่ (เฉพาะ ป.ป.ช.)',
  provisional: 'ผลเบื้องต้น ยังไม่เผยแพร่',
};
const passText = (p: boolean | null) => (p === null ? '-' : p ? 'ผ่านเกณฑ์' : 'ไม่ผ่านเกณฑ์');

/** A sheet of one table: bold frozen header, columns as wide as their longest cell (the streamed sheets' rule). */
export function reportSheet(
  wb: ExcelWorkbook,
  name: string,
  headers: string[],
  rows: (string | number | null)[][],
) {
  const ws = wb.addWorksheet(name);
  ws.addRow(headers).font = { bold: true };
  for (const r of rows) ws.addRow(r.map((v) => (v === null ? '' : v)));
  const widths = fitWidths(headers, rows);
  ws.columns.forEach((c, i) => {
    c.width = widths[i] ?? 10;
  });
  ws.views = [{ state: 'frozen', ySplit: 1 }];
  return ws;
}

export async function reportWorkbook(r: AgencyReport, generatedAt: Date): Promise<Buffer> {
  // exceljs is loaded on the first workbook, not at start (src/app/lazy-imports.test.ts).
  const { Workbook } = (await import('exceljs')).default;
  const wb = new Workbook();
  wb.creator = 'Prongsai';
  wb.created = generatedAt;
  reportSheet(
    wb,
    'สรุปผล',
    ['รายการ', 'ค่า'],
    [
      ['หน่วยงาน', r.agency.nameTh],
      ['รหัสหน่วยงาน', r.agency.code],
      ['ปีงบประมาณ พ.ศ.', r.year],
      ['คะแนนรวม', r.total],
      ['ระดับผลการประเมิน', r.rating.th],
      ['ผลการประเมิน', r.passes ? 'ผ่านเกณฑ์' : 'ไม่ผ่านเกณฑ์'],
      ['เกณฑ์ผ่าน', r.passThreshold],
      ['คะแนนปีก่อน', r.previous ? `${r.previous.total} (พ.ศ. ${r.previous.year})` : '-'],
      ['ผลต่างจากปีก่อน', r.difference],
      ['สถานะ', BASIS_TH[r.basis]],
      ['วันที่เผยแพร่', r.publication ? thaiDateTime(r.publication.publishAt) : '-'],
      ['เหตุผลการแก้ไขผล', r.publication?.reason ?? '-'],
      ['กรอบการประเมิน', `พ.ศ. ${r.framework.year} ฉบับที่ ${r.framework.version ?? '-'}`],
      ['วันที่ออกรายงาน', thaiDateTime(generatedAt.toISOString())],
    ],
  );
  reportSheet(
    wb,
    'ตัวชี้วัด',
    ['ลำดับ', 'เครื่องมือ', 'ตัวชี้วัด', 'คะแนน', 'ผลการประเมิน'],
    r.indicators.map((i) => [i.order, i.instrument, i.name.th, i.score, passText(i.passes)]),
  );
  reportSheet(
    wb,
    'เครื่องมือ',
    [
      'เครื่องมือ',
      'ชื่อ',
      'น้ำหนัก (ร้อยละ)',
      'คะแนน',
      'จำนวนผู้ตอบ',
      'ขั้นต่ำ',
      'จำนวนประชากร',
      'ค่าคลาดเคลื่อน (±)',
      'เหตุที่ไม่ประมวลผล',
    ],
    r.instruments.map((i) => [
      i.code,
      i.name.th,
      i.weight,
      i.score,
      i.n,
      i.minimum,
      i.population,
      i.marginOfError,
      i.notProcessed?.th ?? '',
    ]),
  );
  const questions = (eit: boolean) =>
    r.questions
      .filter((q) => (q.instrument === 'IIT') !== eit)
      .map(
        (q) =>
          [q.displayCode, q.instrument, q.indicator, q.text.th, q.score, q.weakest ? 'ควรปรับปรุง' : ''] as (
            | string
            | number
          )[],
      );
  const qHeaders = ['ข้อ', 'เครื่องมือ', 'ตัวชี้วัด', 'ข้อคำถาม', 'คะแนน', 'ข้อที่ได้คะแนนต่ำสุด'];
  reportSheet(wb, 'IIT รายข้อ', qHeaders, questions(false));
  reportSheet(wb, 'EIT รายข้อ', qHeaders, questions(true));
  reportSheet(
    wb,
    'OIT รายข้อ',
    ['ข้อ', 'ตัวชี้วัดย่อย', 'รายการ', 'คะแนน', 'องค์ประกอบที่พบ', 'องค์ประกอบที่ไม่พบ', 'ความเห็นผู้ประเมิน', 'ข้อเสนอแนะ'],
    r.oitItems.map((o) => [
      o.displayCode,
      o.subIndicator,
      o.title.th,
      o.score,
      o.components
        .filter((c) => c.found === true)
        .map((c) => c.text.th)
        .join('\n'),
      o.components
        .filter((c) => c.found === false)
        .map((c) => c.text.th)
        .join('\n'),
      o.comment,
      o.advice,
    ]),
  );
  reportSheet(
    wb,
    'ข้อเสนอแนะ',
    ['เครื่องมือ', 'ข้อ', 'ประเด็น', 'ข้อเสนอแนะ'],
    [
      ...[...r.advice.iit, ...r.advice.eit].map((a) => [
        a.instrument,
        a.questionCode ?? '-',
        a.issue,
        a.advice,
      ]),
      ...(r.advice.overall ? [['ความเห็นโดยรวม', '', '', r.advice.overall]] : []),
    ],
  );
  return Buffer.from(await wb.xlsx.writeBuffer());
}
