// The warning to NACC when an agency has used most of its daily SMS allowance: one e-mail to every active
// admin with an address (the audit entry is written with the usage, in the same transaction).
import type { AppDeps } from '../../app/context.ts';
import { activeAdminEmails } from '../users/index.ts';

export interface SmsCapWarning {
  day: string;
  sent: number;
  cap: number;
}

export async function notifySmsCapWarning(
  deps: AppDeps,
  agency: { nameTh: string; nameEn: string | null },
  w: SmsCapWarning,
): Promise<void> {
  const to = await activeAdminEmails(deps.db);
  const usage = `${deps.config.publicUrl}/otp-usage?day=${w.day}`;
  const subject = `SMS OTP ใกล้ถึงเพดานรายวัน: ${agency.nameTh} / SMS cap nearly reached`;
  const text = [
    `หน่วยงาน ${agency.nameTh} ส่ง SMS รหัส OTP แล้ว ${w.sent} จาก ${w.cap} ข้อความ ในวันที่ ${w.day}`,
    'เมื่อครบเพดาน ผู้ตอบจะต้องยืนยันตัวตนด้วยอีเมลแทน หากจำนวนนี้ผิดปกติ อาจมีผู้พยายามใช้ระบบในทางที่ผิด',
    `ดูการใช้งาน: ${usage}`,
    '',
    `${agency.nameEn ?? agency.nameTh} has sent ${w.sent} of its ${w.cap} OTP text messages for ${w.day}.`,
    'At the cap, respondents must verify by e-mail instead. An unusual number may mean abuse.',
    `Usage: ${usage}`,
  ].join('\n');
  // One failed address must not stop the others; the audit entry already records the warning.
  await Promise.allSettled(to.map((address) => deps.mailer.send({ to: address, subject, text })));
}
