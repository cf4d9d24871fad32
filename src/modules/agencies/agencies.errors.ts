// Domain errors of the agency registry, in Thai and English.

import { thaiDayOrDash } from '../../core/documents/thai-text.ts';
import { conflict, invalid, notFound } from '../../core/errors.ts';

export const agencyNotFound = () => notFound('agency_not_found', 'ไม่พบหน่วยงาน', 'Agency not found');

/** 409: the agency has no participation row for the year (its cycle was not opened). */
export const cycleNotOpen = (year: number) =>
  conflict(
    'cycle_not_open',
    `ยังไม่ได้เปิดรอบการประเมินปีงบประมาณ ${year} ให้หน่วยงานนี้`,
    `The fiscal year ${year} cycle is not open for this agency`,
  );

/** 409 for a change to a year NACC has closed (no stage of it is open for anyone any more). */
export const cycleClosed = (year: number) =>
  conflict(
    'cycle_closed',
    `ปีงบประมาณ ${year} ปิดรอบการประเมินแล้ว จึงเปลี่ยนแปลงไม่ได้`,
    `Fiscal year ${year} has been closed; it can no longer be changed`,
    { year },
  );

/** 409: an agency registers itself only within the year's registration stage (or its extension). */
export const registrationClosed = (
  year: number,
  w: { phase: 'upcoming' | 'open' | 'ended' | null; opensOn: string | null; closesOn: string | null },
) =>
  w.phase === 'upcoming'
    ? conflict(
        'registration_not_open',
        `ช่วงลงทะเบียนเข้าร่วมการประเมินปีงบประมาณ ${year} ยังไม่เริ่ม (เริ่ม ${thaiDayOrDash(w.opensOn)})`,
        `Registration for fiscal year ${year} has not opened yet (it opens on ${w.opensOn})`,
        { stage: 'register', opensOn: w.opensOn },
      )
    : conflict(
        'registration_closed',
        w.closesOn
          ? `ช่วงลงทะเบียนเข้าร่วมการประเมินปีงบประมาณ ${year} ของหน่วยงานนี้สิ้นสุดแล้ว (วันสุดท้าย ${thaiDayOrDash(w.closesOn)}) หากจำเป็นให้ขอ ป.ป.ช. ขยายเวลาหรือลงทะเบียนให้`
          : `กรอบการประเมินปีงบประมาณ ${year} ไม่มีช่วงลงทะเบียน หน่วยงานจึงลงทะเบียนเองไม่ได้ ให้ ป.ป.ช. ลงทะเบียนให้`,
        w.closesOn
          ? `Registration for fiscal year ${year} has ended for this agency (last day ${w.closesOn}); ask NACC for an extension or to register it`
          : `The fiscal year ${year} framework has no registration stage, so agencies cannot register themselves; NACC registers them`,
        { stage: 'register', closesOn: w.closesOn },
      );

export const unknownProvince = (code: string) =>
  invalid('unknown_province', `ไม่พบจังหวัดรหัส ${code}`, `Unknown province code ${code}`);

export const unknownMinistry = (code: string) =>
  invalid('unknown_ministry', `ไม่พบกระทรวงหรือสังกัดรหัส ${code}`, `Unknown ministry code ${code}`);

export const unknownParent = () =>
  invalid('unknown_parent', 'ไม่พบหน่วยงานต้นสังกัดที่ระบุ', 'The parent agency does not exist');

export const parentLoop = () =>
  invalid(
    'parent_loop',
    'ไม่สามารถกำหนดหน่วยงานต้นสังกัดนี้ได้ เพราะจะทำให้หน่วยงานเป็นต้นสังกัดของตัวเอง',
    'This parent would make the agency its own ancestor',
  );

export const agencyCodeTaken = (code: string) =>
  conflict('agency_code_taken', `รหัสหน่วยงาน ${code} มีอยู่แล้ว`, `Agency code ${code} is already in use`);

/**
 * 409: a result of the agency has been published, so its code is the open data's stable identifier (files,
 * links to its public page, other years) and can no longer change.
 */
export const agencyCodePublished = (code: string) =>
  conflict(
    'agency_code_published',
    `เปลี่ยนรหัสหน่วยงาน ${code} ไม่ได้ เพราะเผยแพร่ผลการประเมินของหน่วยงานนี้แล้ว รหัสนี้เป็นตัวระบุถาวรของหน่วยงานในข้อมูลเปิดและลิงก์สาธารณะ`,
    `Agency code ${code} cannot be changed: results of this agency have been published, and the code is its stable identifier in the open data and public links`,
    { code },
  );

/** The PostgreSQL error code of a failed query on either driver (drizzle wraps the driver's error). */
export function pgErrorCode(e: unknown): string | undefined {
  const err = e as { code?: unknown; cause?: { code?: unknown } };
  const code = err.cause?.code ?? err.code;
  return typeof code === 'string' ? code : undefined;
}
