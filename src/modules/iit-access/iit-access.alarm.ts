// When someone is guessing an agency's IIT access code (the respondent side counts wrong codes and calls
// this when an agency's count in one window reaches the alarm level): the agency's access row records it
// (shown on the IIT access page to NACC and the agency), and NACC admins get one e-mail and the audit log
// one entry per agency per alert period, however many instances see the alarm.
import type { AppDeps } from '../../app/context.ts';
import { agencyNamesByIds } from '../agencies/index.ts';
import { appendAudit } from '../audit/index.ts';
import { activeAdminEmails } from '../users/index.ts';
import { markAttackSeen } from './iit-access.repo.ts';

export interface GuessingAlarm {
  agencyId: string;
  year: number;
  /** Wrong codes for the agency in the window that raised the alarm. */
  failures: number;
  windowMinutes: number;
  /** NACC is e-mailed at most once per agency in this many hours. */
  alertRepeatHours: number;
}

/** Records the alarm; returns whether NACC was alerted by this call (the first alarm of the period). */
export async function raiseGuessingAlarm(
  deps: Pick<AppDeps, 'db' | 'config' | 'mailer'>,
  alarm: GuessingAlarm,
  now: Date,
): Promise<boolean> {
  const { agencyId, year } = alarm;
  const alert = await deps.db.transaction(async (tx) => {
    const claimed = await markAttackSeen(tx, agencyId, year, now, alarm.alertRepeatHours * 3_600_000);
    if (claimed)
      await appendAudit(
        tx,
        {
          actor: null,
          agencyId,
          entityType: 'iit_access',
          entityId: `${agencyId}:${year}`,
          action: 'access_code_guessing',
          after: { failures: alarm.failures, windowMinutes: alarm.windowMinutes },
        },
        now,
      );
    return claimed;
  });
  if (!alert) return false;
  const agency = (await agencyNamesByIds(deps.db, [agencyId])).get(agencyId);
  const to = await activeAdminEmails(deps.db);
  const name = agency?.nameTh ?? agencyId;
  const page = `${deps.config.publicUrl.replace(/\/+$/, '')}/iit-access?agency=${agencyId}&year=${year}`;
  const subject = `มีผู้พยายามเดารหัสเข้าตอบ IIT: ${name} / IIT access code under attack`;
  const text = [
    `มีการกรอกรหัสเข้าตอบแบบวัด IIT ของ ${name} (ปีงบประมาณ ${year}) ผิด ${alarm.failures} ครั้งภายใน ${alarm.windowMinutes} นาที จากหลายที่อยู่`,
    'ระบบจำกัดเฉพาะผู้ที่เดารหัส ผู้ตอบที่มีรหัสถูกต้องยังตอบได้ตามปกติ',
    'ควรติดต่อหน่วยงานให้เปลี่ยนรหัสเข้าตอบ และแจ้งรหัสใหม่แก่บุคลากร',
    `ดูรายละเอียด: ${page}`,
    '',
    `${agency?.nameEn ?? name} (fiscal year ${year}): ${alarm.failures} wrong IIT access codes within ${alarm.windowMinutes} minutes, from many addresses.`,
    'Only the guessers are slowed down; respondents with the right code can still answer.',
    'Consider asking the agency to rotate its access code and share the new one with its staff.',
    `Details: ${page}`,
    '',
    `(อีเมลนี้ส่งไม่เกินหนึ่งครั้งต่อหน่วยงานทุก ${alarm.alertRepeatHours} ชั่วโมง / sent at most once per agency every ${alarm.alertRepeatHours} hours)`,
  ].join('\n');
  // One failed address must not stop the others; the audit entry already records the alarm.
  await Promise.allSettled(to.map((address) => deps.mailer.send({ to: address, subject, text })));
  return true;
}
