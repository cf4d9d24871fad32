// Audit rows → API JSON and the chain's content, and a verification → one line of Thai and English.
import {
  type ChainBreakReason,
  type ChainedEntry,
  type ChainVerification,
  type JsonValue,
  redactSecrets,
} from '../../core/audit/index.ts';
import { auditEntryContent, needsOitStatus } from '../../core/audit/visibility.ts';
import type { Actor } from '../../core/authz.ts';
import type { OitReviewStatus } from '../../core/oit/states.ts';
import type { AuditRow } from './audit.repo.ts';
import type { AuditEntry } from './audit.schema.ts';

/** A stored row as the chain sees it (the hash covers exactly these fields). */
export function toChainedEntry(row: AuditRow): ChainedEntry {
  return {
    seq: row.seq,
    occurredAt: row.occurredAt.toISOString(),
    actorUserId: row.actorUserId,
    actorUsername: row.actorUsername,
    actorRole: row.actorRole,
    agencyId: row.agencyId,
    entityType: row.entityType,
    entityId: row.entityId,
    action: row.action,
    before: (row.before ?? null) as JsonValue | null,
    after: (row.after ?? null) as JsonValue | null,
    prevHash: row.prevHash,
    hash: row.hash,
  };
}

/**
 * An entry as `viewer` may see it (the caller has filtered rows with visibleEntries): the content of OIT
 * assessment entries follows the OIT visibility rule for the assessment's status (`oitStatus`). Secrets are
 * redacted again here: appendAudit already removes them, this guards any row that slipped by.
 */
export function presentEntry(row: AuditRow, viewer: Actor, oitStatus: OitReviewStatus | null): AuditEntry {
  const content = auditEntryContent(viewer, row, oitStatus);
  return {
    seq: row.seq,
    occurredAt: row.occurredAt.toISOString(),
    actor:
      row.actorUsername === null || row.actorRole === null
        ? null
        : { userId: row.actorUserId, username: row.actorUsername, role: row.actorRole },
    agencyId: row.agencyId,
    entityType: row.entityType,
    entityId: row.entityId,
    action: row.action,
    before: redactSecrets(content.before ?? null),
    after: redactSecrets(content.after ?? null),
    withheld: content.withheld,
    hash: row.hash,
  };
}

/** The OIT agency-year an entry belongs to (entity ids `<agencyId>:<year>[:<item>]`), if it needs one. */
export function oitKeyOf(row: AuditRow): { agencyId: string; year: number } | null {
  if (!needsOitStatus(row.entityType) || row.agencyId === null) return null;
  const [agencyId, year] = row.entityId.split(':');
  const y = Number(year);
  return agencyId === row.agencyId && Number.isInteger(y) ? { agencyId, year: y } : null;
}

const REASONS: Record<ChainBreakReason, { th: string; en: string }> = {
  hash_mismatch: {
    th: 'เนื้อหาถูกแก้ไข ค่าแฮชไม่ตรงกับเนื้อหา',
    en: 'its content was changed: the hash does not match',
  },
  prev_hash_mismatch: {
    th: 'ไม่เชื่อมกับรายการก่อนหน้า รายการก่อนหน้าถูกแก้ไขหรือลบ',
    en: 'it does not link to the entry before it, which was changed or removed',
  },
  gap: {
    th: 'ลำดับรายการขาดหาย มีรายการถูกลบหรือแทรก',
    en: 'the sequence skips: entries were removed or inserted',
  },
};

/** One line, Thai then English, for the command line and logs. */
export function describeVerification(v: ChainVerification): string {
  if (v.ok) {
    const head = v.headSeq === null ? '' : ` (#${v.headSeq} ${v.headHash})`;
    return (
      `บันทึกการเปลี่ยนแปลงครบถ้วน ${v.entries} รายการ${head} / ` + `Audit log intact: ${v.entries} entries${head}`
    );
  }
  const reason = REASONS[v.reason];
  return (
    `บันทึกการเปลี่ยนแปลงเสียหายที่รายการ #${v.firstBrokenSeq}: ${reason.th} ` +
    `(ก่อนหน้านั้นครบถ้วน ${v.entries} รายการ) / ` +
    `Audit log broken at entry #${v.firstBrokenSeq} (${v.reason}): ${reason.en} ` +
    `(entries intact before it: ${v.entries})`
  );
}
