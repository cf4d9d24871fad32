// The e-mail to a newly confirmed executive: choose your own password (Thai first, then English).
import type { MailMessage } from '../../app/context.ts';

export const EXECUTIVE_LINK_TTL_HOURS = 72;

export function executiveConfirmedMail(p: { to: string; username: string; link: string }): MailMessage {
  const hours = EXECUTIVE_LINK_TTL_HOURS;
  return {
    to: p.to,
    subject: 'บัญชีผู้บริหารในระบบโปร่งใสได้รับการยืนยันแล้ว / Your Prongsai executive account is confirmed',
    text: [
      `บัญชีผู้บริหาร ${p.username} ในระบบโปร่งใส (ITA) ได้รับการยืนยันแล้ว บัญชีนี้ใช้อนุมัติข้อมูลของหน่วยงาน`,
      `กรุณาตั้งรหัสผ่านของคุณเองภายใน ${hours} ชั่วโมงที่ลิงก์นี้ ลิงก์ใช้ได้ครั้งเดียว (ไม่มีผู้อื่นทราบรหัสผ่านนี้):`,
      p.link,
      'หากลิงก์หมดอายุ ขอลิงก์ใหม่ได้ที่หน้า "ลืมรหัสผ่าน"',
      '',
      '---',
      '',
      `The executive account ${p.username} in Prongsai (ITA) has been confirmed; it approves your agency's data.`,
      `Choose your own password within ${hours} hours at this link; it works only once (nobody else knows it):`,
      p.link,
      'If the link has expired, ask for a new one on the "Forgot password" page.',
    ].join('\n'),
  };
}
