// The matrix and the roll-up as XLSX for meetings: Thai headers and words, Buddhist-Era dates, written
// row by row into the response by the one streamed writer (src/app/xlsx-stream.ts).
import type { Writable } from 'node:stream';
import { writeXlsx } from '../../app/xlsx-stream.ts';
import type { StageProgressState, TaskCode } from '../../core/monitoring/progress.ts';
import { AGENCY_TYPE_LABELS } from '../../shared/agency-type-labels.ts';
import type { AgencyType } from '../../shared/agency-types.ts';
import type { MatrixRow, RollupBy, RollupGroup } from './monitoring.schema.ts';

export const STATE_TH: Record<StageProgressState, string> = {
  done: 'เสร็จแล้ว',
  upcoming: 'ยังไม่เริ่ม',
  open: 'อยู่ระหว่างดำเนินการ',
  due_soon: 'ใกล้ครบกำหนด',
  overdue: 'เลยกำหนด',
  unscheduled: 'ไม่มีในปฏิทิน',
};

export const TASK_TH: Record<TaskCode, string> = {
  registration: 'ลงทะเบียน',
  stakeholder_entry: 'กรอกข้อมูลผู้มีส่วนได้ส่วนเสีย',
  stakeholder_approval: 'ผู้บริหารอนุมัติข้อมูลผู้มีส่วนได้ส่วนเสีย',
  iit: 'IIT',
  eit1: 'EIT ส่วนที่ 1',
  eit2: 'EIT ส่วนที่ 2 (ผู้ประเมิน)',
  oit_answers: 'ตอบ OIT',
  oit_approval: 'ผู้บริหารอนุมัติ OIT',
  oit_scoring: 'ผู้ประเมินให้คะแนน OIT',
  oit_clarification: 'ชี้แจง OIT',
  oit_confirmation: 'ผู้ประเมินยืนยันผล OIT',
};

/** A day as Thai readers write it: Buddhist Era ("31 ม.ค. 2568"). The day is already a Bangkok day. */
export function thaiDay(isoDay: string): string {
  return new Intl.DateTimeFormat('th-TH', {
    timeZone: 'UTC',
    day: 'numeric',
    month: 'short',
    year: 'numeric',
  }).format(new Date(`${isoDay}T00:00:00Z`));
}

const typeTh = (t: AgencyType) => AGENCY_TYPE_LABELS[t].th;

function progressText(tasks: MatrixRow['stages'][number]['tasks']): string {
  return tasks
    .map((t) => {
      const amount =
        t.required === null
          ? `${t.done}/?`
          : t.required === 1 && t.done <= 1
            ? t.complete
              ? '✓'
              : '✗'
            : `${t.done}/${t.required}`;
      return `${TASK_TH[t.code]} ${amount}`;
    })
    .join('; ');
}

function stageText(cell: MatrixRow['stages'][number]): string {
  const parts = [STATE_TH[cell.state]];
  if (cell.deadline) parts.push(`กำหนด ${thaiDay(cell.deadline)}${cell.extended ? ' (ขยาย)' : ''}`);
  if (cell.daysLeft !== null) parts.push(`เหลือ ${cell.daysLeft} วัน`);
  if (cell.agencyOutstanding) parts.push('หน่วยงานยังค้าง');
  return parts.join(' · ');
}

interface StageHead {
  code: string;
  name: { th: string };
}

const asOf = (today: string) => [[], [`ข้อมูล ณ วันที่ ${thaiDay(today)}`]];

/** The matrix rows (already filtered and sorted) to `out`; resolves when the workbook is written. */
export function writeMatrixXlsx(
  out: Writable,
  meta: { year: number; today: string },
  stages: readonly StageHead[],
  rows: Iterable<MatrixRow>,
): Promise<void> {
  function* lines() {
    for (const r of rows) {
      const cells = new Map(r.stages.map((c) => [c.code, c]));
      yield [
        r.agency.code,
        r.agency.nameTh,
        typeTh(r.agency.type),
        r.agency.province?.name.th ?? '',
        r.agency.ministry?.name.th ?? '',
        r.registered ? 'ลงทะเบียนแล้ว' : 'ยังไม่ลงทะเบียน',
        r.overdueStages,
        ...stages.flatMap((s) => {
          const c = cells.get(s.code as MatrixRow['stages'][number]['code']);
          return c ? [stageText(c), progressText(c.tasks)] : ['', ''];
        }),
      ];
    }
  }
  return writeXlsx(out, [
    {
      name: `ติดตาม ${meta.year}`,
      frozenColumns: 2,
      headers: [
        'รหัสหน่วยงาน',
        'ชื่อหน่วยงาน',
        'ประเภท',
        'จังหวัด',
        'กระทรวง',
        'ลงทะเบียน',
        'ค้างเกินกำหนด (ขั้นตอน)',
        ...stages.flatMap((s) => [`${s.name.th}: สถานะ`, `${s.name.th}: ความคืบหน้า`]),
      ],
      widths: [16, 40, 22, 16, 24, 10, 12, ...stages.flatMap(() => [36, 40])],
      rows: lines(),
      footer: asOf(meta.today),
    },
  ]);
}

const BY_TH: Record<RollupBy, string> = { ministry: 'กระทรวง', type: 'ประเภทหน่วยงาน', province: 'จังหวัด' };

/** The roll-up's counts in column order, with their Thai headers (the web table shows the same counts). */
const ROLLUP_COLUMNS: readonly [Exclude<keyof RollupGroup, 'key' | 'name'>, string][] = [
  ['agencies', 'จำนวนหน่วยงาน'],
  ['registered', 'ลงทะเบียนแล้ว'],
  ['stakeholderEntered', 'กรอกข้อมูลผู้มีส่วนได้ส่วนเสียแล้ว'],
  ['stakeholderApproved', 'อนุมัติข้อมูลผู้มีส่วนได้ส่วนเสียแล้ว'],
  ['iitReached', 'IIT ครบขั้นต่ำ'],
  ['eit1Reached', 'EIT ส่วนที่ 1 ครบขั้นต่ำ'],
  ['eit2Reached', 'EIT ส่วนที่ 2 ครบขั้นต่ำ'],
  ['oitAnswered', 'ตอบ OIT ครบ'],
  ['oitApproved', 'ผู้บริหารอนุมัติ OIT ครบ'],
  ['oitScored', 'ผู้ประเมินให้คะแนน OIT ครบ'],
  ['oitClarified', 'ชี้แจง OIT ครบ'],
  ['oitConfirmed', 'ยืนยันผล OIT แล้ว'],
  ['behind', 'มีงานค้าง'],
  ['overdue', 'ค้างเกินกำหนด'],
];

/** The roll-up groups and their total to `out`. */
export function writeRollupXlsx(
  out: Writable,
  meta: { year: number; today: string; by: RollupBy },
  total: RollupGroup,
  groups: readonly RollupGroup[],
): Promise<void> {
  const line = (name: string, g: RollupGroup) => [name, ...ROLLUP_COLUMNS.map(([key]) => g[key])];
  return writeXlsx(out, [
    {
      name: `ภาพรวม ${meta.year}`,
      headers: [BY_TH[meta.by], ...ROLLUP_COLUMNS.map(([, th]) => th)],
      widths: [36, ...ROLLUP_COLUMNS.map(() => 14)],
      rows: [...groups.map((g) => line(groupName(meta.by, g), g)), line('รวม', total)],
      footer: asOf(meta.today),
    },
  ]);
}

export function groupName(by: RollupBy, g: RollupGroup): string {
  if (g.key === null) return by === 'ministry' ? 'ไม่สังกัดกระทรวง' : 'ไม่ระบุ';
  return g.name?.th ?? g.key;
}
