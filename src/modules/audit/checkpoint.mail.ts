// The e-mails to NACC admins: each new checkpoint (the signed line to keep, with a plain explanation), and
// the alarm when the trail fails verification and no checkpoint was signed.
import type { MailMessage } from '../../app/context.ts';
import type { AuditTrailVerification, TrustedKey } from '../../core/audit/index.ts';
import { bangkokMinute, describeAuditTrail, type PresentedCheckpoint } from './checkpoint.present.ts';

export function checkpointMail(
  to: string,
  c: PresentedCheckpoint,
  key: TrustedKey,
  publicUrl: string,
): MailMessage {
  const when = bangkokMinute(c.takenAt);
  return {
    to,
    subject: `จุดตรวจสอบบันทึกการเปลี่ยนแปลง #${c.seq} (${when}) / Audit checkpoint #${c.seq}`,
    text: [
      `จุดตรวจสอบบันทึกการเปลี่ยนแปลงของ Prongsai (${publicUrl}) วันที่ ${when} (เวลาไทย) เหตุ: ${c.reason}`,
      `บันทึกมี ${c.seq} รายการ รายการล่าสุดมีค่าแฮช ${c.headHash}`,
      '',
      'โปรดเก็บอีเมลนี้ไว้ (หรือคัดลอกบรรทัดที่ขึ้นต้นด้วย { ไว้ในไฟล์) บรรทัดนั้นลงนามด้วยกุญแจที่ไม่ได้อยู่ในฐานข้อมูล',
      'ผู้ดูแลฐานข้อมูลจึงลบหรือแก้ไขรายการที่เกิดก่อนเวลานี้โดยไม่ให้ตรวจพบไม่ได้:',
      'prongsai audit verify --checkpoints <ไฟล์> จะบอกว่ารายการใดหายไปหรือถูกแก้ไข',
      '',
      c.signed,
      '',
      `ลายนิ้วมือกุญแจสาธารณะ / Public key fingerprint (SHA-256): ${key.fingerprint}`,
      '',
      `An audit checkpoint of Prongsai (${publicUrl}), taken ${when} Bangkok time, reason: ${c.reason}.`,
      `The log then held ${c.seq} entries; the newest entry's hash is ${c.headHash}.`,
      'Please keep this e-mail (or copy the line starting with { into a file). That line is signed with a key',
      'that is not in the database, so nobody who runs the database can delete or rewrite the entries made',
      'before this moment without it showing: `prongsai audit verify --checkpoints <file>` names what is',
      'missing or rewritten. Compare the fingerprint above with the one NACC published.',
    ].join('\n'),
  };
}

export function trailAlarmMail(to: string, v: AuditTrailVerification, publicUrl: string): MailMessage {
  const lines = describeAuditTrail(v);
  return {
    to,
    subject: 'บันทึกการเปลี่ยนแปลงไม่ผ่านการตรวจสอบ / Audit log failed verification',
    text: [
      `บันทึกการเปลี่ยนแปลงของ Prongsai (${publicUrl}) ไม่ผ่านการตรวจสอบ จึงไม่ได้ลงนามจุดตรวจสอบใหม่:`,
      ...lines.map((l) => `- ${l.th}`),
      'โปรดตรวจสอบด้วย prongsai audit verify --checkpoints <ไฟล์จุดตรวจสอบที่เก็บไว้>',
      '',
      `The audit log of Prongsai (${publicUrl}) failed verification, so no new checkpoint was signed:`,
      ...lines.map((l) => `- ${l.en}`),
      'Check it with prongsai audit verify --checkpoints <the checkpoints you kept>.',
    ].join('\n'),
  };
}
