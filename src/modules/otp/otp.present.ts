// Rows → API JSON for the admin usage view (only agency names and counts: nothing about respondents).

import type { smsUsageOfDay } from './otp.repo.ts';
import type { SmsUsage } from './otp.schema.ts';

type UsageRow = Awaited<ReturnType<typeof smsUsageOfDay>>[number];

export function presentUsage(
  day: string,
  cap: number,
  warningAt: number,
  senders: SmsUsage['senders'],
  rows: UsageRow[],
): SmsUsage {
  return {
    day,
    cap,
    warningAt,
    senders,
    agencies: rows.map((r) => ({
      agency: { id: r.agencyId, code: r.code, nameTh: r.nameTh, nameEn: r.nameEn },
      sent: r.sent,
      remaining: Math.max(0, cap - r.sent),
      warnedAt: r.warnedAt ? r.warnedAt.toISOString() : null,
      atCap: r.sent >= cap,
    })),
  };
}
