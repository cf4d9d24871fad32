// The domain errors of the OIT assessment, in Thai and English.

import { conflict, invalid, notFound } from '../../core/errors.ts';
import type { OitItemState } from '../../core/oit/states.ts';
import { stateName } from '../../core/oit/states.ts';

type Localized = { th: string; en?: string };

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

export const cycleNotOpen = (year: number) =>
  conflict(
    'cycle_not_open',
    `ยังไม่ได้เปิดรอบการประเมินปีงบประมาณ ${year} ให้หน่วยงานนี้`,
    `The fiscal year ${year} cycle is not open for this agency`,
  );

export const itemNotFound = (code: string) =>
  notFound(
    'oit_item_not_found',
    `ไม่พบข้อ OIT ${code} ที่ใช้กับหน่วยงานนี้ในปีนี้`,
    `There is no OIT item ${code} for this agency and year`,
  );

export const windowClosed = (
  stage: Localized,
  window: { opensOn: string | null; closesOn: string | null },
  what: { th: string; en: string },
) =>
  conflict(
    'oit_window_closed',
    window.opensOn
      ? `${what.th}ได้เฉพาะในขั้นตอน "${stage.th}" ซึ่งเปิดตั้งแต่วันที่ ${window.opensOn} ถึงวันที่ ${window.closesOn}`
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
