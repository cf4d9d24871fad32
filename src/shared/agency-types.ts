// Agency types known to the registry. Frameworks refer to these for question applicability and sample tables.
export const AGENCY_TYPES = [
  'central_department', // กรม / ส่วนราชการระดับกรม
  'ministry_office', // สำนักงานปลัดกระทรวง
  'province', // จังหวัด (ศาลากลางจังหวัด)
  'district', // อำเภอ
  'pao', // องค์การบริหารส่วนจังหวัด
  'city_municipality', // เทศบาลนคร
  'town_municipality', // เทศบาลเมือง
  'subdistrict_municipality', // เทศบาลตำบล
  'sao', // องค์การบริหารส่วนตำบล
  'special_local', // กรุงเทพมหานคร / เมืองพัทยา
  'police_station', // สถานีตำรวจ
  'university', // สถาบันอุดมศึกษา
  'state_enterprise', // รัฐวิสาหกิจ
  'public_organization', // องค์การมหาชน
  'independent_agency', // องค์กรอิสระ / หน่วยงานอื่นของรัฐ
  'judicial', // ศาล / หน่วยงานยุติธรรม
  'legislative', // หน่วยงานฝ่ายนิติบัญญัติ
] as const;
export type AgencyType = (typeof AGENCY_TYPES)[number];

export const LOCAL_GOVERNMENT_TYPES: readonly AgencyType[] = [
  'pao',
  'city_municipality',
  'town_municipality',
  'subdistrict_municipality',
  'sao',
  'special_local',
];
