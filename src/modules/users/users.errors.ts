// The user-management module's errors, in Thai and English.
import { conflict, forbidden, invalid, notFound } from '../../core/errors.ts';

export const userNotFound = () => notFound('user_not_found', 'ไม่พบผู้ใช้นี้', 'No such user');

export const usernameTaken = (username: string) =>
  conflict(
    'username_taken',
    `ชื่อผู้ใช้ ${username} มีอยู่แล้ว กรุณาเลือกชื่ออื่น`,
    `The username ${username} is already taken; please choose another`,
    { field: 'username' },
  );

export const emailTaken = () =>
  conflict('email_taken', 'อีเมลนี้ถูกใช้กับบัญชีอื่นแล้ว', 'This e-mail address already belongs to another account', {
    field: 'email',
  });

export const unknownAgency = () =>
  invalid('unknown_agency', 'ไม่พบหน่วยงานที่ระบุ', 'The agency does not exist', { field: 'agencyId' });

export const agencyRequired = () =>
  invalid(
    'agency_required',
    'ผู้ดูแลหน่วยงานและผู้บริหารต้องสังกัดหน่วยงาน กรุณาระบุหน่วยงาน',
    'Agency admins and executives belong to an agency; please choose one',
    { field: 'agencyId' },
  );

export const agencyNotAllowed = () =>
  invalid(
    'agency_not_allowed',
    'ผู้ดูแลระบบ ผู้ประเมิน และผู้กำกับติดตามไม่สังกัดหน่วยงาน กรุณาเอาหน่วยงานออก',
    'Admins, assessors and supervisors do not belong to an agency; please remove the agency',
    { field: 'agencyId' },
  );

export const cannotChangeOwnRole = () =>
  invalid(
    'own_role_unchangeable',
    'ไม่สามารถเปลี่ยนบทบาทหรือหน่วยงานของบัญชีตนเองได้',
    'You cannot change the role or agency of your own account',
  );

export const emailChangeNotAllowed = () =>
  forbidden(
    'email_change_not_allowed',
    'เฉพาะผู้ดูแลระบบหรือเจ้าของบัญชีเท่านั้นที่เปลี่ยนอีเมลของบัญชีได้ (อีเมลใช้รับลิงก์ตั้งรหัสผ่านใหม่)',
    "Only a system admin or the account's owner may change its e-mail (it receives password-reset links)",
  );

export const cannotDeactivateSelf = () =>
  invalid('own_account_deactivation', 'ไม่สามารถปิดบัญชีของตนเองได้', 'You cannot deactivate your own account');

export const notASupervisor = () =>
  invalid(
    'not_a_supervisor',
    'กำหนดขอบเขตการกำกับติดตามได้เฉพาะผู้ใช้บทบาทผู้กำกับติดตาม',
    'Only supervisors have a supervision scope',
  );

export const notAnAssessor = () =>
  invalid(
    'not_an_assessor',
    'มอบหมายหน่วยงานได้เฉพาะผู้ใช้บทบาทผู้ประเมิน',
    'Only assessors can be assigned agencies',
  );

export function unknownCodes(unknown: { provinces?: string[]; ministries?: string[]; agencies?: string[] }) {
  const th: string[] = [];
  const en: string[] = [];
  if (unknown.provinces?.length) {
    th.push(`จังหวัด ${unknown.provinces.join(', ')}`);
    en.push(`provinces ${unknown.provinces.join(', ')}`);
  }
  if (unknown.ministries?.length) {
    th.push(`กระทรวง ${unknown.ministries.join(', ')}`);
    en.push(`ministries ${unknown.ministries.join(', ')}`);
  }
  if (unknown.agencies?.length) {
    th.push(`หน่วยงาน ${unknown.agencies.join(', ')}`);
    en.push(`agencies ${unknown.agencies.join(', ')}`);
  }
  return invalid('unknown_codes', `ไม่พบรหัส: ${th.join('; ')}`, `Unknown codes: ${en.join('; ')}`, unknown);
}

export const notAwaitingConfirmation = () =>
  conflict(
    'not_awaiting_confirmation',
    'บัญชีนี้ไม่ได้รอการยืนยัน (ยืนยันหรือปฏิเสธไปแล้ว หรือไม่ใช่บัญชีผู้บริหารที่เสนอไว้)',
    'This account is not awaiting confirmation (already confirmed or declined, or not a proposed executive)',
  );

export const executiveEmailRequired = () =>
  invalid(
    'executive_email_required',
    'บัญชีผู้บริหารที่เสนอให้ยืนยันต้องมีอีเมล เพื่อให้ผู้บริหารตั้งรหัสผ่านเองเมื่อได้รับการยืนยัน',
    'A proposed executive account needs an e-mail address: on confirmation the executive sets their own password through it',
    { field: 'email' },
  );
