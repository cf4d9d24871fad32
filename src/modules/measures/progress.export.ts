// The progress report on the measures (issue 12 §2; the evidence of the progress item o28/O43 of the next
// cycle): per measure of the approved version, its latest status, what was done and the evidence, and —
// once the measures year is published — how its targets moved; signed by the executive (the date of the
// newest signature). Built by the documents module like the measures document.
import { bangkokDay, thaiDate, thaiMonth, thaiMonthPeriod } from '../../core/documents/thai-text.ts';
import type { MeasureEffect } from '../../core/measures/effect.ts';
import type { MeasureProgressStatus } from '../../db/schema/measures.ts';
import type { OfficialDocument } from '../documents/index.ts';
import type { MeasureDocumentRow, ProgressFileRow, ProgressRow } from './measures.repo.ts';

const STATUS_TH: Record<MeasureProgressStatus, string> = {
  not_started: 'ยังไม่เริ่ม',
  in_progress: 'กำลังดำเนินการ',
  done: 'ดำเนินการแล้ว',
  cancelled: 'ยกเลิก',
};

function effectWords(e: MeasureEffect | undefined): string {
  if (!e) return '–';
  switch (e.status) {
    case 'pending':
      return 'รอผลการประเมิน';
    case 'unknown':
      return 'เทียบคะแนนไม่ได้';
    case 'unchanged':
      return 'คะแนนเท่าเดิม';
    case 'improved':
      return `ดีขึ้น ${e.meanChange?.toFixed(2)} คะแนน`;
    case 'declined':
      return `ลดลง ${Math.abs(e.meanChange ?? 0).toFixed(2)} คะแนน`;
  }
}

/** A file's size as people read it: bytes, KB or MB (1024-based, one decimal in MB). */
export function fileSizeText(bytes: number): string {
  if (bytes < 1024) return `${bytes} ไบต์`;
  if (bytes < 1024 * 1024) return `${Math.round(bytes / 1024)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

/** An entry's evidence as the report lists it: the link, then each file by name and size. */
const evidenceLines = (p: ProgressRow, files: ProgressFileRow[]) => [
  ...(p.evidenceUrl ? [p.evidenceUrl] : []),
  ...files.filter((f) => f.progressId === p.id).map((f) => `ไฟล์ ${f.name} (${fileSizeText(f.size)})`),
];

export function progressDocument(input: {
  agencyName: string;
  doc: MeasureDocumentRow;
  progress: ProgressRow[];
  files: ProgressFileRow[];
  effects: Map<string, MeasureEffect>;
  signedBy: string | null;
  now: Date;
}): OfficialDocument {
  const { doc } = input;
  const title = 'รายงานผลการดำเนินงานตามมาตรการส่งเสริมคุณธรรมและความโปร่งใสภายในหน่วยงาน';
  const dateLine = thaiMonth(bangkokDay(input.now).slice(0, 7));
  const rows = doc.content.measures.map((m, i) => {
    const entries = input.progress.filter((p) => p.measureId === m.id);
    const latest = entries.at(-1);
    return [
      `${i + 1}. ${m.title}\n(${thaiMonthPeriod(m.from, m.to)})`,
      latest ? STATUS_TH[latest.status] : 'ยังไม่ได้รายงาน',
      { lines: entries.length ? entries.map((p) => `${thaiDate(p.day)}: ${p.note}`) : ['–'] },
      // Addresses and file names as they are: Thai digits would break a link and rename a file.
      { lines: entries.flatMap((p) => evidenceLines(p, input.files)), verbatim: true },
      effectWords(input.effects.get(m.id)),
    ];
  });
  return {
    title: `${title} ประจำปีงบประมาณ พ.ศ. ${doc.year} ${input.agencyName}`,
    cover: {
      titleLines: [title, `ประจำปีงบประมาณ พ.ศ. ${doc.year}`],
      organisationLines: [input.agencyName],
      dateLine,
    },
    body: [
      { kind: 'heading', level: 1, text: 'ผลการดำเนินงานตามมาตรการ' },
      {
        kind: 'paragraph',
        text:
          `หน่วยงานรายงานผลการดำเนินงานตามมาตรการส่งเสริมคุณธรรมและความโปร่งใสภายในหน่วยงาน ประจำปีงบประมาณ ` +
          `พ.ศ. ${doc.year} (ฉบับที่ ${doc.version}) ซึ่งจัดทำจากผลการประเมินปีงบประมาณ พ.ศ. ${doc.sourceYear} ดังนี้`,
      },
      {
        kind: 'table',
        columns: [
          { header: 'มาตรการ', width: 3 },
          { header: 'สถานะ', width: 1.6, align: 'center' },
          { header: 'ผลการดำเนินงาน', width: 4 },
          { header: 'หลักฐาน', width: 2.4 },
          { header: 'ผลต่อคะแนน', width: 1.8, align: 'center' },
        ],
        rows,
      },
      doc.progressSignedAt
        ? {
            kind: 'signature',
            lines: [
              'ทราบและรับรองผลการดำเนินงาน',
              ...(input.signedBy ? [`(${input.signedBy})`] : []),
              'ผู้บริหารหน่วยงาน',
              thaiDate(bangkokDay(doc.progressSignedAt)),
            ],
          }
        : { kind: 'paragraph', text: '(ผู้บริหารยังไม่ได้ลงนาม)', align: 'center', indent: false },
    ],
    thaiDigits: doc.content.thaiDigits,
  };
}
