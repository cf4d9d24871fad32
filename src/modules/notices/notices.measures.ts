// Due-date reminders of improvement measures (issue 12 §2), through the same notices table: before each
// approved measure's end (14 and 3 days) to the agency's admins, and once when it is overdue without a
// "done" progress entry to its admins and executives. Keyed by document version + measure + step + person;
// checked again just before sending (cancelled once the measure is done or the document was revised).
import { bangkokToday } from '../../core/calendar.ts';
import { daysBetween, measureDueStep, monthEnd } from '../../core/measures/due.ts';
import { type CancelReason, type NoticeReason, noticeKey } from '../../core/notices/reminders.ts';
import type { DbOrTx } from '../../db/client.ts';
import { agencyNamesByIds } from '../agencies/index.ts';
import { measuresDue } from '../measures/index.ts';
import { agencyReminderRecipients } from '../users/index.ts';
import { dueAtFor, type PlanDeps } from './notices.plan.ts';
import { type NewNotice, queueNotices } from './notices.repo.ts';

type MeasureReason = Extract<NoticeReason, { rule: 'measure_due' }>;

export async function planMeasureReminders(deps: PlanDeps): Promise<number> {
  const now = deps.now();
  const today = bangkokToday(now);
  const due = (await measuresDue(deps.db)).flatMap((m) => {
    const step = measureDueStep(m.to, today, m.closed);
    return step === null ? [] : [{ ...m, step }];
  });
  if (due.length === 0) return 0;
  const agencyIds = [...new Set(due.map((m) => m.agencyId))];
  const [recipients, names] = await Promise.all([
    agencyReminderRecipients(deps.db, agencyIds),
    agencyNamesByIds(deps.db, agencyIds),
  ]);
  const dueAt = dueAtFor(now, deps.quietHours);
  const rows: NewNotice[] = due.flatMap((m) => {
    const end = monthEnd(m.to);
    const reason: MeasureReason = {
      rule: 'measure_due',
      agencyName: names.get(m.agencyId)?.nameTh ?? '',
      documentId: m.documentId,
      version: m.version,
      measureId: m.measureId,
      measureTitle: m.title,
      end,
      daysLeft: daysBetween(today, end),
      step: m.step,
      status: m.status,
    };
    return recipients
      .filter((r) => r.agencyId === m.agencyId && (r.role === 'agency_admin' || m.step === 'overdue'))
      .map((r) => ({
        userId: r.id,
        kind: 'measure_reminder' as const,
        dedupeKey: noticeKey(
          { kind: 'measure_reminder', documentId: m.documentId, measureId: m.measureId, step: m.step },
          r.id,
        ),
        year: m.year,
        agencyId: m.agencyId,
        stage: null,
        reason,
        dueAt,
        createdBy: null,
      }));
  });
  return (await queueNotices(deps.db, rows, now)).length;
}

/** Just before sending: the reason as it stands now, or why it must not go. */
export async function recheckMeasure(
  db: DbOrTx,
  now: Date,
  r: MeasureReason,
): Promise<{ reason: NoticeReason } | { cancel: CancelReason }> {
  const m = (await measuresDue(db, r.documentId)).find((x) => x.measureId === r.measureId);
  if (!m) return { cancel: 'document_revised' };
  if (m.closed) return { cancel: 'work_done' };
  return { reason: { ...r, status: m.status, daysLeft: daysBetween(bangkokToday(now), r.end) } };
}
