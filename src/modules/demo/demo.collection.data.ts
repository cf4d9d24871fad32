// What the demo shows of FY2568 collection: per agency its stakeholder numbers, how far each survey is
// against its minimum, and which agency shows the quality problems. Numbers are invented but plausible for
// each type of agency (a university has more staff than a small subdistrict office).
import { DEMO_OWN_AGENCY } from './demo.data.ts';

export interface DemoCollection {
  code: string;
  /** Staff with a year of service (IIT population) and estimated service users (EIT population). */
  iitPopulation: number;
  eitPopulation: number;
  /** 'approved': approved by the executive; 'changed': edited after approval (needs re-approval). */
  approval: 'approved' | 'changed' | 'none';
  /** Responses recorded as a share of the instrument's minimum (1.1 = 10 % above it). */
  iitProgress: number;
  eit1Progress: number;
  /** Size of the EIT part-2 contact list. */
  contacts: number;
}

const c = (
  n: string,
  iitPopulation: number,
  eitPopulation: number,
  approval: DemoCollection['approval'],
  iitProgress: number,
  eit1Progress: number,
  contacts: number,
): DemoCollection => ({
  code: `DEMO47-${n}`,
  iitPopulation,
  eitPopulation,
  approval,
  iitProgress,
  eit1Progress,
  contacts,
});

/** Registered demo agencies only (DEMO47-09 is not registered for FY2568). */
export const DEMO_COLLECTION: readonly DemoCollection[] = [
  c('01', 180, 900, 'approved', 1.15, 1.05, 90),
  c('02', 60, 450, 'approved', 1.1, 0.7, 60),
  c('03', 25, 120, 'approved', 0.6, 0.5, 30),
  c('04', 320, 1200, 'approved', 0.85, 0.55, 60),
  c('05', 140, 700, 'changed', 1.2, 1.1, 70),
  c('06', 90, 300, 'approved', 2.3, 1.0, 50),
  c('07', 35, 150, 'none', 0.04, 0, 30),
  c('08', 75, 600, 'approved', 0.9, 0.4, 40),
  c('10', 18, 80, 'approved', 1.0, 1.2, 30),
  c('11', 110, 1000, 'approved', 1.3, 0.8, 50),
  c('12', 400, 2500, 'approved', 0.45, 0.3, 60),
];

/** The PAO: its IIT access code is fixed and printed at start-up, so newcomers can try the respondent page. */
export const DEMO_IIT_AGENCY = DEMO_OWN_AGENCY;
export const DEMO_IIT_CODE = 'PHUPHA47';
/** The agency whose IIT requires single-use tokens besides the code. */
export const DEMO_TOKENS_AGENCY = 'DEMO47-05';
export const DEMO_TOKEN_COUNT = 40;
/** The agency whose IIT responses raise quality flags (a burst of identical sheets, speeders, straight-liners). */
export const DEMO_FLAGGED_AGENCY = 'DEMO47-06';
/** The agency with almost no responses. */
export const DEMO_SILENT_AGENCY = 'DEMO47-07';

/** Responses are dated within the FY2568 collection window (it runs 2025-01-01 to 2025-06-30). */
export const DEMO_FIRST_DAY = '2025-01-13';
export const DEMO_COLLECTION_DAYS = 60;
/** The day the flagged agency's burst happened. */
export const DEMO_BURST_DAY = '2025-02-12';

/** Extensions keep the demo's collection windows open today, long after FY2568's own dates. */
export const DEMO_EXTENSION_REASON =
  'ข้อมูลสาธิต: ขยายเวลาเก็บข้อมูลเพื่อให้ทดลองตอบแบบสำรวจได้ (Demo: kept open so the surveys can be tried)';
export const DEMO_EXTENSION_DAYS = 180;
export const DEMO_COLLECTION_STAGES = ['iit_collection', 'eit_collection'] as const;

// Invented Thai names for the EIT part-2 contact lists: combined at random, they match no one on purpose.
export const DEMO_FIRST_NAMES = [
  'กมลชนก',
  'กิตติพัฒน์',
  'จันทร์เพ็ญ',
  'ชยพล',
  'ณัฐธิดา',
  'ดวงใจ',
  'ธีรวัฒน์',
  'นภาพร',
  'บุญเรือน',
  'ปิยะนุช',
  'พงศกร',
  'มานพ',
  'รัตนาภรณ์',
  'ศิริชัย',
  'สมหญิง',
  'อภิชาติ',
  'อัมพร',
  'วันเพ็ญ',
  'เอกชัย',
  'ประยูร',
];
export const DEMO_LAST_NAMES = [
  'แก้วประเสริฐ',
  'ศรีสุขใจ',
  'ทองมาก',
  'บุญประคอง',
  'ใจดีงาม',
  'พรหมวงศ์',
  'สุขสำราญ',
  'เรืองศรี',
  'มั่นคงดี',
  'ชัยมงคล',
  'นาคสวัสดิ์',
  'ดอนแก้ว',
  'ภูผาทอง',
  'สายน้ำใส',
];
export const DEMO_ORGANISATIONS = [
  'ห้างหุ้นส่วนจำกัด ภูผาก่อสร้าง',
  'วิสาหกิจชุมชนทอผ้าห้วยน้ำใส',
  'บริษัท ดอนแก้วพาณิชย์ จำกัด',
  'สหกรณ์การเกษตรนาบัวทอง',
  'ร้านวัสดุภูผาเมฆ',
  'กลุ่มแม่บ้านโคกดาวเรือง',
];
export const DEMO_RELATIONS = [
  'ผู้รับบริการ',
  'ผู้รับบริการ',
  'ผู้รับบริการ',
  'ผู้ประกอบการ/คู่สัญญา',
  'ผู้นำชุมชน',
  'หน่วยงานภาครัฐที่ติดต่อ',
];
