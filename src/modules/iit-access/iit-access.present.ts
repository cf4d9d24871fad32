import type { AccessRow } from './iit-access.repo.ts';
import type { IitAccess } from './iit-access.schema.ts';

export function respondentLink(publicUrl: string, agencyId: string): string {
  return `${publicUrl.replace(/\/+$/, '')}/respond/iit/${agencyId}`;
}

/** How long a guessing alarm stays on the page when the code is not replaced after it. */
export const GUESSING_NOTICE_DAYS = 7;

/**
 * The guessing alarm, while it is news: seen in the last GUESSING_NOTICE_DAYS and not answered by a new code
 * since (a new code ends any use of the old one; guessing that goes on afterwards raises the alarm again).
 */
function guessingNotice(row: AccessRow, now: Date): IitAccess['guessing'] {
  const seen = row.attackSeenAt;
  if (!seen || seen <= row.codeRotatedAt) return null;
  if (now.getTime() - seen.getTime() > GUESSING_NOTICE_DAYS * 86_400_000) return null;
  return { seenAt: seen.toISOString(), alertedAt: row.attackAlertedAt?.toISOString() ?? null };
}

export function presentAccess(row: AccessRow, publicUrl: string, now: Date): IitAccess {
  return {
    agencyId: row.agencyId,
    year: row.year,
    accessCode: row.accessCode,
    codeRotatedAt: row.codeRotatedAt.toISOString(),
    link: respondentLink(publicUrl, row.agencyId),
    tokensRequired: row.tokensRequired,
    guessing: guessingNotice(row, now),
  };
}

export function presentBatch(row: {
  batchId: string;
  issued: number;
  createdAt: Date | string | null;
  createdBy: string | null;
}) {
  return {
    batchId: row.batchId,
    issued: row.issued,
    createdAt: row.createdAt === null ? null : new Date(row.createdAt).toISOString(),
    createdBy: row.createdBy,
  };
}
