// The e-mail of a notice, Thai then English, from the reason stored with it (the same facts the recipient
// sees in the app), with a link to their notices.
import type { MailMessage } from '../../app/context.ts';
import { assertNever } from '../../core/exhaustive.ts';
import type { NoticeReason } from '../../core/notices/reminders.ts';
import { dayWords, STAGE_WORDS, taskLine } from './notices.words.ts';

const daysLeftWords = (n: number | null) =>
  n === null
    ? { th: '', en: '' }
    : n === 0
      ? { th: ' (วันนี้เป็นวันสุดท้าย)', en: ' (today is the last day)' }
      : { th: ` (เหลืออีก ${n} วัน)`, en: ` (${n} day${n === 1 ? '' : 's'} left)` };

export function noticeMail(publicUrl: string, to: string, year: number, reason: NoticeReason): MailMessage {
  const link = `${publicUrl.replace(/\/+$/, '')}/notices`;
  const footer = [
    '',
    `ดูรายละเอียดและเหตุผลที่ได้รับการแจ้งเตือนนี้: ${link}`,
    `Why you got this notice, and the details: ${link}`,
  ];
  switch (reason.rule) {
    case 'before_deadline':
    case 'sent_by_supervisor': {
      const stage = STAGE_WORDS[reason.stage];
      const deadline = reason.deadline ? dayWords(reason.deadline) : null;
      const left = daysLeftWords(reason.daysLeft);
      const tasks = reason.tasks.map(taskLine);
      const by =
        reason.rule === 'sent_by_supervisor'
          ? reason.sentBy.role === 'admin'
            ? { th: 'สำนักงาน ป.ป.ช. ', en: 'NACC ' }
            : { th: `ผู้กำกับติดตาม (${reason.sentBy.name}) `, en: `Your supervisor (${reason.sentBy.name}) ` }
          : null;
      const subject = `แจ้งเตือน ITA ${year}: ${stage.th}${deadline ? ` ภายใน ${deadline.th}` : ''} / ITA ${year} reminder: ${stage.en}`;
      const text = [
        `${by ? `${by.th}แจ้งเตือน` : 'แจ้งเตือน'}${reason.agencyName}: ${stage.th} ยังไม่เสร็จ${deadline ? ` กำหนดส่ง ${deadline.th}${left.th}` : ''}`,
        ...tasks.map((t) => `- ${t.th}`),
        ...(reason.rule === 'sent_by_supervisor' && reason.message ? [`ข้อความ: ${reason.message}`] : []),
        '',
        `${by ? `${by.en}reminds` : 'Reminder for'} ${reason.agencyName}: ${stage.en} is not complete${deadline ? `; the deadline is ${deadline.en}${left.en}` : ''}.`,
        ...tasks.map((t) => `- ${t.en}`),
        ...(reason.rule === 'sent_by_supervisor' && reason.message ? [`Message: ${reason.message}`] : []),
        ...footer,
      ].join('\n');
      return { to, subject, text };
    }
    case 'measure_due': {
      const end = dayWords(reason.end);
      const when =
        reason.step === 'overdue'
          ? { th: `เลยกำหนดสิ้นสุด ${end.th} แล้ว`, en: `its period ended on ${end.en}` }
          : {
              th: `จะสิ้นสุด ${end.th} (อีก ${reason.daysLeft} วัน)`,
              en: `its period ends on ${end.en} (${reason.daysLeft} days left)`,
            };
      const subject = `แจ้งเตือนมาตรการ ITA ${year}: ${reason.measureTitle} / ITA ${year} measure reminder`;
      const text = [
        `มาตรการ "${reason.measureTitle}" ของ${reason.agencyName} (ฉบับที่ ${reason.version}) ${when.th} และยังไม่ได้บันทึกความคืบหน้าว่าดำเนินการแล้วเสร็จ`,
        '',
        `The measure "${reason.measureTitle}" of ${reason.agencyName} (version ${reason.version}): ${when.en}, and no progress entry says it is done.`,
        ...footer,
      ].join('\n');
      return { to, subject, text };
    }
    case 'weekly_digest': {
      const lines = reason.lines.map((l) => {
        const stage = STAGE_WORDS[l.stage];
        const when = l.deadline ? dayWords(l.deadline) : null;
        return {
          th: `- ${l.agencyName}: ${stage.th} ${l.overdue ? 'เลยกำหนด' : 'ใกล้ครบกำหนด'}${when ? ` (${when.th})` : ''}`,
          en: `- ${l.agencyName}: ${stage.en} ${l.overdue ? 'overdue' : 'due soon'}${when ? ` (${when.en})` : ''}`,
        };
      });
      const more = reason.total - reason.lines.length;
      const subject = `สรุปรายสัปดาห์ ITA ${year}: หน่วยงานที่ยังค้างงาน ${reason.total} รายการ / ITA ${year} weekly digest: ${reason.total} outstanding`;
      const text = [
        `หน่วยงานในความรับผิดชอบของท่านที่ยังทำงานของขั้นตอนไม่เสร็จ (${reason.total} รายการ):`,
        ...lines.map((l) => l.th),
        ...(more > 0 ? [`และอีก ${more} รายการ`] : []),
        '',
        `Agencies in your scope with work outstanding (${reason.total}):`,
        ...lines.map((l) => l.en),
        ...(more > 0 ? [`and ${more} more`] : []),
        ...footer,
      ].join('\n');
      return { to, subject, text };
    }
    default:
      return assertNever(reason);
  }
}
