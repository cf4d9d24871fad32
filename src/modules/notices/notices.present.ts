// Rows → API JSON of the notices API: a person's own notices, with the agency's names.
import type { AgencyName } from '../agencies/index.ts';
import type { InboxRow } from './notices.repo.ts';
import type { Notice } from './notices.schema.ts';

export function presentNotice(row: InboxRow, agencies: ReadonlyMap<string, AgencyName>): Notice {
  const a = row.agencyId ? agencies.get(row.agencyId) : undefined;
  return {
    id: row.id,
    kind: row.kind,
    year: row.year,
    agency: a ? { id: a.id, code: a.code, nameTh: a.nameTh, nameEn: a.nameEn } : null,
    stage: (row.stage as Notice['stage']) ?? null,
    reason: row.reason,
    deliveredAt: (row.deliveredAt as Date).toISOString(),
    readAt: row.readAt?.toISOString() ?? null,
    mailed: row.mailedTo !== null,
  };
}
