import type { AccessRow } from './iit-access.repo.ts';
import type { IitAccess } from './iit-access.schema.ts';

export function respondentLink(publicUrl: string, agencyId: string): string {
  return `${publicUrl.replace(/\/+$/, '')}/respond/iit/${agencyId}`;
}

export function presentAccess(row: AccessRow, publicUrl: string): IitAccess {
  return {
    agencyId: row.agencyId,
    year: row.year,
    accessCode: row.accessCode,
    codeRotatedAt: row.codeRotatedAt.toISOString(),
    link: respondentLink(publicUrl, row.agencyId),
    tokensRequired: row.tokensRequired,
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
