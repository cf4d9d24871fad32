// The domain errors of EIT part 2, in Thai and English.
import { conflict, forbidden, invalid, notFound } from '../../core/errors.ts';

export const eitPopulationMissing = () =>
  conflict(
    'eit_population_missing',
    'หน่วยงานยังไม่ได้กรอกจำนวนผู้รับบริการ (ประชากร EIT) จึงยังคำนวณขนาดตัวอย่างไม่ได้',
    'The agency has not entered its EIT population yet, so the sample size cannot be computed',
  );

export const contactListMissing = () =>
  conflict(
    'contact_list_missing',
    'หน่วยงานยังไม่ได้อัปโหลดรายชื่อผู้รับบริการสำหรับ EIT ส่วนที่ 2',
    'The agency has not uploaded its EIT part-2 contact list yet',
  );

export const contactListTooSmall = (contacts: number, size: number) =>
  conflict(
    'contact_list_too_small',
    `รายชื่อผู้รับบริการมี ${contacts} ราย น้อยกว่าขนาดตัวอย่างขั้นต่ำ ${size} ราย กรุณาให้หน่วยงานเพิ่มรายชื่อก่อนสุ่ม`,
    `The contact list holds ${contacts} contacts, fewer than the minimum sample of ${size}; ask the agency to add contacts before drawing`,
    { contacts, size },
  );

export const tooFewReserves = (size: number) =>
  invalid(
    'too_few_reserves',
    `จำนวนตัวสำรองต้องไม่น้อยกว่าขนาดตัวอย่าง (${size} ราย)`,
    `The number of reserves must be at least the sample size (${size})`,
    { size },
  );

export const sampleAlreadyDrawn = () =>
  conflict(
    'sample_already_drawn',
    'สุ่มตัวอย่างของหน่วยงานนี้ในปีนี้ไปแล้ว การสุ่มทำได้ครั้งเดียวเพื่อให้ตรวจสอบย้อนหลังได้',
    'This agency’s sample for the year has already been drawn; a sample is drawn once so that it can be verified',
  );

export const sampleNotDrawn = () =>
  conflict(
    'sample_not_drawn',
    'ยังไม่ได้สุ่มตัวอย่างของหน่วยงานนี้ในปีนี้',
    'No sample has been drawn for this agency and year yet',
  );

export const noSample = () =>
  notFound(
    'sample_not_found',
    'ยังไม่ได้สุ่มตัวอย่างของหน่วยงานนี้ในปีนี้',
    'No sample has been drawn for this agency and year yet',
  );

export const contactNotUsable = (reserve: boolean) =>
  reserve
    ? conflict(
        'reserve_not_released',
        'ผู้ติดต่อนี้เป็นตัวสำรองที่ยังไม่ถูกเรียกใช้ ใช้ตัวสำรองได้เมื่อผู้ถูกเลือกปฏิเสธ ติดต่อไม่ได้ หรือเบอร์ผิดเท่านั้น',
        'This contact is a reserve not released yet; a reserve is used only when a selected contact refused, was unreachable or had a wrong number',
      )
    : conflict(
        'contact_not_sampled',
        'ผู้ติดต่อนี้ไม่อยู่ในกลุ่มตัวอย่างที่สุ่มได้',
        'This contact is not in the drawn sample',
      );

export const contactAlreadyHasOutcome = () =>
  conflict(
    'contact_already_interviewed',
    'บันทึกผลการสัมภาษณ์ของผู้ติดต่อนี้ไว้แล้ว บันทึกใหม่ได้เมื่อรายการเดิมถูกตีกลับเท่านั้น',
    'An outcome is already recorded for this contact; a new one can be entered only if that one is rejected',
  );

export const answersRequired = () =>
  invalid('answers_required', 'การสัมภาษณ์ที่สำเร็จต้องมีคำตอบครบทุกข้อ', 'A completed interview needs its answers');

export const answersNotAllowed = () =>
  invalid(
    'answers_not_allowed',
    'การสัมภาษณ์ที่ไม่สำเร็จ (ปฏิเสธ ติดต่อไม่ได้ เบอร์ผิด) ต้องไม่มีคำตอบ',
    'An interview that did not take place (refused, unreachable, wrong number) carries no answers',
  );

export const invalidAnswers = (problems: unknown[]) =>
  invalid('invalid_answers', 'คำตอบไม่ครบหรือไม่ถูกต้อง', 'Some answers are missing or not valid', { problems });

export const invalidTimes = (th: string, en: string) => invalid('invalid_interview_times', th, en);

export const interviewNotFound = () =>
  notFound('interview_not_found', 'ไม่พบรายการสัมภาษณ์นี้', 'No such interview');

export const fourEyes = () =>
  forbidden(
    'four_eyes',
    'ผู้สัมภาษณ์ไม่สามารถอนุมัติหรือตีกลับรายการที่ตนบันทึกเองได้ ต้องให้ผู้ประเมินอีกคนที่ได้รับมอบหมายตรวจสอบ (หลักสี่ตา)',
    'An interviewer cannot approve or reject their own interview: another assigned assessor must review it (four-eyes rule)',
  );

export const alreadyReviewed = (status: string) =>
  conflict(
    'interview_already_reviewed',
    status === 'approved' ? 'รายการนี้ได้รับอนุมัติแล้ว' : 'รายการนี้ถูกตีกลับแล้ว',
    status === 'approved'
      ? 'This interview has already been approved'
      : 'This interview has already been rejected',
  );

export const answersOutdated = (problems: unknown[]) =>
  conflict(
    'answers_outdated',
    'คำตอบไม่ตรงกับกรอบการประเมินฉบับปัจจุบัน (มีการปรับกรอบหลังบันทึก) กรุณาตีกลับแล้วสัมภาษณ์ใหม่',
    'The answers no longer fit the framework in force (it changed after entry); reject the interview and interview again',
    { problems },
  );

export const eitCollectionClosed = (w: { phase: string | null; closesOn: string | null; closed: boolean }) =>
  conflict(
    'eit_collection_closed',
    w.phase === 'upcoming'
      ? 'ยังไม่ถึงช่วงเก็บข้อมูล EIT ของหน่วยงานนี้ จึงยังบันทึกไม่ได้'
      : `ช่วงเก็บข้อมูล EIT ของหน่วยงานนี้สิ้นสุดแล้ว${w.closesOn ? ` (วันสุดท้าย ${w.closesOn})` : ''} จึงบันทึกไม่ได้ หากจำเป็นให้ขอ ป.ป.ช. ขยายเวลา`,
    w.phase === 'upcoming'
      ? "The agency's EIT collection stage has not opened yet"
      : `The agency's EIT collection stage is over${w.closesOn ? ` (last day ${w.closesOn})` : ''}; ask NACC for an extension if needed`,
    { stage: 'eit_collection', phase: w.phase, closesOn: w.closesOn, closed: w.closed },
  );
