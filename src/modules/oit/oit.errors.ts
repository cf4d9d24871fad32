// The domain errors of the agency side of OIT, in Thai and English.

import { conflict, forbidden, invalid, notFound } from '../../core/errors.ts';
import type { AnswerProblem } from '../../core/oit/answer-rules.ts';

const day = (isoDay: string, locale: 'th-TH' | 'en-GB') =>
  new Intl.DateTimeFormat(locale, { dateStyle: 'long', timeZone: 'Asia/Bangkok' }).format(
    new Date(`${isoDay}T12:00:00+07:00`),
  );

/** Answering and the executive's approval happen only in the oit_answering stage (with any extension). */
export function answeringClosed(w: { opensOn: string | null; closesOn: string | null }, today: string) {
  const details = { stage: 'oit_answering', opensOn: w.opensOn, closesOn: w.closesOn };
  if (!w.opensOn || !w.closesOn)
    return conflict(
      'oit_answering_closed',
      'ปฏิทินการประเมินปีนี้ไม่มีช่วงตอบแบบวัด OIT',
      'This year’s calendar has no OIT answering stage',
      details,
    );
  const range = {
    th: `${day(w.opensOn, 'th-TH')} ถึง ${day(w.closesOn, 'th-TH')}`,
    en: `${day(w.opensOn, 'en-GB')} to ${day(w.closesOn, 'en-GB')}`,
  };
  return today < w.opensOn
    ? conflict(
        'oit_answering_not_open',
        `ยังไม่ถึงช่วงตอบแบบวัด OIT และอนุมัติการตอบ (${range.th})`,
        `OIT answering and approval have not opened yet (${range.en})`,
        details,
      )
    : conflict(
        'oit_answering_closed',
        `ช่วงตอบแบบวัด OIT และอนุมัติการตอบสิ้นสุดแล้ว (${range.th}) หากจำเป็นต้องขยายเวลา กรุณาติดต่อสำนักงาน ป.ป.ช.`,
        `OIT answering and approval are closed (${range.en}); ask NACC if an extension is needed`,
        details,
      );
}

export const itemNotFound = (code: string) =>
  notFound(
    'oit_item_not_found',
    `ไม่พบข้อ ${code} ในแบบวัด OIT ของหน่วยงานนี้`,
    `Item ${code} is not part of this agency’s OIT`,
  );

export const invalidAnswer = (problems: AnswerProblem[]) =>
  invalid(
    'oit_invalid_answer',
    `คำตอบยังบันทึกไม่ได้: ${problems.map((p) => p.th).join('; ')}`,
    `The answer cannot be saved: ${problems.map((p) => p.en).join('; ')}`,
    { problems: problems.map(({ code, path, url }) => ({ code, path, ...(url ? { url } : {}) })) },
  );

export const notDelegated = (code: string) =>
  forbidden(
    'oit_not_delegated',
    `ข้อ ${code} ไม่ได้มอบหมายให้คุณ ผู้ดูแลระบบของหน่วยงานต้องมอบหมายข้อนี้ให้คุณก่อน`,
    `Item ${code} is not delegated to you; the agency admin must delegate it to you first`,
  );

export const notAssignable = () =>
  invalid(
    'oit_assignee_not_allowed',
    'มอบหมายได้เฉพาะบัญชีเจ้าหน้าที่หรือผู้ดูแลระบบของหน่วยงานนี้ที่ยังใช้งานอยู่',
    'Items can be delegated only to an active staff or admin account of this agency',
  );

export const delegationClosed = (code: string) =>
  conflict(
    'oit_delegation_closed',
    `ข้อ ${code} ผ่านขั้นตอนของหน่วยงานแล้ว จึงเปลี่ยนผู้รับผิดชอบไม่ได้`,
    `Item ${code} has left the agency’s hands, so its assignee cannot change`,
  );

export const unansweredItems = (codes: string[]) =>
  conflict(
    'oit_unanswered',
    `ยังส่งให้ผู้บริหารอนุมัติไม่ได้ มี ${codes.length} ข้อที่ยังตอบไม่ครบ (ตอบ "ไม่มี" หรือ "มี" พร้อม URL และคำอธิบาย): ${codes.join(', ')}`,
    `Cannot submit yet: ${codes.length} item(s) are not answered ("hasn’t", or "has" with a URL and an explanation): ${codes.join(', ')}`,
    { unanswered: codes },
  );

export const nothingToApprove = () =>
  conflict(
    'oit_nothing_to_approve',
    'ไม่มีข้อที่รออนุมัติ หน่วยงานต้องส่งคำตอบให้ผู้บริหารอนุมัติก่อน',
    'There is nothing awaiting approval; the agency must submit its answers first',
  );

export const returnCommentRequired = (codes: string[]) =>
  invalid(
    'oit_return_comment_required',
    `กรุณาระบุเหตุผลที่ส่งกลับให้แก้ไขของข้อ ${codes.join(', ')}`,
    `Give a comment for each returned item: ${codes.join(', ')}`,
    { items: codes },
  );

export const returnCommentTooLong = (codes: string[], max: number) =>
  invalid(
    'oit_return_comment_too_long',
    `ความเห็นของข้อ ${codes.join(', ')} ยาวเกิน ${max} ตัวอักษร`,
    `The comment of item(s) ${codes.join(', ')} is longer than ${max} characters`,
    { items: codes, max },
  );

/** The assessor has started scoring these items: the executive can no longer take them back. */
export const returnAfterScoring = (codes: string[]) =>
  conflict(
    'oit_return_after_scoring',
    `ผู้ประเมินให้คะแนนข้อ ${codes.join(', ')} แล้ว จึงส่งกลับให้แก้ไขไม่ได้`,
    `The assessor has already scored item(s) ${codes.join(', ')}: they can no longer be returned`,
    { items: codes },
  );

export const duplicateReturnItems = (codes: string[]) =>
  invalid(
    'oit_return_duplicate',
    `ระบุข้อซ้ำกัน: ${codes.join(', ')}`,
    `Items listed more than once: ${codes.join(', ')}`,
    { items: codes },
  );
