// The measures document as agencies print it, rendered for real (DOCX → PDF by LibreOffice → text and PNG
// by poppler): its sections in order, numbered in Thai digits, the figures of the source it was made from,
// every measure in the table, A4 pages, none blank. Prints the page count and the conversion time.
import { execFileSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { pageSizes, pageTexts, renderPage } from '../../../test/helpers/pdf-check.ts';
import { fromThaiDigits } from '../../core/documents/thai-text.ts';
import type { MeasuresContent, MeasuresSource } from '../../core/measures/content.ts';
import { docxToPdf, officialDocx } from '../documents/index.ts';
import { measuresDocument } from './measures.export.ts';
import { proposedWeakPoints } from './measures.source.ts';

const hasSoffice = (() => {
  try {
    execFileSync('soffice', ['--version'], { stdio: 'ignore', timeout: 30_000 });
    return true;
  } catch {
    return false;
  }
})();

const NAMES = [
  'การปฏิบัติหน้าที่',
  'การใช้งบประมาณ',
  'การใช้อำนาจ',
  'การใช้ทรัพย์สินของราชการ',
  'การแก้ไขปัญหาการทุจริต',
  'คุณภาพการดำเนินงาน',
  'ประสิทธิภาพการสื่อสาร',
  'การปรับปรุงระบบการทำงาน',
  'การเปิดเผยข้อมูล',
  'การป้องกันการทุจริต',
];
const text = (th: string) => ({ th, en: null });

function source(): MeasuresSource {
  const instrumentOf = (i: number) => (i < 5 ? 'IIT' : i < 8 ? 'EIT' : 'OIT');
  const scores = [87.85, 83.24, 96.5, 85.25, 84.14, 96.38, 92.92, 92.89, 93.25, 90];
  return {
    runId: randomUUID(),
    year: 2567,
    framework: { year: 2567, version: 1 },
    total: 91.37,
    rating: { code: 'pass', th: 'ผ่าน' },
    passThreshold: 85,
    previous: { year: 2566, total: 88.12, rating: 'A' },
    instruments: [
      { code: 'IIT', name: text('แบบวัดการรับรู้ของผู้มีส่วนได้ส่วนเสียภายใน (IIT)'), weight: 30, score: 87.4 },
      { code: 'EIT1', name: text('แบบวัดการรับรู้ของผู้มีส่วนได้ส่วนเสียภายนอก (EIT) ส่วนที่ 1'), weight: 15, score: 94 },
      { code: 'EIT2', name: text('แบบวัดการรับรู้ของผู้มีส่วนได้ส่วนเสียภายนอก (EIT) ส่วนที่ 2'), weight: 15, score: 93.1 },
      { code: 'OIT', name: text('แบบวัดการเปิดเผยข้อมูลสาธารณะ (OIT)'), weight: 40, score: 91.6 },
    ],
    indicators: NAMES.map((n, i) => ({
      order: i + 1,
      instrument: instrumentOf(i),
      code: String(i + 1),
      name: text(n),
      score: scores[i] ?? null,
      passes: (scores[i] ?? 0) >= 85,
    })),
    questions: NAMES.slice(0, 8).flatMap((_, i) =>
      [0, 1, 2].map((k) => ({
        instrument: instrumentOf(i),
        displayCode: i < 5 ? `i${i * 3 + k + 1}` : `E${i * 3 + k + 1}`,
        indicator: String(i + 1),
        text: text(`ข้อคำถามที่ ${k + 1} ของตัวชี้วัด ${NAMES[i]} เกี่ยวกับการปฏิบัติงานของเจ้าหน้าที่ในหน่วยงาน`),
        score: (scores[i] ?? 90) + (k - 1) * 4,
      })),
    ),
    oitItems: [
      {
        displayCode: 'o27',
        indicator: '10',
        title: text('มาตรการส่งเสริมคุณธรรมและความโปร่งใสภายในหน่วยงาน'),
        score: 0,
      },
      { displayCode: 'o1', indicator: '9', title: text('โครงสร้าง'), score: 100 },
    ],
    advice: [
      {
        instrument: 'IIT',
        questionCode: 'i10',
        issue: 'การยืมทรัพย์สินของราชการ',
        advice: 'กำหนดขั้นตอนการยืมไว้ในคู่มือและเผยแพร่ให้บุคลากรทราบ',
      },
    ],
    adviceOverall: 'หน่วยงานควรรักษามาตรฐานและสื่อสารมาตรการให้ทั่วถึง',
    ratings: [
      { code: 'excellent', th: 'ผ่านดีเยี่ยม', totalAtLeast: 95, condition: 'ทุกเครื่องมือได้ 95 คะแนนขึ้นไป' },
      { code: 'good', th: 'ผ่านดี', totalAtLeast: 85, condition: 'ทุกเครื่องมือได้ 85 คะแนนขึ้นไป' },
      { code: 'pass', th: 'ผ่าน', totalAtLeast: 85, condition: null },
      { code: 'improve', th: 'ต้องปรับปรุง', totalAtLeast: 70, condition: null },
      { code: 'urgent', th: 'ต้องปรับปรุงโดยด่วน', totalAtLeast: null, condition: null },
    ],
  };
}

describe.runIf(hasSoffice || process.env.CI)('measures document, rendered', () => {
  let texts: string[];
  let pdf: Buffer;
  const src = source();
  const divisions = new Map([
    [randomUUID(), 'สำนักปลัด'],
    [randomUUID(), 'กองคลัง'],
  ]);
  const weakPoints = proposedWeakPoints(src);
  const content: MeasuresContent = {
    foreword: null,
    preparedBy: 'สำนักปลัด งานนิติการ',
    thaiDigits: true,
    weakPoints,
    measures: weakPoints.slice(0, 6).map((p, i) => ({
      id: randomUUID(),
      title: `มาตรการที่ตอบประเด็น ${p.questionCodes.join(', ') || p.indicator} ลำดับ ${i + 1}`,
      weakPointIds: [p.id],
      indicators: [],
      steps: ['จัดทำแนวปฏิบัติให้ชัดเจน', 'ประชาสัมพันธ์ให้บุคลากรทราบ', 'ติดตามผลการปฏิบัติทุกไตรมาส'],
      divisionIds: [...divisions.keys()],
      from: '2024-10',
      to: '2025-09',
      monitoring: 'รายงานผลต่อผู้บริหารทุกไตรมาส',
    })),
  };

  beforeAll(async () => {
    const docx = await officialDocx(
      measuresDocument({
        agencyName: 'องค์การบริหารส่วนจังหวัดตัวอย่าง',
        year: 2568,
        version: 1,
        status: 'approved',
        source: src,
        content,
        divisions,
        approvedAt: new Date('2025-02-24T03:00:00Z'),
        approvedBy: 'ผู้บริหารตัวอย่าง',
        now: new Date('2025-02-24T03:00:00Z'),
      }),
    );
    const started = Date.now();
    pdf = await docxToPdf(docx, { timeoutMs: 120_000 });
    texts = await pageTexts(pdf);
    if (process.env.MEASURES_PDF_OUT)
      (await import('node:fs')).writeFileSync(process.env.MEASURES_PDF_OUT, pdf);
    console.info(
      `measures document: ${texts.length} pages, DOCX ${docx.length} B, PDF ${pdf.length} B, converted in ${Date.now() - started} ms`,
    );
  }, 180_000);

  it('has its sections in the agencies’ order, with the source’s figures', () => {
    // Without spaces and line ends: a long heading wraps, and Thai has no spaces between words anyway.
    const all = texts.join('').replace(/\s+/g, '');
    const order = [
      'คำนำ',
      'สารบัญ',
      'ข้อมูลพื้นฐานของการประเมินคุณธรรม',
      '๑. ผลการประเมิน ITA ประจำปีงบประมาณ พ.ศ. ๒๕๖๗',
      '๒. วิเคราะห์ประเด็นที่เป็นข้อบกพร่อง',
      'มาตรการส่งเสริมคุณธรรมและความโปร่งใส ประจำปีงบประมาณ พ.ศ. ๒๕๖๘',
    ];
    let at = 0;
    for (const heading of order) {
      const found = all.indexOf(heading.replace(/\s+/g, ''), at);
      expect(found, heading).toBeGreaterThan(-1);
      at = found;
    }
    expect(all).toContain('๙๑.๓๗'); // the total, in Thai digits, as stored
    expect(all).toContain('ผ่านดีเยี่ยม'); // the rating table
    expect(fromThaiDigits(all)).toContain('o27'); // the OIT item scored 0
  });

  it('prints every measure, on A4 pages, none blank', async () => {
    const all = fromThaiDigits(texts.join('\n'));
    for (let i = 1; i <= content.measures.length; i++)
      expect(all).toMatch(new RegExp(`(^|\\s)${i}\\. มาตรการ`));
    const sizes = await pageSizes(pdf);
    expect(sizes.length).toBeGreaterThanOrEqual(6);
    for (const s of sizes) expect([Math.round(s.widthMm), Math.round(s.heightMm)]).toEqual([210, 297]);
    for (let p = 1; p <= sizes.length; p++)
      expect((await renderPage(pdf, p)).ink, `page ${p}`).toBeGreaterThan(0.002);
  });
});
