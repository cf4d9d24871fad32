// Thai and English names of the agency types (codes in ./agency-types.ts), shared by the API and the web app.
import type { AgencyType } from './agency-types.ts';

export const AGENCY_TYPE_LABELS: Record<AgencyType, { th: string; en: string }> = {
  central_department: { th: 'ส่วนราชการระดับกรม', en: 'Central government department' },
  ministry_office: { th: 'สำนักงานปลัดกระทรวง', en: 'Office of the Permanent Secretary' },
  province: { th: 'จังหวัด', en: 'Province' },
  district: { th: 'อำเภอ', en: 'District' },
  pao: { th: 'องค์การบริหารส่วนจังหวัด', en: 'Provincial Administrative Organization' },
  city_municipality: { th: 'เทศบาลนคร', en: 'City municipality' },
  town_municipality: { th: 'เทศบาลเมือง', en: 'Town municipality' },
  subdistrict_municipality: { th: 'เทศบาลตำบล', en: 'Subdistrict municipality' },
  sao: { th: 'องค์การบริหารส่วนตำบล', en: 'Subdistrict Administrative Organization' },
  special_local: { th: 'องค์กรปกครองส่วนท้องถิ่นรูปแบบพิเศษ', en: 'Special local government' },
  police_station: { th: 'สถานีตำรวจ', en: 'Police station' },
  university: { th: 'สถาบันอุดมศึกษา', en: 'Higher education institution' },
  state_enterprise: { th: 'รัฐวิสาหกิจ', en: 'State enterprise' },
  public_organization: { th: 'องค์การมหาชน', en: 'Public organization' },
  independent_agency: { th: 'องค์กรอิสระและหน่วยงานอื่นของรัฐ', en: 'Independent or other state agency' },
  judicial: { th: 'หน่วยงานศาลและยุติธรรม', en: 'Judicial agency' },
  legislative: { th: 'หน่วยงานฝ่ายนิติบัญญัติ', en: 'Legislative agency' },
};
