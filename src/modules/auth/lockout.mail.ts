// The e-mail telling an account's owner that repeated failed sign-ins locked it, in Thai and then English.
// The sign-in answer itself never says so (it would reveal which usernames exist); the owner learns it here.
import type { MailMessage } from '../../app/context.ts';

const bangkokTime = (d: Date, locale: string) =>
  d.toLocaleString(locale, { timeZone: 'Asia/Bangkok', dateStyle: 'medium', timeStyle: 'short' });

export function lockoutMail(p: {
  to: string;
  username: string;
  failures: number;
  lockedUntil: Date;
  resetLink: string;
}): MailMessage {
  return {
    to: p.to,
    subject: 'บัญชีระบบโปร่งใสถูกพักชั่วคราว / Your Prongsai account is temporarily locked',
    text: [
      `มีการพยายามเข้าสู่ระบบบัญชี ${p.username} ด้วยรหัสผ่านผิด ${p.failures} ครั้งติดกัน จึงพักการเข้าสู่ระบบไว้ชั่วคราว`,
      `บัญชีจะกลับมาใช้ได้เวลา ${bangkokTime(p.lockedUntil, 'th-TH')} (เวลาประเทศไทย)`,
      'หากเป็นคุณเอง รอจนถึงเวลาดังกล่าว หรือตั้งรหัสผ่านใหม่ได้ทันทีที่ลิงก์นี้ (การตั้งรหัสผ่านใหม่จะปลดการพักด้วย):',
      p.resetLink,
      'หากไม่ใช่คุณ อาจมีผู้พยายามเดารหัสผ่านของคุณ ควรตั้งรหัสผ่านใหม่ที่คาดเดายาก และแจ้งผู้ดูแลระบบของหน่วยงาน',
      '',
      '---',
      '',
      `Someone tried to sign in to the account ${p.username} with a wrong password ${p.failures} times in a row, so sign-in is paused.`,
      `The account unlocks at ${bangkokTime(p.lockedUntil, 'en-GB')} (Thailand time).`,
      'If this was you, wait until then, or reset your password now at this link (a reset also lifts the lock):',
      p.resetLink,
      'If it was not you, someone may be guessing your password: choose a new, hard-to-guess one and tell your agency administrator.',
    ].join('\n'),
  };
}
