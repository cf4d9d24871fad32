// The plan as a Thai official document (issue 12 §3), through the documents module's one builder: a cover
// (the plan's name, the province or ministry, the month it was last saved), the activities table as the plans
// of seeds 000 and 001 print it (ลำดับ | กิจกรรม/การดำเนินงาน | ระยะเวลา | หน่วยงานผู้รับผิดชอบ | สถานะ), the notes,
// and the year's framework calendar the dates follow. DOCX, or PDF through LibreOffice.
import { bangkokToday } from '../../core/calendar.ts';
import { formatPeriod, formatYearMonth } from '../../core/plans/period.ts';
import type { OfficialBlock, OfficialDocument } from '../documents/index.ts';
import type { Plan } from './plans.schema.ts';

const STATUS_TH: Record<Plan['activities'][number]['status'], string> = {
  planned: 'ตามแผน',
  in_progress: 'กำลังดำเนินการ',
  done: 'ดำเนินการแล้ว',
  cancelled: 'ยกเลิก',
};

const scopeLine = (plan: Plan) =>
  plan.scope.kind === 'province' ? `จังหวัด${plan.scope.name.th}` : plan.scope.name.th;

export function planFileName(plan: Plan, ext: 'docx' | 'pdf'): string {
  // ASCII only: the header's filename must survive every client.
  return `plan-${plan.scope.kind}-${plan.scope.code.replace(/[^A-Za-z0-9-]/g, '')}-${plan.year}.${ext}`;
}

export function planDocument(plan: Plan, thaiDigits: boolean, now: Date): OfficialDocument {
  const where = scopeLine(plan);
  const title = `แผนขับเคลื่อนการประเมิน ITA ประจำปีงบประมาณ พ.ศ. ${plan.year} ${where}`;
  const month = formatYearMonth(
    bangkokToday(plan.updatedAt ? new Date(plan.updatedAt) : now).slice(0, 7),
    'th',
  );
  const chasing = plan.activities.filter((a) => a.chases.length > 0).length;
  const body: OfficialBlock[] = [
    { kind: 'heading', level: 1, numbered: true, text: 'แผนการขับเคลื่อนการดำเนินงาน' },
    {
      kind: 'paragraph',
      indent: true,
      align: 'justify',
      text:
        `${where}กำหนดกิจกรรมเพื่อขับเคลื่อนหน่วยงานในพื้นที่ให้ดำเนินการประเมินคุณธรรมและความโปร่งใสในการดำเนินงาน` +
        `ของหน่วยงานภาครัฐ (ITA) ประจำปีงบประมาณ พ.ศ. ${plan.year} ครบทุกขั้นตอนภายในกำหนดเวลา จำนวน ` +
        `${plan.activities.length} กิจกรรม ในจำนวนนี้ ${chasing} กิจกรรมเป็นการติดตามเร่งรัดหน่วยงานที่ยังดำเนินการไม่แล้วเสร็จ ดังนี้`,
    },
    {
      kind: 'table',
      caption: `ตารางกิจกรรมตามแผนขับเคลื่อนการประเมิน ITA ประจำปีงบประมาณ พ.ศ. ${plan.year}`,
      columns: [
        { header: 'ลำดับ', width: 1.4, align: 'center' },
        { header: 'กิจกรรม/การดำเนินงาน', width: 6 },
        { header: 'ระยะเวลา', width: 3, align: 'center' },
        { header: 'หน่วยงาน\nผู้รับผิดชอบ', width: 4 },
        { header: 'สถานะ', width: 2.4, align: 'center' },
      ],
      rows: plan.activities.map((a, i) => [
        { lines: [String(i + 1)], align: 'center' },
        a.title,
        { lines: [formatPeriod(a.period, 'th')], align: 'center' },
        { lines: a.offices.map((o, j) => (a.offices.length > 1 ? `${j + 1}. ${o}` : o)) },
        { lines: [STATUS_TH[a.status]], align: 'center' },
      ]),
    },
  ];
  const notes = plan.activities.flatMap((a, i) => (a.notes ? [`กิจกรรมที่ ${i + 1}: ${a.notes}`] : []));
  if (notes.length > 0)
    body.push(
      { kind: 'heading', level: 2, numbered: true, text: 'หมายเหตุประกอบกิจกรรม' },
      { kind: 'list', items: notes },
    );
  if (plan.calendar.length > 0)
    body.push(
      { kind: 'heading', level: 1, numbered: true, text: 'ปฏิทินการประเมินของสำนักงาน ป.ป.ช.' },
      {
        kind: 'paragraph',
        indent: true,
        text: `ระยะเวลาของกิจกรรมที่ติดตามแต่ละขั้นตอนอ้างอิงปฏิทินการประเมินประจำปีงบประมาณ พ.ศ. ${plan.year} ดังนี้`,
      },
      {
        kind: 'table',
        columns: [
          { header: 'ขั้นตอน', width: 3 },
          { header: 'ระยะเวลา', width: 2, align: 'center' },
        ],
        rows: plan.calendar.map((s) => [
          s.name.th,
          { lines: [formatPeriod({ kind: 'dates', from: s.start, to: s.end }, 'th')], align: 'center' },
        ]),
      },
    );
  return {
    title,
    cover: {
      titleLines: [
        'แผนขับเคลื่อนการประเมิน',
        'คุณธรรมและความโปร่งใสในการดำเนินงาน',
        'ของหน่วยงานภาครัฐ (ITA)',
        `ประจำปีงบประมาณ พ.ศ. ${plan.year}`,
      ],
      organisationLines: [where],
      dateLine: month,
    },
    contents: { heading: 'สารบัญ', pageLabel: 'หน้า' },
    body,
    thaiDigits,
  };
}
