// The measures module's domain errors (Thai first, one shape).

import { thaiDayOrDash } from '../../core/documents/thai-text.ts';
import { conflict, invalid, notFound } from '../../core/errors.ts';
import {
  MEASURE_EVIDENCE_FILE_MAX_BYTES,
  MEASURE_EVIDENCE_FILES_MAX,
  MEASURE_EVIDENCE_TYPES,
} from '../../shared/limits.ts';

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

const evidenceTypes = MEASURE_EVIDENCE_TYPES.map((t) => t.label).join(', ');
const mib = MEASURE_EVIDENCE_FILE_MAX_BYTES / 1024 / 1024;
export const evidenceFileRefused = (name: string) =>
  invalid(
    'evidence_file_type',
    `ไฟล์ “${name}” ไม่ใช่ไฟล์ประเภทที่รับ (${evidenceTypes}) หรือไฟล์เสียหาย`,
    `“${name}” is not an accepted file (${evidenceTypes}) or is damaged`,
    { name, accepted: MEASURE_EVIDENCE_TYPES.map((t) => t.ext) },
  );
export const evidenceFileEmpty = (name: string) =>
  invalid('evidence_file_empty', `ไฟล์ “${name}” ว่างเปล่า`, `“${name}” is empty`, { name });
/** Also answered with 413 by the upload's own limits (measures.upload.ts), before the service runs. */
export const EVIDENCE_TOO_LARGE = [
  'evidence_file_too_large',
  `ไฟล์หลักฐานแต่ละไฟล์ต้องมีขนาดไม่เกิน ${mib} MB`,
  `Each evidence file must be at most ${mib} MiB`,
] as const;
export const EVIDENCE_TOO_MANY = [
  'evidence_too_many_files',
  `แนบไฟล์หลักฐานได้ไม่เกิน ${MEASURE_EVIDENCE_FILES_MAX} ไฟล์ต่อรายการ`,
  `At most ${MEASURE_EVIDENCE_FILES_MAX} evidence files per entry`,
] as const;
export const evidenceFileTooLarge = () => invalid(...EVIDENCE_TOO_LARGE);
export const evidenceTooManyFiles = () => invalid(...EVIDENCE_TOO_MANY);
export const evidenceFileNotFound = () =>
  notFound('evidence_file_not_found', 'ไม่พบไฟล์หลักฐานนี้', 'No such evidence file');
/** 409: the measures are written within the year's `measures` stage (measures.stage.ts). */
export const measuresStageClosed = (
  year: number,
  w: { phase: 'upcoming' | 'open' | 'ended' | null; opensOn: string | null; closesOn: string | null } | null,
) => {
  const details = {
    stage: 'measures',
    year,
    phase: w?.phase ?? null,
    opensOn: w?.opensOn ?? null,
    closesOn: w?.closesOn ?? null,
  };
  if (w === null)
    return conflict(
      'measures_stage_closed',
      `ยังไม่มีกรอบการประเมินปีงบประมาณ พ.ศ. ${year} ในระบบ ซึ่งกำหนดช่วงจัดทำมาตรการ จึงยังจัดทำหรือแก้ไขมาตรการของปีนี้ไม่ได้`,
      `The FY${year} framework, whose calendar sets when measures are written, is not loaded yet: the year's measures cannot be drawn up or edited`,
      details,
    );
  if (w.phase === 'upcoming')
    return conflict(
      'measures_stage_closed',
      `ช่วงจัดทำมาตรการของปีงบประมาณ พ.ศ. ${year} ยังไม่เริ่ม (เริ่ม ${thaiDayOrDash(w.opensOn)})`,
      `The FY${year} measures stage has not opened yet (it opens on ${w.opensOn})`,
      details,
    );
  if (w.phase === 'ended')
    return conflict(
      'measures_stage_closed',
      `ช่วงจัดทำมาตรการของปีงบประมาณ พ.ศ. ${year} ของหน่วยงานนี้สิ้นสุดแล้ว (วันสุดท้าย ${thaiDayOrDash(w.closesOn)}) หากจำเป็นให้ขอ ป.ป.ช. ขยายเวลา`,
      `The FY${year} measures stage has ended for this agency (last day ${w.closesOn}); ask NACC for an extension if needed`,
      details,
    );
  return conflict(
    'measures_stage_closed',
    `กรอบการประเมินปีงบประมาณ พ.ศ. ${year} ไม่มีช่วงจัดทำมาตรการ จึงจัดทำหรือแก้ไขมาตรการของปีนี้ไม่ได้`,
    `The FY${year} framework has no measures stage: the year's measures cannot be drawn up or edited`,
    details,
  );
};
