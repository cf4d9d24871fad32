// Words of reminders for e-mails (Thai first, then English): the stages and the tasks of the monitoring
// rule. The web app words the same codes in its own catalogue (web/src/i18n/features/notices.*.json).
import type { ReminderStage } from '../../core/notices/reminders.ts';

interface Words {
  th: string;
  en: string;
}

export const STAGE_WORDS: Record<ReminderStage, Words> = {
  register: { th: 'การลงทะเบียนเข้าร่วมการประเมิน', en: 'registration' },
  stakeholder_data: {
    th: 'ข้อมูลผู้มีส่วนได้ส่วนเสียและการรับรองของผู้บริหาร',
    en: 'stakeholder data and its approval',
  },
  iit_collection: { th: 'การเก็บแบบวัด IIT ให้ครบจำนวนขั้นต่ำ', en: 'IIT collection up to the minimum' },
  eit_collection: { th: 'การเก็บแบบวัด EIT ให้ครบจำนวนขั้นต่ำ', en: 'EIT collection up to the minimum' },
  oit_answering: { th: 'การตอบแบบวัด OIT และการอนุมัติของผู้บริหาร', en: 'OIT answers and their approval' },
  clarification: { th: 'การชี้แจงข้อมูล OIT เพิ่มเติม', en: 'clarification of OIT items' },
};

const TASK_WORDS: Record<string, Words> = {
  registration: { th: 'ลงทะเบียนเข้าร่วมการประเมิน', en: 'register for the assessment' },
  stakeholder_entry: { th: 'กรอกจำนวนผู้มีส่วนได้ส่วนเสีย', en: 'enter the stakeholder numbers' },
  stakeholder_approval: {
    th: 'ผู้บริหารรับรองข้อมูลผู้มีส่วนได้ส่วนเสีย',
    en: 'executive approval of the stakeholder data',
  },
  iit: { th: 'แบบวัด IIT ที่ได้รับ', en: 'IIT responses received' },
  eit1: { th: 'แบบวัด EIT (ตอบด้วยตนเอง) ที่ได้รับ', en: 'EIT self-answered responses received' },
  oit_answers: { th: 'ข้อ OIT ที่ตอบแล้ว', en: 'OIT items answered' },
  oit_approval: { th: 'ข้อ OIT ที่ผู้บริหารอนุมัติแล้ว', en: 'OIT items approved by the executive' },
  oit_clarification: { th: 'ข้อ OIT ที่ชี้แจงแล้ว', en: 'OIT items clarified' },
};

/** A task as a line: "แบบวัด IIT ที่ได้รับ 12 จาก 30" / "IIT responses received: 12 of 30". */
export function taskLine(t: { code: string; done: number; required: number | null }): Words {
  const w = TASK_WORDS[t.code] ?? { th: t.code, en: t.code };
  if (t.required === 1 && t.done <= 1) return { th: `ยังไม่ได้${w.th}`, en: `not done yet: ${w.en}` };
  const of = t.required === null ? { th: 'ยังไม่ทราบจำนวนขั้นต่ำ', en: 'minimum not known yet' } : null;
  return of
    ? { th: `${w.th} ${t.done} (${of.th})`, en: `${w.en}: ${t.done} (${of.en})` }
    : { th: `${w.th} ${t.done} จาก ${t.required}`, en: `${w.en}: ${t.done} of ${t.required}` };
}

/** A Bangkok calendar day in words: "30 เมษายน 2568" / "30 April 2025". */
export function dayWords(isoDate: string): Words {
  const d = new Date(`${isoDate}T00:00:00Z`);
  return {
    th: new Intl.DateTimeFormat('th-TH', { dateStyle: 'long', timeZone: 'UTC' }).format(d),
    en: new Intl.DateTimeFormat('en-GB', { dateStyle: 'long', timeZone: 'UTC' }).format(d),
  };
}
