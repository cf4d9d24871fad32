// The domain errors of OIT, agency and assessor side, in Thai and English.

import { thaiDayOrDash } from '../../core/documents/thai-text.ts';
import { conflict, forbidden, invalid, notFound } from '../../core/errors.ts';
import type { AnswerProblem } from '../../core/oit/answer-rules.ts';
import { type OitItemState, stateName } from '../../core/oit/states.ts';

type Localized = { th: string; en?: string };

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

// ── The assessor side ──────────────────────────────────────────────────────────────────────────────────
export const notAnAssessor = () =>
  invalid(
    'not_an_assessor',
    'ผู้ใช้ที่เลือกไม่ใช่บัญชีผู้ประเมินที่ใช้งานอยู่',
    'The chosen user is not an active assessor account',
  );

export const unknownAgencies = (ids: string[]) =>
  invalid('unknown_agencies', 'ไม่พบหน่วยงานบางรายการ', 'Some agencies do not exist', { agencyIds: ids });

export const notParticipating = (year: number, ids: string[]) =>
  conflict(
    'not_participating',
    `หน่วยงาน ${ids.length} แห่งไม่ได้เข้าร่วมการประเมินปีงบประมาณ ${year} จึงมอบหมายให้ผู้ประเมินไม่ได้ (ไม่มีการเปลี่ยนแปลงใด ๆ)`,
    `${ids.length} of the agencies do not take part in the fiscal year ${year} assessment, so they cannot be assigned (nothing was changed)`,
    { agencyIds: ids },
  );

export const windowClosed = (
  stage: Localized,
  window: { opensOn: string | null; closesOn: string | null },
  what: { th: string; en: string },
) =>
  conflict(
    'oit_window_closed',
    window.opensOn
      ? `${what.th}ได้เฉพาะในขั้นตอน "${stage.th}" ซึ่งเปิดตั้งแต่วันที่ ${thaiDayOrDash(window.opensOn)} ถึงวันที่ ${thaiDayOrDash(window.closesOn)}`
      : `${what.th}ไม่ได้ เพราะปฏิทินปีนี้ไม่มีขั้นตอน "${stage.th}"`,
    window.opensOn
      ? `You can ${what.en} only during the stage "${stage.en ?? stage.th}", open from ${window.opensOn} to ${window.closesOn}`
      : `You cannot ${what.en}: this year's calendar has no stage "${stage.en ?? stage.th}"`,
    { opensOn: window.opensOn, closesOn: window.closesOn },
  );

export const confirmedLocked = () =>
  conflict(
    'oit_confirmed',
    'ผลการประเมิน OIT ของหน่วยงานนี้ยืนยันแล้ว จึงเปลี่ยนแปลงไม่ได้ จนกว่าผู้ดูแลระบบของสำนักงาน ป.ป.ช. จะเปิดผลอีกครั้ง',
    'This agency’s OIT result is confirmed and cannot change until a NACC administrator reopens it',
  );

export const notScorable = (code: string, state: OitItemState | null) => {
  const s = state ? stateName(state) : { th: 'ยังไม่ได้ตอบ', en: 'not answered' };
  return conflict(
    'oit_item_not_scorable',
    `ข้อ ${code} อยู่ในสถานะ "${s.th}" ให้คะแนนได้เฉพาะข้อที่ผู้บริหารอนุมัติแล้วและยังไม่ยืนยันผล`,
    `Item ${code} is ${s.en}: only items the executive approved, not yet confirmed, can be scored`,
    { itemCode: code, state },
  );
};

export const componentsOutOfRange = (code: string, count: number, bad: number[]) =>
  invalid(
    'components_out_of_range',
    `ข้อ ${code} มีองค์ประกอบ ${count} รายการ (ลำดับ 0 ถึง ${count - 1}) แต่ได้รับลำดับ ${bad.join(', ')}`,
    `Item ${code} has ${count} components (indices 0 to ${count - 1}); got ${bad.join(', ')}`,
    { count, invalid: bad },
  );

/** Components are numbered from 1 in messages, as the pages list them; `details.missing` keeps the indices. */
export const fullScoreNeedsEveryComponent = (code: string, missing: number[]) => {
  const numbers = missing.map((i) => i + 1).join(', ');
  return invalid(
    'score_needs_every_component',
    `ข้อ ${code} จะได้ 100 คะแนนเมื่อพบครบทุกองค์ประกอบ ยังไม่ได้เลือกองค์ประกอบที่ ${numbers}`,
    `Item ${code} scores 100 only when every component is shown; component ${numbers} not ticked`,
    { missing },
  );
};

export const adviceRequired = (code: string) =>
  invalid(
    'advice_required',
    `ข้อ ${code} ได้ 0 คะแนน ต้องมีข้อเสนอแนะเพื่อการปรับปรุง`,
    `Item ${code} scores 0: advice for improvement is required`,
  );

export const notApprovedYet = (codes: string[]) =>
  conflict(
    'oit_not_approved',
    `ยังมี ${codes.length} ข้อที่ผู้บริหารยังไม่อนุมัติ จึงส่งผลการตรวจไม่ได้`,
    `${codes.length} items are not approved by the executive yet, so the assessment cannot be submitted`,
    { items: codes },
  );

export const unscoredItems = (codes: string[]) =>
  conflict(
    'oit_unscored_items',
    `ยังไม่ได้ให้คะแนน ${codes.length} ข้อ: ${codes.join(', ')}`,
    `${codes.length} items have no score yet: ${codes.join(', ')}`,
    { items: codes },
  );

export const alreadyAssessed = () =>
  conflict(
    'oit_already_assessed',
    'ส่งผลการตรวจของหน่วยงานนี้แล้ว',
    'The assessment of this agency has already been submitted',
  );

export const notAssessedYet = () =>
  conflict(
    'oit_not_assessed',
    'ยังไม่ได้ส่งผลการตรวจ OIT ของหน่วยงานนี้',
    'The OIT assessment of this agency has not been submitted yet',
  );

export const clarificationNeedsZero = (code: string) =>
  conflict(
    'clarification_needs_zero',
    `ยื่นคำชี้แจงได้เฉพาะข้อที่ได้ 0 คะแนน (ข้อ ${code} ไม่ใช่)`,
    `A clarification can be filed only for an item scored 0 (item ${code} is not)`,
  );

export const clarificationExists = (code: string) =>
  conflict(
    'clarification_exists',
    `ยื่นคำชี้แจงข้อ ${code} ไปแล้ว ยื่นได้ข้อละหนึ่งครั้ง`,
    `A clarification of item ${code} has already been filed; one per item`,
  );

export const noClarification = (code: string) =>
  conflict('no_clarification', `ข้อ ${code} ไม่มีคำชี้แจงให้พิจารณา`, `Item ${code} has no clarification to decide`);

export const clarificationDecided = (code: string) =>
  conflict(
    'clarification_decided',
    `พิจารณาคำชี้แจงข้อ ${code} แล้ว`,
    `The clarification of item ${code} has already been decided`,
  );

export const reasonRequired = () =>
  invalid('reason_required', 'การไม่รับคำชี้แจงต้องระบุเหตุผล', 'A rejected clarification needs a reason');

export const undecidedClarifications = (codes: string[]) =>
  conflict(
    'clarifications_undecided',
    `ยังมีคำชี้แจงที่ยังไม่ได้พิจารณา ${codes.length} ข้อ: ${codes.join(', ')}`,
    `${codes.length} clarifications are not decided yet: ${codes.join(', ')}`,
    { items: codes },
  );

export const notConfirmed = () =>
  conflict(
    'oit_not_confirmed',
    'ผลการประเมิน OIT ของหน่วยงานนี้ยังไม่ได้ยืนยัน จึงไม่มีอะไรให้เปิดอีกครั้ง',
    'This agency’s OIT result is not confirmed, so there is nothing to reopen',
  );
