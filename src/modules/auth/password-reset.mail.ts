// The password-reset e-mail, in Thai first and then English (recipients may read either).
import type { MailMessage } from '../../app/context.ts';
import { PASSWORD_RESET_TTL_MINUTES } from '../../shared/limits.ts';

export function passwordResetMail(p: { to: string; username: string; link: string }): MailMessage {
  const minutes = PASSWORD_RESET_TTL_MINUTES;
  return {
    to: p.to,
    subject: 'ตั้งรหัสผ่านใหม่ระบบโปร่งใส / Reset your Prongsai password',
    text: [
      `มีการขอตั้งรหัสผ่านใหม่สำหรับบัญชี ${p.username} ในระบบโปร่งใส (ITA)`,
      `เปิดลิงก์นี้ภายใน ${minutes} นาทีเพื่อตั้งรหัสผ่านใหม่ ลิงก์ใช้ได้ครั้งเดียว:`,
      p.link,
      'หากคุณไม่ได้ขอ ไม่ต้องดำเนินการใด ๆ รหัสผ่านเดิมยังใช้ได้ตามปกติ',
      '',
      '---',
      '',
      `Someone asked to reset the password of the account ${p.username} in Prongsai (ITA).`,
      `Open this link within ${minutes} minutes to choose a new password; it works only once:`,
      p.link,
      'If you did not ask for this, ignore this message; your password has not changed.',
    ].join('\n'),
  };
}
