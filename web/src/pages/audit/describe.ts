// One audit entry as one plain sentence, Thai and English ("ผู้บริหารหน่วยงานอนุมัติคำตอบข้อ O13"): who (the
// actor's role, or the system), did what (the action), to what (the kind of entry, with the OIT item or fiscal
// year read from its id). Pure, so every kind and action the server writes is checked by a unit test; a kind
// or action without its own sentence still reads as words (never JSON, never a bare code).
import { type AuditEntityType, isAuditEntityType } from '@server/core/audit/visibility.ts';
import { ROLES, type Role } from '@server/core/authz.ts';

export interface Words {
  th: string;
  en: string;
}

export interface DescribableEntry {
  entityType: string;
  entityId: string;
  action: string;
  before: unknown;
  after: unknown;
  actor: { role: string } | null;
}

const ROLE_WORDS: Record<Role, Words> = {
  admin: { th: 'ผู้ดูแลระบบ สำนักงาน ป.ป.ช.', en: 'A NACC administrator' },
  supervisor: { th: 'ผู้กำกับติดตาม', en: 'A supervisor' },
  assessor: { th: 'ผู้ประเมิน', en: 'An assessor' },
  agency_admin: { th: 'ผู้ดูแลระบบของหน่วยงาน', en: "The agency's administrator" },
  executive: { th: 'ผู้บริหารหน่วยงาน', en: "The agency's executive" },
  agency_staff: { th: 'เจ้าหน้าที่ของหน่วยงาน', en: 'An agency staff member' },
};
const SYSTEM: Words = { th: 'ระบบ', en: 'The system' };
const SOMEONE: Words = { th: 'ผู้ใช้', en: 'A user' };

const isRole = (r: string): r is Role => (ROLES as readonly string[]).includes(r);

/** Who made the change, as the subject of a sentence. */
export function actorWords(actor: { role: string } | null): Words {
  if (actor === null) return SYSTEM;
  return isRole(actor.role) ? ROLE_WORDS[actor.role] : SOMEONE;
}

const isRecord = (v: unknown): v is Record<string, unknown> =>
  v !== null && typeof v === 'object' && !Array.isArray(v);

/** The parts of composite ids: `<agencyId>:<year>[:<item>]`, a bare year, or a uuid. */
function idParts(entityId: string): { year?: number; item?: string } {
  const parts = entityId.split(':');
  const year = parts.map(Number).find((n) => Number.isInteger(n) && n >= 2400 && n <= 2700);
  const last = parts.at(-1) ?? '';
  const item = parts.length >= 3 && /^[A-Za-z]+\d+/.test(last) ? last.toUpperCase() : undefined;
  return { ...(year === undefined ? {} : { year }), ...(item === undefined ? {} : { item }) };
}

const yearWords = (year: number | undefined): Words =>
  year === undefined ? { th: '', en: '' } : { th: ` ปีงบประมาณ พ.ศ. ${year} `, en: ` for FY${year} (BE)` };

const join = (a: Words, b: Words): Words => ({ th: a.th + b.th, en: a.en + b.en });

/** What the entry is about, as the object of a sentence. */
function nounOf(type: AuditEntityType, e: DescribableEntry): Words {
  const { year, item } = idParts(e.entityId);
  const y = yearWords(year);
  const itemTh = item ? `ข้อ ${item}` : '';
  const itemEn = item ? `item ${item}` : 'an item';
  const username = [e.after, e.before].map((v) => (isRecord(v) ? v.username : undefined)).find((u) => u);
  switch (type) {
    case 'agency':
      return { th: 'ข้อมูลหน่วยงาน', en: "the agency's details" };
    case 'agency_import':
      return { th: 'รายชื่อหน่วยงาน', en: 'the list of agencies' };
    case 'assessor_advice':
      return join({ th: 'ข้อเสนอแนะของผู้ประเมิน', en: "the assessor's advice" }, y);
    case 'assessor_assignment':
      return { th: 'การมอบหมายผู้ประเมิน', en: 'the assessor assignments' };
    case 'supervision_plan':
      return join({ th: 'แผนขับเคลื่อนการประเมิน ITA ของจังหวัดหรือกระทรวง', en: 'the provincial ITA plan' }, y);
    case 'cycle':
      return join({ th: 'รอบการประเมิน', en: 'the assessment round' }, y);
    case 'eit2_interview':
      return { th: 'ผลการสัมภาษณ์ EIT', en: 'an EIT interview' };
    case 'eit2_sample':
      return join({ th: 'กลุ่มตัวอย่างสัมภาษณ์ EIT', en: 'the EIT interview sample' }, y);
    case 'eit_contacts':
      return join({ th: 'รายชื่อผู้มีส่วนได้ส่วนเสียภายนอก (EIT)', en: 'the EIT contact list' }, y);
    case 'framework_draft':
      return join({ th: 'ร่างกรอบการประเมิน', en: 'a draft of the assessment framework' }, y);
    case 'framework_version':
      return join({ th: 'กรอบการประเมิน', en: 'the assessment framework' }, y);
    case 'iit_access':
      return join({ th: 'การเข้าตอบแบบ IIT', en: 'access to the IIT' }, y);
    case 'iit_collection':
      return join({ th: 'การเก็บแบบ IIT', en: 'the IIT collection' }, y);
    case 'iit_token_batch':
      return join({ th: 'ชุดรหัสตอบแบบ IIT', en: 'a batch of IIT tokens' }, y);
    case 'oit_answer':
      return { th: `คำตอบ${itemTh || ' OIT'}`, en: `the answer to ${itemEn}` };
    case 'oit_clarification':
      return { th: `คำชี้แจง${itemTh}`, en: `the clarification of ${itemEn}` };
    case 'oit_review':
      return join({ th: 'คำตอบ OIT', en: 'the OIT answers' }, y);
    case 'oit_score':
      return { th: `คะแนน${itemTh}`, en: `the score of ${itemEn}` };
    case 'participation':
      return join({ th: 'การเข้าร่วมประเมินของหน่วยงาน', en: "the agency's participation" }, y);
    case 'lessons_target':
      return join({ th: 'เป้าหมายผลการประเมินของพื้นที่', en: "a scope's results target" }, y);
    case 'microdata_export':
      return join({ th: 'ข้อมูลรายแบบสอบถาม (ไม่ระบุตัวตน)', en: 'the anonymous response microdata' }, y);
    case 'past_results_import':
      return { th: 'ผลการประเมินย้อนหลัง', en: 'past results' };
    case 'processing_run':
      return { th: 'การประมวลผลคะแนน', en: 'a scoring run' };
    case 'publication':
      return join({ th: 'การเผยแพร่ผลการประเมิน', en: 'the publication of results' }, y);
    case 'reminder':
      return join({ th: 'การแจ้งเตือนงานที่ค้าง', en: 'a reminder of outstanding work' }, y);
    case 'response_review':
      return { th: 'แบบสอบถามหนึ่งชุด', en: 'a survey response' };
    case 'secret':
      return { th: 'กุญแจลับของระบบ', en: 'a system key' };
    case 'agency_division':
      return { th: 'ส่วนราชการภายในหน่วยงาน', en: 'a division of the agency' };
    case 'measure_document':
      return join({ th: 'มาตรการส่งเสริมคุณธรรมและความโปร่งใส', en: 'the integrity measures' }, y);
    case 'measure_library':
      return { th: 'คลังมาตรการแนะนำ', en: 'the library of suggested measures' };
    case 'measure_progress':
      return { th: 'ผลการดำเนินงานตามมาตรการ', en: 'progress on a measure' };
    case 'sms_daily_usage':
      return { th: 'การใช้ SMS รายวัน', en: 'daily SMS use' };
    case 'stage_extension':
      return { th: 'การขยายเวลา', en: 'a deadline extension' };
    case 'stakeholder_data':
      return join({ th: 'ข้อมูลผู้มีส่วนได้ส่วนเสีย', en: 'the stakeholder data' }, y);
    case 'supervisor_scope':
      return { th: 'ขอบเขตงานของผู้กำกับติดตาม', en: "a supervisor's scope" };
    case 'user':
      return typeof username === 'string'
        ? { th: `บัญชีผู้ใช้ ${username} `, en: `the account ${username}` }
        : { th: 'บัญชีผู้ใช้', en: 'an account' };
  }
}

/** Templates: {s} the subject (who), {n} the noun (what). Thai has no spaces between them. */
type Template = Words;

/** Verbs that read the same for every kind of entry. */
const COMMON: Record<string, Template> = {
  create: { th: '{s}สร้าง{n}', en: '{s} created {n}' },
  update: { th: '{s}แก้ไข{n}', en: '{s} changed {n}' },
  delete: { th: '{s}ลบ{n}', en: '{s} deleted {n}' },
  replace: { th: '{s}ปรับปรุง{n}ทั้งชุด', en: '{s} replaced {n}' },
  import: { th: '{s}นำเข้า{n}', en: '{s} imported {n}' },
  save: { th: '{s}บันทึก{n}', en: '{s} saved {n}' },
  approve: { th: '{s}อนุมัติ{n}', en: '{s} approved {n}' },
};

/** Sentences of one kind of entry, by action (beyond COMMON, or reading differently). */
const SPECIFIC: Partial<Record<AuditEntityType, Record<string, Template>>> = {
  participation: {
    register: { th: '{s}ลงทะเบียน{n}', en: '{s} registered {n}' },
    withdraw: { th: '{s}ถอน{n}', en: '{s} withdrew {n}' },
  },
  cycle: {
    open: { th: '{s}เปิด{n}', en: '{s} opened {n}' },
    close: { th: '{s}ปิด{n}', en: '{s} closed {n}' },
    reopen: { th: '{s}เปิด{n}อีกครั้งหลังปิดรอบ', en: '{s} reopened {n} after closing it' },
  },
  framework_draft: {
    publish: { th: '{s}เผยแพร่{n}เป็นฉบับใหม่', en: '{s} published {n} as a new version' },
    discard: { th: '{s}ยกเลิก{n}', en: '{s} discarded {n}' },
  },
  framework_version: { publish: { th: '{s}เผยแพร่{n}ฉบับใหม่', en: '{s} published a new version of {n}' } },
  microdata_export: { export: { th: '{s}ดาวน์โหลด{n}', en: '{s} downloaded {n}' } },
  response_review: {
    keep: { th: '{s}พิจารณาให้นับ{n}', en: '{s} decided to count {n}' },
    exclude: { th: '{s}พิจารณาไม่นับ{n}', en: '{s} excluded {n}' },
    undo: { th: '{s}ยกเลิกผลการพิจารณา{n}', en: '{s} withdrew the decision on {n}' },
  },
  assessor_assignment: {
    bulk_assign: { th: '{s}มอบหมายผู้ประเมินหลายหน่วยงานพร้อมกัน', en: '{s} assigned assessors to many agencies' },
  },
  user: {
    propose_executive: { th: '{s}เสนอ{n}เป็นผู้บริหารหน่วยงาน', en: '{s} proposed {n} as executive' },
    confirm_executive: { th: '{s}ยืนยัน{n}เป็นผู้บริหารหน่วยงาน', en: '{s} confirmed {n} as executive' },
    decline_executive: { th: '{s}ปฏิเสธ{n}เป็นผู้บริหารหน่วยงาน', en: '{s} declined {n} as executive' },
    deactivate: { th: '{s}ปิดการใช้งาน{n}', en: '{s} deactivated {n}' },
    lockout: {
      th: '{s}ล็อก{n}ชั่วคราว เพราะใส่รหัสผ่านผิดหลายครั้ง',
      en: '{s} locked {n} after repeated wrong passwords',
    },
    password_change: { th: '{s}เปลี่ยนรหัสผ่านของ{n}', en: '{s} changed the password of {n}' },
    password_reset: {
      th: '{s}ตั้งรหัสผ่านใหม่ของ{n} ผ่านลิงก์ทางอีเมล',
      en: '{s} reset the password of {n} by e-mail link',
    },
  },
  oit_answer: {
    assign: { th: '{s}มอบหมายผู้รับผิดชอบ{n}', en: '{s} assigned who answers {n}' },
    submit: { th: '{s}ส่ง{n}เพื่อขออนุมัติ', en: '{s} submitted {n} for approval' },
    return: { th: '{s}ส่ง{n}กลับไปแก้ไข', en: '{s} sent {n} back for changes' },
    assess: { th: '{s}ประเมิน{n}', en: '{s} assessed {n}' },
    confirm: { th: '{s}ยืนยันผลการประเมิน{n}', en: '{s} confirmed the assessment of {n}' },
    reopen: { th: '{s}เปิด{n}ให้ประเมินใหม่', en: '{s} reopened {n} for assessment' },
  },
  oit_review: {
    submit: { th: '{s}ส่ง{n}เพื่อขออนุมัติ', en: '{s} submitted {n} for approval' },
    return: { th: '{s}ส่ง{n}กลับไปแก้ไข', en: '{s} sent {n} back for changes' },
    assess: { th: '{s}ส่งผลการประเมิน{n}', en: '{s} submitted the assessment of {n}' },
    confirm: { th: '{s}ยืนยันผลการประเมิน{n}', en: '{s} confirmed the assessment of {n}' },
    reopen: { th: '{s}เปิดผลการประเมิน{n}ให้แก้ไข', en: '{s} reopened the assessment of {n}' },
  },
  oit_score: {
    score: { th: '{s}ให้{n}', en: '{s} scored {n}' },
    clarification_accepted: {
      th: '{s}ปรับ{n} ตามคำชี้แจงที่รับฟัง',
      en: '{s} changed {n} after accepting a clarification',
    },
  },
  oit_clarification: {
    file: { th: '{s}ยื่น{n}', en: '{s} filed {n}' },
    decide: { th: '{s}พิจารณา{n}', en: '{s} decided on {n}' },
  },
  stakeholder_data: { approve: { th: '{s}รับรอง{n}', en: '{s} approved {n}' } },
  iit_access: {
    rotate_code: { th: '{s}เปลี่ยนรหัสเข้าตอบแบบ IIT', en: '{s} changed the IIT access code' },
    set_tokens_required: { th: '{s}กำหนดว่าต้องใช้รหัสตอบรายคนสำหรับ{n}', en: '{s} set whether {n} needs tokens' },
    access_code_guessing: {
      th: '{s}แจ้งเตือนว่ามีการเดารหัสเข้าตอบแบบ IIT',
      en: '{s} warned that someone is guessing the IIT access code',
    },
  },
  iit_token_batch: { generate: { th: '{s}สร้าง{n}', en: '{s} generated {n}' } },
  iit_collection: {
    population_reached: {
      th: '{s}บันทึกว่า{n}ครบจำนวนบุคลากรแล้ว',
      en: '{s} recorded that {n} reached the staff count',
    },
  },
  sms_daily_usage: {
    sms_cap_warning: { th: '{s}แจ้งเตือนว่า{n}ใกล้ถึงเพดาน', en: '{s} warned that {n} is near its cap' },
  },
  lessons_target: { set: { th: '{s}กำหนด{n}', en: '{s} set {n}' } },
  publication: {
    publish: { th: '{s}เผยแพร่ผลการประเมิน', en: '{s} published the results' },
    supersede: { th: '{s}เผยแพร่ผลการประเมินฉบับแก้ไขแทนฉบับเดิม', en: '{s} published corrected results' },
    cancel: { th: '{s}ยกเลิก{n}', en: '{s} withdrew {n}' },
    notify: { th: '{s}แจ้งหน่วยงานเรื่อง{n}', en: '{s} notified agencies of {n}' },
  },
  reminder: {
    request: { th: '{s}ส่ง{n}ถึงหน่วยงาน', en: '{s} sent {n} to the agency' },
    deliver: { th: '{s}ส่ง{n}ถึงผู้รับ', en: '{s} delivered {n}' },
    cancel: { th: '{s}ไม่ส่ง{n} เพราะไม่จำเป็นแล้ว', en: '{s} did not send {n}, no longer needed' },
  },
  processing_run: {
    create: { th: '{s}เริ่ม{n}', en: '{s} started {n}' },
    complete: { th: '{s}ทำ{n}เสร็จ', en: '{s} completed {n}' },
    fail: { th: '{s}ทำ{n}ไม่สำเร็จ', en: '{s} failed {n}' },
  },
  eit2_sample: { draw: { th: '{s}สุ่ม{n}', en: '{s} drew {n}' } },
  eit2_interview: {
    enter: { th: '{s}บันทึก{n}', en: '{s} entered {n}' },
    reject: { th: '{s}ไม่อนุมัติ{n}', en: '{s} rejected {n}' },
  },
  secret: { rotate: { th: '{s}เปลี่ยน{n}', en: '{s} rotated {n}' } },
  measure_document: {
    prepare: { th: '{s}จัดทำ{n}เสร็จและเสนอให้ทบทวน', en: '{s} prepared {n} for review' },
    review: { th: '{s}ทบทวน{n}และเสนอผู้บริหาร', en: '{s} reviewed {n} for the executive' },
    return: { th: '{s}ส่ง{n}กลับไปแก้ไข', en: '{s} sent {n} back for changes' },
    revise: { th: '{s}เริ่มปรับปรุง{n}เป็นฉบับใหม่', en: '{s} started a new version of {n}' },
    publish: { th: '{s}เผยแพร่{n}', en: '{s} published {n}' },
    sign_progress: { th: '{s}ลงนามรายงานผลการดำเนินงานตาม{n}', en: '{s} signed the progress report on {n}' },
  },
};

/** Whether a kind and action has a sentence of its own (not the fallback). */
export function hasSentence(entityType: string, action: string): boolean {
  return isAuditEntityType(entityType) && (SPECIFIC[entityType]?.[action] ?? COMMON[action]) !== undefined;
}

const fill = (template: string, s: string, n: string) => template.replace('{s}', s).replace('{n}', n);

/** "ผู้บริหารหน่วยงานอนุมัติคำตอบข้อ O13" / "The agency's executive approved the answer to item O13". */
export function describeEntry(e: DescribableEntry): Words {
  const who = actorWords(e.actor);
  if (!isAuditEntityType(e.entityType)) {
    // A kind this page does not know yet (a newer server): still a sentence.
    return {
      th: `${who.th}บันทึกการเปลี่ยนแปลงประเภท “${humanize(e.entityType)}” (${humanize(e.action)})`,
      en: `${who.en} recorded a change of kind “${humanize(e.entityType)}” (${humanize(e.action)})`,
    };
  }
  const noun = nounOf(e.entityType, e);
  const template = SPECIFIC[e.entityType]?.[e.action] ?? COMMON[e.action];
  if (template) {
    const en = fill(template.en, who.en, noun.en);
    return { th: tidy(fill(template.th, who.th, noun.th)), en: en.charAt(0).toUpperCase() + en.slice(1) };
  }
  return {
    th: tidy(`${who.th}ดำเนินการ “${humanize(e.action)}” กับ${noun.th}`),
    en: `${who.en} did “${humanize(e.action)}” to ${noun.en}`,
  };
}

/** A kind of entry in words, for the filter ("คำตอบ OIT"), without an item or a year. */
export function kindWords(type: AuditEntityType): Words {
  return nounOf(type, { entityType: type, entityId: '', action: '', before: null, after: null, actor: null });
}

/**
 * Every kind and action the server writes (a unit test checks this against the appendAudit call sites):
 * the choices of the "kind of event" filter.
 */
export const WRITTEN_EVENTS: readonly (readonly [AuditEntityType, string])[] = [
  ['agency', 'create'],
  ['agency', 'update'],
  ['agency_import', 'import'],
  ['assessor_advice', 'create'],
  ['assessor_advice', 'update'],
  ['agency_division', 'create'],
  ['agency_division', 'update'],
  ['assessor_assignment', 'bulk_assign'],
  ['assessor_assignment', 'replace'],
  ['cycle', 'close'],
  ['cycle', 'open'],
  ['cycle', 'reopen'],
  ['eit2_interview', 'approve'],
  ['eit2_interview', 'enter'],
  ['eit2_interview', 'reject'],
  ['eit2_sample', 'draw'],
  ['eit_contacts', 'replace'],
  ['framework_draft', 'create'],
  ['framework_draft', 'discard'],
  ['framework_draft', 'publish'],
  ['framework_draft', 'update'],
  ['framework_version', 'import'],
  ['framework_version', 'publish'],
  ['measure_document', 'create'],
  ['measure_document', 'update'],
  ['measure_document', 'prepare'],
  ['measure_document', 'review'],
  ['measure_document', 'approve'],
  ['measure_document', 'return'],
  ['measure_document', 'revise'],
  ['measure_document', 'publish'],
  ['measure_document', 'sign_progress'],
  ['measure_library', 'create'],
  ['measure_library', 'update'],
  ['measure_progress', 'create'],
  ['iit_access', 'access_code_guessing'],
  ['iit_access', 'rotate_code'],
  ['iit_access', 'set_tokens_required'],
  ['iit_collection', 'population_reached'],
  ['iit_token_batch', 'generate'],
  ['oit_answer', 'save'],
  ['oit_answer', 'assign'],
  ['oit_answer', 'submit'],
  ['oit_answer', 'approve'],
  ['oit_answer', 'return'],
  ['oit_answer', 'assess'],
  ['oit_answer', 'confirm'],
  ['oit_answer', 'reopen'],
  ['oit_clarification', 'decide'],
  ['oit_clarification', 'file'],
  ['oit_review', 'submit'],
  ['oit_review', 'approve'],
  ['oit_review', 'return'],
  ['oit_review', 'assess'],
  ['oit_review', 'confirm'],
  ['oit_review', 'reopen'],
  ['oit_score', 'clarification_accepted'],
  ['oit_score', 'score'],
  ['participation', 'register'],
  ['participation', 'withdraw'],
  ['lessons_target', 'set'],
  ['microdata_export', 'export'],
  ['past_results_import', 'import'],
  ['processing_run', 'create'],
  ['processing_run', 'complete'],
  ['processing_run', 'fail'],
  ['publication', 'cancel'],
  ['publication', 'notify'],
  ['publication', 'publish'],
  ['publication', 'supersede'],
  ['reminder', 'cancel'],
  ['reminder', 'deliver'],
  ['reminder', 'request'],
  ['response_review', 'exclude'],
  ['response_review', 'keep'],
  ['response_review', 'undo'],
  ['secret', 'rotate'],
  ['sms_daily_usage', 'sms_cap_warning'],
  ['stage_extension', 'create'],
  ['stage_extension', 'delete'],
  ['stage_extension', 'update'],
  ['stakeholder_data', 'approve'],
  ['stakeholder_data', 'update'],
  ['supervision_plan', 'create'],
  ['supervision_plan', 'update'],
  ['supervisor_scope', 'replace'],
  ['user', 'confirm_executive'],
  ['user', 'create'],
  ['user', 'deactivate'],
  ['user', 'decline_executive'],
  ['user', 'lockout'],
  ['user', 'password_change'],
  ['user', 'password_reset'],
  ['user', 'propose_executive'],
  ['user', 'update'],
];

/** A kind of event without who did it, for the filter: "ส่งคำตอบ OIT เพื่อขออนุมัติ" / "Submitted …". */
export function eventWords(type: AuditEntityType, action: string): Words {
  const noun = kindWords(type);
  const template = SPECIFIC[type]?.[action] ?? COMMON[action];
  if (!template) return { th: `${noun.th}: ${humanize(action)}`, en: `${noun.en}: ${humanize(action)}` };
  const en = fill(template.en, '', noun.en).trim();
  return { th: tidy(fill(template.th, '', noun.th)), en: en.charAt(0).toUpperCase() + en.slice(1) };
}

/** Thai runs words together; a year ends with a space so the next word does not touch the number. */
const tidy = (th: string) => th.replace(/\s+/g, ' ').trim();

/** `set_tokens_required` → "set tokens required": a code read as words. */
const humanize = (code: string) => code.replace(/[_.-]+/g, ' ').trim();
