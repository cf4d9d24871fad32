// A document with every kind of block, for the builder's tests and the render check.
import type { OfficialDocument } from './official-docx.ts';

const long =
  'หน่วยงานนำผลการประเมินคุณธรรมและความโปร่งใสในการดำเนินงานของหน่วยงานภาครัฐมาวิเคราะห์หาจุดที่ควรปรับปรุง ' +
  'และกำหนดแนวทางที่ทำได้จริงภายในปีงบประมาณถัดไป โดยระบุผู้รับผิดชอบ ขั้นตอน ระยะเวลา และวิธีติดตามผลอย่างชัดเจน';

export function sampleDocument(thaiDigits: boolean): OfficialDocument {
  const rows = Array.from({ length: 14 }, (_, i) => [
    `${i + 1}. มาตรการที่ ${i + 1}`,
    { lines: ['จัดทำแนวปฏิบัติ', 'ประชาสัมพันธ์ให้บุคลากรทราบ', 'ติดตามผลทุกไตรมาส'], bullets: true },
    'สำนักปลัด\nกองคลัง',
    'ต.ค. 2567 – ก.ย. 2568',
    'รายงานผู้บริหารทุกไตรมาส',
  ]);
  return {
    title: 'มาตรการส่งเสริมคุณธรรมและความโปร่งใสภายในหน่วยงาน',
    cover: {
      titleLines: ['มาตรการส่งเสริมคุณธรรมและความโปร่งใส', 'ภายในหน่วยงาน', 'ประจำปีงบประมาณ พ.ศ. 2568'],
      organisationLines: ['เทศบาลตำบลตัวอย่าง', 'จังหวัดตัวอย่าง'],
      dateLine: 'กุมภาพันธ์ 2568',
    },
    foreword: {
      heading: 'คำนำ',
      paragraphs: [long, long],
      signOff: ['สำนักปลัด', 'กุมภาพันธ์ 2568'],
    },
    contents: { heading: 'สารบัญ', pageLabel: 'หน้า' },
    body: [
      { kind: 'heading', level: 1, text: 'ข้อมูลพื้นฐานของการประเมิน' },
      { kind: 'paragraph', text: long },
      { kind: 'list', items: ['แบบวัด IIT ร้อยละ 30', 'แบบวัด EIT ร้อยละ 30', 'แบบวัด OIT ร้อยละ 40'] },
      {
        kind: 'table',
        caption: 'เกณฑ์ระดับผลการประเมิน',
        columns: [
          { header: 'คะแนน', width: 1, align: 'center' },
          { header: 'ระดับ', width: 1, align: 'center' },
        ],
        rows: [
          ['95.00 – 100', 'AA'],
          ['85.00 – 94.99', 'A'],
        ],
      },
      {
        kind: 'heading',
        level: 1,
        numbered: true,
        text: 'ผลการประเมิน ITA ประจำปีงบประมาณ พ.ศ. 2567',
        pageBreakBefore: true,
      },
      { kind: 'paragraph', text: 'คะแนนรวม 87.85 ระดับ A' },
      { kind: 'heading', level: 1, numbered: true, text: 'วิเคราะห์ประเด็นที่ต้องปรับปรุง/พัฒนา' },
      { kind: 'heading', level: 2, numbered: true, text: 'แบบวัดการรับรู้ของผู้มีส่วนได้ส่วนเสียภายใน (IIT)' },
      { kind: 'paragraph', text: long },
      {
        kind: 'heading',
        level: 1,
        text: 'มาตรการส่งเสริมคุณธรรมและความโปร่งใส ประจำปีงบประมาณ พ.ศ. 2568',
        pageBreakBefore: true,
      },
      {
        kind: 'table',
        columns: [
          { header: 'มาตรการ/แนวทาง', width: 3 },
          { header: 'ขั้นตอน/วิธีการปฏิบัติ', width: 4 },
          { header: 'ผู้รับผิดชอบ', width: 2 },
          { header: 'ระยะเวลา\nดำเนินการ', width: 2, align: 'center' },
          { header: 'การติดตาม/\nการรายงานผล', width: 2 },
        ],
        rows,
      },
      { kind: 'signature', lines: ['(ลงชื่อ) ........................................', 'ผู้บริหารหน่วยงาน'] },
    ],
    thaiDigits,
  };
}
