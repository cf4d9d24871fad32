// Domain errors of the agency registry, in Thai and English.
import { conflict, invalid, notFound } from '../../core/errors.ts';

export const agencyNotFound = () => notFound('agency_not_found', 'ไม่พบหน่วยงาน', 'Agency not found');

/** 409: the agency has no participation row for the year (its cycle was not opened). */
export const cycleNotOpen = (year: number) =>
  conflict(
    'cycle_not_open',
    `ยังไม่ได้เปิดรอบการประเมินปีงบประมาณ ${year} ให้หน่วยงานนี้`,
    `The fiscal year ${year} cycle is not open for this agency`,
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

/** The PostgreSQL error code of a failed query on either driver (drizzle wraps the driver's error). */
export function pgErrorCode(e: unknown): string | undefined {
  const err = e as { code?: unknown; cause?: { code?: unknown } };
  const code = err.cause?.code ?? err.code;
  return typeof code === 'string' ? code : undefined;
}
