// The measures document as a Thai official document (issue 12 §1), in the layout agencies use (seeds 002,
// 004): cover, foreword, contents, background (instruments and weights, the rating table of the source
// year's framework version), "1. results", "2. analysis of weak points", the measures table, the approval
// record. Everything printed comes from the stored document (its frozen source and content), so it never
// disagrees with the published result. Built by the documents module; PDF through LibreOffice.

import { bangkokDay, thaiDate, thaiMonth, thaiMonthPeriod } from '../../core/documents/thai-text.ts';
import type { MeasuresContent, MeasuresSource, WeakPoint } from '../../core/measures/content.ts';
import type { OfficialBlock, OfficialDocument } from '../documents/index.ts';

export interface ExportInput {
  agencyName: string;
  year: number;
  version: number;
  status: string;
  source: MeasuresSource;
  content: MeasuresContent;
  divisions: Map<string, string>;
  approvedAt: Date | null;
  approvedBy: string | null;
  now: Date;
}

const CLASS_TH: Record<WeakPoint['class'], string> = {
  urgent: 'ต้องแก้ไขโดยเร่งด่วน',
  develop: 'ต้องพัฒนาให้ดีขึ้น',
  keep: 'รักษามาตรฐาน',
};
const INSTRUMENT_TH: Record<WeakPoint['instrument'], string> = {
  IIT: 'แบบวัดการรับรู้ของผู้มีส่วนได้ส่วนเสียภายใน (IIT)',
  EIT: 'แบบวัดการรับรู้ของผู้มีส่วนได้ส่วนเสียภายนอก (EIT)',
  OIT: 'แบบวัดการเปิดเผยข้อมูลสาธารณะ (OIT)',
};

const score = (n: number | null) => (n === null ? '–' : n.toFixed(2));

export function measuresDocument(input: ExportInput): OfficialDocument {
  const { source, content, year } = input;
  const title = 'มาตรการส่งเสริมคุณธรรมและความโปร่งใสภายในหน่วยงาน';
  const dateLine = thaiMonth(bangkokDay(input.approvedAt ?? input.now).slice(0, 7));
  return {
    title: `${title} ประจำปีงบประมาณ พ.ศ. ${year} ${input.agencyName}`,
    cover: {
      titleLines: [title, `ประจำปีงบประมาณ พ.ศ. ${year}`],
      organisationLines: [input.agencyName],
      dateLine,
    },
    foreword: {
      heading: 'คำนำ',
      paragraphs: (content.foreword?.trim() || defaultForeword(input)).split(/\n+/).filter(Boolean),
      signOff: [content.preparedBy?.trim() || input.agencyName, dateLine],
    },
    contents: { heading: 'สารบัญ', pageLabel: 'หน้า' },
    body: [
      ...background(source),
      ...results(source),
      ...analysis(source, content),
      ...measuresTable(input),
      ...approval(input),
    ],
    thaiDigits: content.thaiDigits,
  };
}

function defaultForeword({ agencyName, source, year }: ExportInput): string {
  const prev = source.previous
    ? ` เทียบกับปีงบประมาณ พ.ศ. ${source.previous.year} ที่ได้ ${score(source.previous.total)} คะแนน`
    : '';
  return (
    `${agencyName} ได้รับผลการประเมินคุณธรรมและความโปร่งใสในการดำเนินงานของหน่วยงานภาครัฐ (ITA) ` +
    `ประจำปีงบประมาณ พ.ศ. ${source.year} ${score(source.total)} คะแนน ระดับ${source.rating.th}${prev}\n` +
    `หน่วยงานจึงนำผลการประเมินดังกล่าวมาวิเคราะห์ประเด็นที่ต้องแก้ไขโดยเร่งด่วนและประเด็นที่ต้องพัฒนาให้ดีขึ้น ` +
    `แล้วกำหนดมาตรการส่งเสริมคุณธรรมและความโปร่งใสภายในหน่วยงาน ประจำปีงบประมาณ พ.ศ. ${year} ` +
    'พร้อมผู้รับผิดชอบ ขั้นตอนการปฏิบัติ ระยะเวลา และการติดตามและรายงานผล เพื่อนำไปสู่การปฏิบัติอย่างเป็นรูปธรรม'
  );
}

function background(source: MeasuresSource): OfficialBlock[] {
  return [
    {
      kind: 'heading',
      level: 1,
      text: 'ข้อมูลพื้นฐานของการประเมินคุณธรรมและความโปร่งใสในการดำเนินงานของหน่วยงานภาครัฐ',
    },
    {
      kind: 'paragraph',
      text:
        `การประเมิน ITA ประจำปีงบประมาณ พ.ศ. ${source.year} ใช้เครื่องมือ ${source.instruments.length} เครื่องมือ ` +
        'คะแนนรวมคำนวณจากคะแนนของแต่ละเครื่องมือตามน้ำหนักดังนี้',
    },
    {
      kind: 'table',
      columns: [
        { header: 'เครื่องมือการประเมิน', width: 5 },
        { header: 'น้ำหนัก (ร้อยละ)', width: 2, align: 'center' },
      ],
      rows: source.instruments.map((i) => [i.name.th, String(i.weight)]),
    },
    {
      kind: 'table',
      caption: `ระดับผลการประเมิน (กรอบการประเมินปีงบประมาณ พ.ศ. ${source.framework.year})`,
      columns: [
        { header: 'คะแนน', width: 2, align: 'center' },
        { header: 'ระดับผลการประเมิน', width: 2, align: 'center' },
        { header: 'เงื่อนไข', width: 4 },
      ],
      rows: source.ratings.map((r) => [
        r.totalAtLeast === null ? 'ต่ำกว่าระดับข้างต้น' : `${r.totalAtLeast.toFixed(2)} ขึ้นไป`,
        r.th,
        r.condition ?? 'ไม่มีเงื่อนไข',
      ]),
    },
  ];
}

function results(source: MeasuresSource): OfficialBlock[] {
  const prev = source.previous
    ? ` ปีงบประมาณ พ.ศ. ${source.previous.year} ได้ ${score(source.previous.total)} คะแนน` +
      `${source.previous.rating ? ` ระดับ${source.previous.rating}` : ''} ` +
      `(${source.total >= source.previous.total ? 'เพิ่มขึ้น' : 'ลดลง'} ${Math.abs(source.total - source.previous.total).toFixed(2)} คะแนน)`
    : '';
  const blocks: OfficialBlock[] = [
    {
      kind: 'heading',
      level: 1,
      numbered: true,
      text: `ผลการประเมิน ITA ประจำปีงบประมาณ พ.ศ. ${source.year}`,
      pageBreakBefore: true,
    },
    {
      kind: 'paragraph',
      text: `หน่วยงานได้คะแนนรวม ${score(source.total)} คะแนน ระดับผลการประเมิน ${source.rating.th}${prev}`,
    },
    {
      kind: 'table',
      caption: 'คะแนนรายตัวชี้วัด',
      columns: [
        { header: 'ลำดับ', width: 1, align: 'center' },
        { header: 'เครื่องมือ', width: 1.4, align: 'center' },
        { header: 'ตัวชี้วัด', width: 5 },
        { header: 'คะแนน', width: 1.6, align: 'center' },
        { header: 'ผลการประเมิน', width: 2, align: 'center' },
      ],
      rows: source.indicators.map((i) => [
        String(i.order),
        i.instrument,
        i.name.th,
        score(i.score),
        i.passes === null ? '–' : i.passes ? 'ผ่านเกณฑ์' : 'ไม่ผ่านเกณฑ์',
      ]),
    },
  ];
  if (source.advice.length > 0 || source.adviceOverall) {
    blocks.push({ kind: 'heading', level: 2, text: 'ข้อเสนอแนะของผู้ประเมิน', inContents: false });
    if (source.advice.length > 0)
      blocks.push({
        kind: 'list',
        items: source.advice.map(
          (a) => `${a.questionCode ? `ข้อ ${a.questionCode} ` : `${a.instrument} `}${a.issue}: ${a.advice}`,
        ),
      });
    if (source.adviceOverall) blocks.push({ kind: 'paragraph', text: source.adviceOverall });
  }
  return blocks;
}

function analysis(source: MeasuresSource, content: MeasuresContent): OfficialBlock[] {
  const blocks: OfficialBlock[] = [
    {
      kind: 'heading',
      level: 1,
      numbered: true,
      text: 'วิเคราะห์ประเด็นที่เป็นข้อบกพร่องหรือจุดอ่อนที่ต้องปรับปรุง/พัฒนาให้ดีขึ้น',
    },
    {
      kind: 'paragraph',
      text:
        `จากผลการประเมินปีงบประมาณ พ.ศ. ${source.year} หน่วยงานวิเคราะห์ประเด็นที่ต้องแก้ไขโดยเร่งด่วน ` +
        `(ข้อคำถามที่ได้คะแนนต่ำกว่า ${source.passThreshold} คะแนน) ประเด็นที่ต้องพัฒนาให้ดีขึ้น ` +
        '(ข้อคำถามที่ได้คะแนนต่ำสุดของตัวชี้วัด) และตัวชี้วัดที่ควรรักษามาตรฐาน แยกตามเครื่องมือการประเมิน ดังนี้',
    },
  ];
  const nameOf = new Map(source.indicators.map((i) => [i.code, i]));
  for (const instrument of ['IIT', 'EIT', 'OIT'] as const) {
    const points = content.weakPoints.filter((p) => p.instrument === instrument);
    if (points.length === 0) continue;
    blocks.push({ kind: 'heading', level: 2, numbered: true, text: INSTRUMENT_TH[instrument] });
    blocks.push({
      kind: 'table',
      columns: [
        { header: 'ตัวชี้วัด', width: 3 },
        { header: 'คะแนน', width: 1.4, align: 'center' },
        { header: 'ประเด็นที่ต้องปรับปรุง/พัฒนา', width: 6 },
      ],
      rows: points.map((p) => {
        const ind = nameOf.get(p.indicator);
        return [
          `(${ind?.order ?? p.indicator}) ${ind?.name.th ?? p.indicator}`,
          score(p.score),
          {
            lines: [
              `[${CLASS_TH[p.class]}]${p.questionCodes.length ? ` ข้อ ${p.questionCodes.join(', ')}` : ''}`,
              p.text,
            ],
          },
        ];
      }),
    });
  }
  return blocks;
}

function measuresTable(input: ExportInput): OfficialBlock[] {
  const { content, year } = input;
  return [
    {
      kind: 'heading',
      level: 1,
      text: `มาตรการส่งเสริมคุณธรรมและความโปร่งใส ประจำปีงบประมาณ พ.ศ. ${year}`,
      pageBreakBefore: true,
    },
    {
      kind: 'paragraph',
      text: `จากผลการวิเคราะห์ข้างต้น หน่วยงานกำหนดมาตรการเพื่อรักษาและยกระดับผลการประเมิน ประจำปีงบประมาณ พ.ศ. ${year} ดังนี้`,
    },
    content.measures.length === 0
      ? { kind: 'paragraph', text: '(ยังไม่ได้กำหนดมาตรการ)' }
      : {
          kind: 'table',
          columns: [
            { header: 'มาตรการ/แนวทาง', width: 3 },
            { header: 'ขั้นตอน/วิธีการปฏิบัติ', width: 5 },
            { header: 'ผู้รับผิดชอบ', width: 2.2 },
            { header: 'ระยะเวลา\nดำเนินการ', width: 2.2, align: 'center' },
            { header: 'การติดตาม/\nการรายงานผล', width: 2.6 },
          ],
          rows: content.measures.map((m, i) => [
            `${i + 1}. ${m.title}`,
            { lines: m.steps.map((s, k) => `${k + 1}. ${s}`) },
            m.divisionIds
              .map((id) => input.divisions.get(id) ?? '')
              .filter(Boolean)
              .join('\n'),
            thaiMonthPeriod(m.from, m.to),
            m.monitoring,
          ]),
        },
  ];
}

function approval(input: ExportInput): OfficialBlock[] {
  if (input.status !== 'approved' || !input.approvedAt)
    return [
      {
        kind: 'paragraph',
        text: `(ฉบับร่าง ฉบับที่ ${input.version} ยังไม่ได้รับอนุมัติ)`,
        align: 'center',
        indent: false,
      },
    ];
  return [
    {
      kind: 'signature',
      lines: [
        'อนุมัติ',
        ...(input.approvedBy ? [`(${input.approvedBy})`] : []),
        'ผู้บริหารหน่วยงาน',
        thaiDate(bangkokDay(input.approvedAt)),
      ],
    },
  ];
}
