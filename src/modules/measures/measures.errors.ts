// The measures module's domain errors (Thai first, one shape).
import { conflict, invalid, notFound } from '../../core/errors.ts';

export const measuresNotFound = (year: number) =>
  notFound(
    'measures_not_found',
    `ยังไม่มีมาตรการส่งเสริมคุณธรรมและความโปร่งใสของปีงบประมาณ พ.ศ. ${year}`,
    `There are no integrity measures for FY${year} yet`,
  );
export const measuresExist = () =>
  conflict(
    'measures_exist',
    'มีมาตรการของปีนี้อยู่แล้ว หากต้องการแก้ไขฉบับที่อนุมัติแล้ว ให้จัดทำฉบับปรับปรุง',
    'This year’s measures already exist; to change an approved version, start a revision',
  );
export const measuresLocked = () =>
  conflict(
    'measures_locked',
    'แก้ไขได้เฉพาะฉบับร่างเท่านั้น ฉบับที่เสนอหรืออนุมัติแล้วต้องส่งกลับหรือจัดทำฉบับปรับปรุง',
    'Only a draft can be edited: return the version, or start a revision of an approved one',
  );
export const measuresStepRefused = (step: string, status: string) =>
  conflict(
    'measures_step_not_allowed',
    `ไม่สามารถดำเนินการ “${step}” กับมาตรการที่อยู่ในสถานะ “${status}” ได้`,
    `The step “${step}” does not apply to measures that are “${status}”`,
    { step, status },
  );
export const measuresChanged = () =>
  conflict(
    'measures_changed',
    'มีผู้บันทึกมาตรการฉบับนี้หลังจากที่คุณเปิดอ่าน กรุณาโหลดใหม่แล้วบันทึกอีกครั้ง',
    'Someone saved these measures after you opened them: reload and save again',
  );
export const measuresNotApproved = () =>
  conflict(
    'measures_not_approved',
    'ต้องได้รับอนุมัติจากผู้บริหารก่อนจึงจะเผยแพร่หรือลงนามรายงานผลได้',
    'The executive must approve the measures before they are published or progress is signed',
  );
export const measuresInvalid = (problems: { path: string; th: string; en: string }[]) =>
  invalid(
    'measures_invalid',
    'มาตรการอ้างถึงประเด็น ตัวชี้วัด ส่วนราชการ หรือมาตรการที่ไม่มีอยู่',
    'The measures refer to a weak point, indicator, division or measure that does not exist',
    problems,
  );
export const publicMeasuresNotFound = () =>
  notFound('measures_not_published', 'ไม่พบมาตรการที่เผยแพร่ตามที่อยู่นี้', 'No published measures at this address');
export const divisionNotFound = () => notFound('division_not_found', 'ไม่พบส่วนราชการนี้', 'No such division');
export const divisionExists = () =>
  conflict('division_exists', 'มีส่วนราชการชื่อนี้อยู่แล้ว', 'A division of that name already exists');
export const libraryEntryNotFound = () =>
  notFound('measure_library_not_found', 'ไม่พบมาตรการแนะนำนี้', 'No such suggested measure');
export const libraryEntryExists = () =>
  conflict(
    'measure_library_exists',
    'มีมาตรการแนะนำชื่อนี้ในตัวชี้วัดนี้อยู่แล้ว',
    'A suggested measure of that title exists for this indicator',
  );
