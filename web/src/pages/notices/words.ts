// Notices in words: the headline of a notice, why it was sent, and what of the stage is not done — from the
// reason the server stored with it, in the reader's language (Thai first), never codes.
import type { Notice } from '../../api/notices.ts';
import { formatDate, type Lang } from '../../lib/format.ts';

type T = (key: string, o?: Record<string, unknown>) => string;
type Task = { code: string; done: number; required: number | null };

const TASKS = [
  'registration',
  'stakeholder_entry',
  'stakeholder_approval',
  'iit',
  'eit1',
  'eit2',
  'oit_answers',
  'oit_approval',
  'oit_scoring',
  'oit_clarification',
  'oit_confirmation',
];

/** "แบบวัด IIT ที่ได้รับ 12 จาก 30", "ยังไม่ได้ลงทะเบียนเข้าร่วมการประเมิน". */
export function taskWords(t: T, task: Task): string {
  const name = t(`notices.task.${TASKS.includes(task.code) ? task.code : 'other'}`);
  if (task.required === 1 && task.done === 0) return t('notices.taskNotDone', { task: name });
  if (task.required === null) return t('notices.taskUnknown', { task: name, done: task.done });
  return t('notices.taskCount', { task: name, done: task.done, required: task.required });
}

/** "กำหนดส่ง 30 เมษายน 2568 · เหลืออีก 5 วัน". */
export function deadlineWords(t: T, lang: Lang, deadline: string | null, daysLeft: number | null): string {
  if (!deadline) return '';
  const left =
    daysLeft === null
      ? t('notices.overdue')
      : daysLeft === 0
        ? t('notices.lastDay')
        : t('notices.daysLeft', { count: daysLeft });
  return `${t('notices.deadline', { date: formatDate(deadline, lang) })} · ${left}`;
}

export function headline(t: T, notice: Notice): string {
  const r = notice.reason;
  switch (r.rule) {
    case 'before_deadline':
    case 'sent_by_supervisor':
      return t(`notices.headline.${r.rule}`, {
        agency: notice.agency?.nameTh ?? r.agencyName,
        stage: t(`notices.stage.${r.stage}`),
      });
    case 'weekly_digest':
      return t('notices.headline.weekly_digest', { count: r.total });
    case 'measure_due':
      return t('notices.headline.measure_due', {
        agency: notice.agency?.nameTh ?? r.agencyName,
        measure: r.measureTitle,
      });
  }
}

/** Why the reader got it: the rule in a sentence. */
export function whyWords(t: T, lang: Lang, notice: Notice): string {
  const r = notice.reason;
  switch (r.rule) {
    case 'before_deadline':
      return t('notices.rule.before_deadline', { step: r.step });
    case 'sent_by_supervisor':
      return t('notices.rule.sent_by_supervisor', {
        name: r.sentBy.name,
        role: t(`notices.roles.${r.sentBy.role}`),
      });
    case 'weekly_digest':
      return t('notices.rule.weekly_digest', { week: formatDate(r.week, lang) });
    case 'measure_due':
      return t('notices.rule.measure_due', { version: r.version });
  }
}

/** A measure's end and latest progress: "สิ้นสุดระยะเวลาดำเนินการ 30 มิถุนายน 2568 · เหลืออีก 3 วัน". */
export function measureWords(t: T, lang: Lang, end: string, daysLeft: number, status: string | null): string {
  const left =
    daysLeft < 0
      ? t('notices.overdue')
      : daysLeft === 0
        ? t('notices.lastDay')
        : t('notices.daysLeft', { count: daysLeft });
  const statuses = ['not_started', 'in_progress', 'done', 'cancelled'];
  const progress = t(
    `notices.measureStatus.${status !== null && statuses.includes(status) ? status : 'none'}`,
  );
  return `${t('notices.measureEnd', { date: formatDate(end, lang) })} · ${left} · ${progress}`;
}
