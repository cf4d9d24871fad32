// Reference data loaded into `provinces` and `ministries` at every start (idempotent upsert).
// Province codes are ISO 3166-2:TH; regions follow the six-region scheme.
import type { MinistryKind, Region } from '../../db/schema/index.ts';

export interface ProvinceData {
  code: string;
  nameTh: string;
  nameEn: string;
  region: Region;
}

export interface MinistryData {
  code: string;
  nameTh: string;
  nameEn: string;
  kind: MinistryKind;
}

export const REGION_LABELS: Record<Region, { th: string; en: string }> = {
  north: { th: 'ภาคเหนือ', en: 'North' },
  northeast: { th: 'ภาคตะวันออกเฉียงเหนือ', en: 'Northeast' },
  central: { th: 'ภาคกลาง', en: 'Central' },
  east: { th: 'ภาคตะวันออก', en: 'East' },
  west: { th: 'ภาคตะวันตก', en: 'West' },
  south: { th: 'ภาคใต้', en: 'South' },
};

const p = (code: string, nameTh: string, nameEn: string, region: Region): ProvinceData => ({
  code: `TH-${code}`,
  nameTh,
  nameEn,
  region,
});

export const PROVINCES: readonly ProvinceData[] = [
  p('10', 'กรุงเทพมหานคร', 'Bangkok', 'central'),
  p('11', 'สมุทรปราการ', 'Samut Prakan', 'central'),
  p('12', 'นนทบุรี', 'Nonthaburi', 'central'),
  p('13', 'ปทุมธานี', 'Pathum Thani', 'central'),
  p('14', 'พระนครศรีอยุธยา', 'Phra Nakhon Si Ayutthaya', 'central'),
  p('15', 'อ่างทอง', 'Ang Thong', 'central'),
  p('16', 'ลพบุรี', 'Lop Buri', 'central'),
  p('17', 'สิงห์บุรี', 'Sing Buri', 'central'),
  p('18', 'ชัยนาท', 'Chai Nat', 'central'),
  p('19', 'สระบุรี', 'Saraburi', 'central'),
  p('20', 'ชลบุรี', 'Chon Buri', 'east'),
  p('21', 'ระยอง', 'Rayong', 'east'),
  p('22', 'จันทบุรี', 'Chanthaburi', 'east'),
  p('23', 'ตราด', 'Trat', 'east'),
  p('24', 'ฉะเชิงเทรา', 'Chachoengsao', 'east'),
  p('25', 'ปราจีนบุรี', 'Prachin Buri', 'east'),
  p('26', 'นครนายก', 'Nakhon Nayok', 'central'),
  p('27', 'สระแก้ว', 'Sa Kaeo', 'east'),
  p('30', 'นครราชสีมา', 'Nakhon Ratchasima', 'northeast'),
  p('31', 'บุรีรัมย์', 'Buri Ram', 'northeast'),
  p('32', 'สุรินทร์', 'Surin', 'northeast'),
  p('33', 'ศรีสะเกษ', 'Si Sa Ket', 'northeast'),
  p('34', 'อุบลราชธานี', 'Ubon Ratchathani', 'northeast'),
  p('35', 'ยโสธร', 'Yasothon', 'northeast'),
  p('36', 'ชัยภูมิ', 'Chaiyaphum', 'northeast'),
  p('37', 'อำนาจเจริญ', 'Amnat Charoen', 'northeast'),
  p('38', 'บึงกาฬ', 'Bueng Kan', 'northeast'),
  p('39', 'หนองบัวลำภู', 'Nong Bua Lam Phu', 'northeast'),
  p('40', 'ขอนแก่น', 'Khon Kaen', 'northeast'),
  p('41', 'อุดรธานี', 'Udon Thani', 'northeast'),
  p('42', 'เลย', 'Loei', 'northeast'),
  p('43', 'หนองคาย', 'Nong Khai', 'northeast'),
  p('44', 'มหาสารคาม', 'Maha Sarakham', 'northeast'),
  p('45', 'ร้อยเอ็ด', 'Roi Et', 'northeast'),
  p('46', 'กาฬสินธุ์', 'Kalasin', 'northeast'),
  p('47', 'สกลนคร', 'Sakon Nakhon', 'northeast'),
  p('48', 'นครพนม', 'Nakhon Phanom', 'northeast'),
  p('49', 'มุกดาหาร', 'Mukdahan', 'northeast'),
  p('50', 'เชียงใหม่', 'Chiang Mai', 'north'),
  p('51', 'ลำพูน', 'Lamphun', 'north'),
  p('52', 'ลำปาง', 'Lampang', 'north'),
  p('53', 'อุตรดิตถ์', 'Uttaradit', 'north'),
  p('54', 'แพร่', 'Phrae', 'north'),
  p('55', 'น่าน', 'Nan', 'north'),
  p('56', 'พะเยา', 'Phayao', 'north'),
  p('57', 'เชียงราย', 'Chiang Rai', 'north'),
  p('58', 'แม่ฮ่องสอน', 'Mae Hong Son', 'north'),
  p('60', 'นครสวรรค์', 'Nakhon Sawan', 'central'),
  p('61', 'อุทัยธานี', 'Uthai Thani', 'central'),
  p('62', 'กำแพงเพชร', 'Kamphaeng Phet', 'central'),
  p('63', 'ตาก', 'Tak', 'west'),
  p('64', 'สุโขทัย', 'Sukhothai', 'central'),
  p('65', 'พิษณุโลก', 'Phitsanulok', 'central'),
  p('66', 'พิจิตร', 'Phichit', 'central'),
  p('67', 'เพชรบูรณ์', 'Phetchabun', 'central'),
  p('70', 'ราชบุรี', 'Ratchaburi', 'west'),
  p('71', 'กาญจนบุรี', 'Kanchanaburi', 'west'),
  p('72', 'สุพรรณบุรี', 'Suphan Buri', 'central'),
  p('73', 'นครปฐม', 'Nakhon Pathom', 'central'),
  p('74', 'สมุทรสาคร', 'Samut Sakhon', 'central'),
  p('75', 'สมุทรสงคราม', 'Samut Songkhram', 'central'),
  p('76', 'เพชรบุรี', 'Phetchaburi', 'west'),
  p('77', 'ประจวบคีรีขันธ์', 'Prachuap Khiri Khan', 'west'),
  p('80', 'นครศรีธรรมราช', 'Nakhon Si Thammarat', 'south'),
  p('81', 'กระบี่', 'Krabi', 'south'),
  p('82', 'พังงา', 'Phangnga', 'south'),
  p('83', 'ภูเก็ต', 'Phuket', 'south'),
  p('84', 'สุราษฎร์ธานี', 'Surat Thani', 'south'),
  p('85', 'ระนอง', 'Ranong', 'south'),
  p('86', 'ชุมพร', 'Chumphon', 'south'),
  p('90', 'สงขลา', 'Songkhla', 'south'),
  p('91', 'สตูล', 'Satun', 'south'),
  p('92', 'ตรัง', 'Trang', 'south'),
  p('93', 'พัทลุง', 'Phatthalung', 'south'),
  p('94', 'ปัตตานี', 'Pattani', 'south'),
  p('95', 'ยะลา', 'Yala', 'south'),
  p('96', 'นราธิวาส', 'Narathiwat', 'south'),
];

const m = (code: string, nameTh: string, nameEn: string, kind: MinistryKind = 'ministry'): MinistryData => ({
  code,
  nameTh,
  nameEn,
  kind,
});

/** The 20 ministry-level bodies, then codes for agencies outside them (ITA assesses those too). */
export const MINISTRIES: readonly MinistryData[] = [
  m('OPM', 'สำนักนายกรัฐมนตรี', 'Office of the Prime Minister'),
  m('MOD', 'กระทรวงกลาโหม', 'Ministry of Defence'),
  m('MOF', 'กระทรวงการคลัง', 'Ministry of Finance'),
  m('MFA', 'กระทรวงการต่างประเทศ', 'Ministry of Foreign Affairs'),
  m('MOTS', 'กระทรวงการท่องเที่ยวและกีฬา', 'Ministry of Tourism and Sports'),
  m('MSDHS', 'กระทรวงการพัฒนาสังคมและความมั่นคงของมนุษย์', 'Ministry of Social Development and Human Security'),
  m(
    'MHESI',
    'กระทรวงการอุดมศึกษา วิทยาศาสตร์ วิจัยและนวัตกรรม',
    'Ministry of Higher Education, Science, Research and Innovation',
  ),
  m('MOAC', 'กระทรวงเกษตรและสหกรณ์', 'Ministry of Agriculture and Cooperatives'),
  m('MOT', 'กระทรวงคมนาคม', 'Ministry of Transport'),
  m('MDES', 'กระทรวงดิจิทัลเพื่อเศรษฐกิจและสังคม', 'Ministry of Digital Economy and Society'),
  m('MNRE', 'กระทรวงทรัพยากรธรรมชาติและสิ่งแวดล้อม', 'Ministry of Natural Resources and Environment'),
  m('MOEN', 'กระทรวงพลังงาน', 'Ministry of Energy'),
  m('MOC', 'กระทรวงพาณิชย์', 'Ministry of Commerce'),
  m('MOI', 'กระทรวงมหาดไทย', 'Ministry of Interior'),
  m('MOJ', 'กระทรวงยุติธรรม', 'Ministry of Justice'),
  m('MOL', 'กระทรวงแรงงาน', 'Ministry of Labour'),
  m('MCULT', 'กระทรวงวัฒนธรรม', 'Ministry of Culture'),
  m('MOE', 'กระทรวงศึกษาธิการ', 'Ministry of Education'),
  m('MOPH', 'กระทรวงสาธารณสุข', 'Ministry of Public Health'),
  m('MIND', 'กระทรวงอุตสาหกรรม', 'Ministry of Industry'),
  m('RTP', 'สำนักงานตำรวจแห่งชาติ', 'Royal Thai Police (not under a ministry)', 'other'),
  m('LOCAL', 'องค์กรปกครองส่วนท้องถิ่น', 'Local government organizations', 'other'),
  m(
    'IND',
    'องค์กรอิสระตามรัฐธรรมนูญและองค์กรอัยการ',
    'Independent constitutional organizations and the public prosecutors',
    'other',
  ),
  m('JUD', 'หน่วยงานศาล', 'Courts of justice and their offices', 'other'),
  m('LEG', 'หน่วยงานฝ่ายนิติบัญญัติ', 'Legislative agencies', 'other'),
  m(
    'OTHER',
    'หน่วยงานของรัฐอื่นที่ไม่สังกัดสำนักนายกรัฐมนตรี กระทรวง หรือทบวง',
    'Other state agencies not under the Office of the Prime Minister or a ministry',
    'other',
  ),
];
