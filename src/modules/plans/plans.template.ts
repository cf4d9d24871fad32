// The activities a provincial plan starts from (issue 12 §3), in our own words: the kinds of work the plans
// of seeds 000 and 001 list, each with when it happens — months of the fiscal year, or the framework
// calendar's own stages (registration, OIT answering, collection…), so a plan made for a year carries the
// dates NACC set that year — which offices usually carry it, and which stages' laggards it chases.
// Titles say {year} (this fiscal year) and {previous}; offices are roles named after the plan's scope.
import { assertNever } from '../../core/exhaustive.ts';
import type { ActivityKind } from '../../core/plans/activity.ts';
import type { ChaseStage, TemplatePeriod } from '../../core/plans/template.ts';

/** Who carries an activity, named from the scope: a province's offices, or a ministry's integrity centre. */
export const OFFICE_ROLES = ['province_office', 'local_government_office', 'nacc_office'] as const;
export type OfficeRole = (typeof OFFICE_ROLES)[number];

export interface TemplateActivity {
  kind: Exclude<ActivityKind, 'other'>;
  title: { th: string; en: string };
  period: TemplatePeriod;
  offices: readonly OfficeRole[];
  chases: readonly ChaseStage[];
}

const ALL: readonly OfficeRole[] = ['province_office', 'local_government_office', 'nacc_office'];
const PROVINCE: readonly OfficeRole[] = ['province_office'];
const PROVINCE_LOCAL: readonly OfficeRole[] = ['province_office', 'local_government_office'];
const LOCAL: readonly OfficeRole[] = ['local_government_office'];

export const PLAN_TEMPLATE: readonly TemplateActivity[] = [
  {
    kind: 'results_meeting',
    title: {
      th: 'ประชุมแจ้งผลการประเมิน ITA ปีงบประมาณ พ.ศ. {previous} ต่อหัวหน้าส่วนราชการและผู้บริหารท้องถิ่น พร้อมถอดบทเรียนจากหน่วยงานที่ไม่ผ่านเกณฑ์และหน่วยงานที่ได้คะแนนสูง เพื่อกำหนดแนวทางยกระดับคะแนนในปีนี้',
      en: 'Meeting on the FY{previous} ITA results with heads of agencies and local executives: lessons from the agencies that failed and from the best, to set how scores will be raised this year',
    },
    period: { from: 'fiscalMonths', first: -1, last: 0 },
    offices: ALL,
    chases: [],
  },
  {
    kind: 'calendar_notice',
    title: {
      th: 'แจ้งปฏิทินการประเมิน ITA ปีงบประมาณ พ.ศ. {year} และแนวทางส่งเสริมคุณธรรมและความโปร่งใสให้หน่วยงานในพื้นที่ทราบ',
      en: 'Notice of the FY{year} ITA calendar and of the integrity guidance to the agencies of the area',
    },
    period: { from: 'fiscalMonths', first: 0, last: 1 },
    offices: PROVINCE,
    chases: [],
  },
  {
    kind: 'contact_persons',
    title: {
      th: 'ขอให้หน่วยงานแจ้งเจ้าหน้าที่ผู้รับผิดชอบการประเมิน เพื่อแต่งตั้งเป็นคณะทำงานระดับพื้นที่',
      en: 'Agencies name the staff responsible for the assessment, to be appointed to the area’s working team',
    },
    period: { from: 'fiscalMonths', first: 1, last: 1 },
    offices: PROVINCE,
    chases: [],
  },
  {
    kind: 'committee_order',
    title: {
      th: 'ออกคำสั่งแต่งตั้งคณะกรรมการกำกับติดตามและคณะทำงานขับเคลื่อนการประเมิน ITA',
      en: 'Order appointing the steering committee and the working team driving the ITA',
    },
    period: { from: 'fiscalMonths', first: 2, last: 2 },
    offices: PROVINCE,
    chases: [],
  },
  {
    kind: 'briefing',
    title: {
      th: 'ประชุมชี้แจงแนวทางการประเมินปีงบประมาณ พ.ศ. {year} และสร้างการรับรู้แก่หน่วยงานในพื้นที่ ทั้งแบบออนไลน์และในสถานที่',
      en: 'Briefings on the FY{year} assessment for the agencies of the area, online and on site',
    },
    period: { from: 'fiscalMonths', first: 2, last: 4 },
    offices: ALL,
    chases: [],
  },
  {
    kind: 'field_coaching',
    title: {
      th: 'ลงพื้นที่ให้คำแนะนำและคำปรึกษาเรื่องการประเมินแก่หน่วยงานในพื้นที่ทุกแห่ง',
      en: 'Field visits coaching every agency of the area on the assessment',
    },
    period: { from: 'fiscalMonths', first: 2, last: 4 },
    offices: ['nacc_office', 'local_government_office'],
    chases: [],
  },
  {
    kind: 'chase_registration',
    title: {
      th: 'ติดตามเร่งรัดให้หน่วยงานลงทะเบียนเข้าร่วมการประเมิน นำเข้าข้อมูลผู้มีส่วนได้ส่วนเสีย และให้ผู้บริหารอนุมัติข้อมูลให้ทันกำหนด',
      en: 'Chasing agencies to register, enter their stakeholder data and have their executive approve it on time',
    },
    period: {
      from: 'stages',
      stages: ['register', 'stakeholder_data'],
      as: 'dates',
      fallback: { first: 3, last: 4 },
    },
    offices: PROVINCE_LOCAL,
    chases: ['register', 'stakeholder_data'],
  },
  {
    kind: 'admin_workshop',
    title: {
      th: 'ประชุมเชิงปฏิบัติการสำหรับผู้ดูแลระบบของหน่วยงาน (admin) เพื่อพัฒนาและยกระดับคะแนนการประเมิน',
      en: 'Workshop for the agencies’ system administrators on raising their scores',
    },
    period: { from: 'stages', stages: ['register'], as: 'months', fallback: { first: 3, last: 3 } },
    offices: ALL,
    chases: [],
  },
  {
    kind: 'eit_briefing',
    title: {
      th: 'ชี้แจงวิธีเก็บข้อมูลแบบวัดการรับรู้ของผู้มีส่วนได้ส่วนเสียภายนอก (EIT) แก่หน่วยงานในพื้นที่',
      en: 'Briefing the agencies on collecting the external stakeholders’ survey (EIT)',
    },
    period: { from: 'fiscalMonths', first: 4, last: 4 },
    offices: PROVINCE_LOCAL,
    chases: [],
  },
  {
    kind: 'status_meeting',
    title: {
      th: 'ประชุมรายงานสถานะการดำเนินงานของหน่วยงานในพื้นที่ เพื่อเร่งรัดงานตามแบบวัด IIT EIT และ OIT',
      en: 'Status meeting on the agencies’ progress, to speed up their IIT, EIT and OIT work',
    },
    period: { from: 'fiscalMonths', first: 5, last: 5 },
    offices: ALL,
    chases: [],
  },
  {
    kind: 'chase_oit',
    title: {
      th: 'ติดตามเร่งรัดการตอบแบบตรวจการเปิดเผยข้อมูลสาธารณะ (OIT) และการอนุมัติการตอบโดยผู้บริหารของหน่วยงาน',
      en: 'Chasing the agencies’ answers to the open-data assessment (OIT) and their executives’ approval',
    },
    period: { from: 'stages', stages: ['oit_answering'], as: 'dates', fallback: { first: 3, last: 6 } },
    offices: ALL,
    chases: ['oit_answering'],
  },
  {
    kind: 'visit_oit_laggards',
    title: {
      th: 'ลงพื้นที่หน่วยงานที่ยังไม่ตอบหรือยังไม่อนุมัติแบบตรวจ OIT ก่อนสิ้นสุดระยะเวลา',
      en: 'Visits to the agencies that have not answered or approved their OIT before it closes',
    },
    period: { from: 'stageEnd', stage: 'oit_answering', days: 16, fallback: { first: 6, last: 6 } },
    offices: LOCAL,
    chases: ['oit_answering'],
  },
  {
    kind: 'chase_surveys',
    title: {
      th: 'ติดตามเร่งรัดการเก็บข้อมูลแบบวัดการรับรู้ของผู้มีส่วนได้ส่วนเสียภายใน (IIT) และภายนอก (EIT) ให้ครบตามจำนวนขั้นต่ำ',
      en: 'Chasing the collection of the internal (IIT) and external (EIT) stakeholder surveys up to the minimum sample',
    },
    period: {
      from: 'stages',
      stages: ['iit_collection', 'eit_collection'],
      as: 'dates',
      fallback: { first: 3, last: 8 },
    },
    offices: ALL,
    chases: ['iit_collection', 'eit_collection'],
  },
  {
    kind: 'measures_meeting',
    title: {
      th: 'ประชุมติดตามความก้าวหน้าการดำเนินการตามมาตรการส่งเสริมคุณธรรมและความโปร่งใสของหน่วยงานในพื้นที่',
      en: 'Meeting on the progress of the agencies’ integrity measures',
    },
    period: { from: 'fiscalMonths', first: 7, last: 7 },
    offices: LOCAL,
    chases: [],
  },
  {
    kind: 'visit_survey_laggards',
    title: {
      th: 'ลงพื้นที่หน่วยงานที่เก็บข้อมูลแบบวัด IIT หรือ EIT ยังไม่ถึงจำนวนขั้นต่ำ ก่อนสิ้นสุดการเก็บข้อมูล',
      en: 'Visits to the agencies still below the minimum IIT or EIT sample before collection closes',
    },
    period: { from: 'stageEnd', stage: 'eit_collection', days: 16, fallback: { first: 8, last: 8 } },
    offices: LOCAL,
    chases: ['iit_collection', 'eit_collection'],
  },
  {
    kind: 'year_results_meeting',
    title: {
      th: 'ประชุมแจ้งผลการประเมิน ITA ปีงบประมาณ พ.ศ. {year} รายงานผู้บริหาร และถอดบทเรียนเพื่อวางแนวทางในปีถัดไป',
      en: 'Meeting on the FY{year} ITA results, report to the governor, and lessons for next year',
    },
    period: { from: 'stages', stages: ['improvement_plan'], as: 'months', fallback: { first: 11, last: 11 } },
    offices: ALL,
    chases: [],
  },
];

/** The title with the years filled in (Buddhist Era in Thai and English alike: plans speak of FY2568). */
export function templateTitle(t: TemplateActivity, year: number, lang: 'th' | 'en'): string {
  return t.title[lang].replaceAll('{year}', String(year)).replaceAll('{previous}', String(year - 1));
}

export type PlanScopeNames = { kind: 'province'; nameTh: string } | { kind: 'ministry'; nameTh: string };

/** The offices' names for a scope, in the template's order, without repeats. */
export function officeNames(roles: readonly OfficeRole[], scope: PlanScopeNames): string[] {
  const names = roles.map((role) => officeName(role, scope));
  return [...new Set(names)];
}

function officeName(role: OfficeRole, scope: PlanScopeNames): string {
  // A ministry's plan is carried by its anti-corruption operations centre (ศปท.), whatever the role.
  if (scope.kind === 'ministry') return `ศูนย์ปฏิบัติการต่อต้านการทุจริต ${scope.nameTh}`;
  switch (role) {
    case 'province_office':
      return `สำนักงานจังหวัด${scope.nameTh}`;
    case 'local_government_office':
      return `สำนักงานส่งเสริมการปกครองท้องถิ่นจังหวัด${scope.nameTh}`;
    case 'nacc_office':
      return `สำนักงาน ป.ป.ช. ประจำจังหวัด${scope.nameTh}`;
    default:
      return assertNever(role);
  }
}
