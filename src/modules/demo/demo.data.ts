// The demo province: a real province code (so maps and filters work) with invented agencies and people.
import type { Role } from '../../core/authz.ts';
import type { AgencyType } from '../../shared/agency-types.ts';

export const DEMO_PROVINCE = 'TH-47';
export const DEMO_YEAR = 2568;
export const DEMO_PASSWORD = 'demo1234';

export interface DemoAgency {
  code: string;
  nameTh: string;
  nameEn: string;
  type: AgencyType;
  sizeClass: 'S' | 'M' | 'L';
  ministryCode: string | null;
  parentCode?: string;
  /** Assigned to the demo assessors (assessor, assessor2) for the demo year. */
  assessed: boolean;
  /** Registered for the demo year when the cycle is first opened. */
  registered: boolean;
}

const a = (
  n: string,
  type: AgencyType,
  nameTh: string,
  nameEn: string,
  sizeClass: DemoAgency['sizeClass'],
  ministryCode: string | null,
  flags: { assessed?: boolean; registered?: boolean; parentCode?: string } = {},
): DemoAgency => ({
  code: `DEMO47-${n}`,
  nameTh,
  nameEn,
  type,
  sizeClass,
  ministryCode,
  assessed: flags.assessed ?? false,
  registered: flags.registered ?? true,
  ...(flags.parentCode ? { parentCode: flags.parentCode } : {}),
});

/** Parents come before their children. "Phu Pha Mek" and the other place names are invented. */
export const DEMO_AGENCIES: readonly DemoAgency[] = [
  a('01', 'province', 'สำนักงานจังหวัดภูผาเมฆ', 'Phu Pha Mek Provincial Office', 'L', 'MOI', { assessed: true }),
  a('02', 'district', 'ที่ว่าการอำเภอเมืองภูผาเมฆ', 'Mueang Phu Pha Mek District Office', 'M', 'MOI', {
    assessed: true,
    parentCode: 'DEMO47-01',
  }),
  a('03', 'district', 'ที่ว่าการอำเภอห้วยน้ำใส', 'Huai Nam Sai District Office', 'S', 'MOI', {
    parentCode: 'DEMO47-01',
  }),
  a(
    '04',
    'pao',
    'องค์การบริหารส่วนจังหวัดภูผาเมฆ',
    'Phu Pha Mek Provincial Administrative Organization',
    'L',
    'LOCAL',
    { assessed: true },
  ),
  a('05', 'town_municipality', 'เทศบาลเมืองภูผาเมฆ', 'Phu Pha Mek Town Municipality', 'M', 'LOCAL', {
    assessed: true,
  }),
  a(
    '06',
    'subdistrict_municipality',
    'เทศบาลตำบลห้วยน้ำใส',
    'Huai Nam Sai Subdistrict Municipality',
    'M',
    'LOCAL',
    {
      assessed: true,
    },
  ),
  a(
    '07',
    'subdistrict_municipality',
    'เทศบาลตำบลดอนแก้วงาม',
    'Don Kaeo Ngam Subdistrict Municipality',
    'S',
    'LOCAL',
  ),
  a(
    '08',
    'sao',
    'องค์การบริหารส่วนตำบลนาบัวทอง',
    'Na Bua Thong Subdistrict Administrative Organization',
    'L',
    'LOCAL',
  ),
  a(
    '09',
    'sao',
    'องค์การบริหารส่วนตำบลโคกดาวเรือง',
    'Khok Dao Rueang Subdistrict Administrative Organization',
    'M',
    'LOCAL',
    { assessed: true, registered: false },
  ),
  a(
    '10',
    'sao',
    'องค์การบริหารส่วนตำบลหนองเต่าคำ',
    'Nong Tao Kham Subdistrict Administrative Organization',
    'S',
    'LOCAL',
  ),
  a('11', 'police_station', 'สถานีตำรวจภูธรห้วยน้ำใส', 'Huai Nam Sai Provincial Police Station', 'M', 'RTP'),
  a('12', 'university', 'มหาวิทยาลัยภูผาเมฆ', 'Phu Pha Mek University', 'L', 'MHESI'),
];

/** The PAO: the agency of the demo agency admin and executive. */
export const DEMO_OWN_AGENCY = 'DEMO47-04';

const ownAgencyName = DEMO_AGENCIES.find((x) => x.code === DEMO_OWN_AGENCY)?.nameTh ?? DEMO_OWN_AGENCY;

export interface DemoUser {
  username: string;
  displayName: string;
  role: Role;
  /** English description for the start-up banner. */
  describe: string;
}

export const DEMO_USERS: readonly DemoUser[] = [
  { username: 'admin', displayName: 'อรุณี ทดลองระบบ', role: 'admin', describe: 'NACC administrator' },
  {
    username: 'assessor',
    displayName: 'ประเสริฐ ตรวจละเอียด',
    role: 'assessor',
    describe: `assessor of ${DEMO_AGENCIES.filter((x) => x.assessed).length} demo agencies (FY${DEMO_YEAR})`,
  },
  {
    username: 'assessor2',
    displayName: 'กนกวรรณ สอบทานดี',
    role: 'assessor',
    describe: 'second assessor of the same agencies: approves the EIT part-2 interviews (four eyes)',
  },
  {
    username: 'supervisor',
    displayName: 'วิไลวรรณ ดูแลทั่วถึง',
    role: 'supervisor',
    describe: `supervisor of province ${DEMO_PROVINCE} (สกลนคร)`,
  },
  {
    username: 'agency-admin',
    displayName: 'ธนากร ขยันงาน',
    role: 'agency_admin',
    describe: `agency admin of ${ownAgencyName}`,
  },
  {
    username: 'executive',
    displayName: 'สุภาพร นำทางดี',
    role: 'executive',
    describe: `executive of ${ownAgencyName}`,
  },
  {
    username: 'staff',
    displayName: 'มณีรัตน์ ช่วยตอบ',
    role: 'agency_staff',
    describe: `staff member of ${ownAgencyName}: fills in the OIT items delegated to them`,
  },
];
