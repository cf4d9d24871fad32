// Drizzle queries of the audit log. Nothing here updates or deletes entries (the database refuses both).
import { and, count, desc, eq, gt, inArray, or, type SQL, sql } from 'drizzle-orm';
import { type AuditEntityType, auditReadingOf } from '../../core/audit/visibility.ts';
import type { Actor, AgencyRef } from '../../core/authz.ts';
import type { OitReviewStatus } from '../../core/oit/states.ts';
import type { DbOrTx, Tx } from '../../db/client.ts';
import {
  agencies,
  assessorAssignments,
  auditLog,
  eit2Interviews,
  eit2Samples,
  oitReviews,
} from '../../db/schema/index.ts';
import { agencyScopeCondition } from '../agencies/index.ts';

export type AuditRow = typeof auditLog.$inferSelect;

/**
 * The key of the transaction-scoped advisory lock that serializes appends ("audlog" in ASCII). Held from
 * the append to the end of the caller's transaction, so the next appender reads a committed head.
 */
const AUDIT_CHAIN_LOCK_KEY = 0x6175646c6f67;

export async function lockChain(tx: Tx): Promise<void> {
  await tx.execute(sql`select pg_advisory_xact_lock(${sql.raw(String(AUDIT_CHAIN_LOCK_KEY))})`);
}

/** The newest entry's link: what the next entry chains to. */
export async function chainHead(tx: Tx): Promise<{ seq: number; hash: string } | null> {
  const [head] = await tx
    .select({ seq: auditLog.seq, hash: auditLog.hash })
    .from(auditLog)
    .orderBy(desc(auditLog.seq))
    .limit(1);
  return head ?? null;
}

export async function insertEntry(tx: Tx, row: typeof auditLog.$inferInsert): Promise<void> {
  await tx.insert(auditLog).values(row);
}

/** One batch of entries in chain order, after `afterSeq` (keyset paging: constant cost per batch). */
export async function entriesAfter(db: DbOrTx, afterSeq: number, limit: number): Promise<AuditRow[]> {
  return db.select().from(auditLog).where(gt(auditLog.seq, afterSeq)).orderBy(auditLog.seq).limit(limit);
}

export async function findAgencyRef(db: DbOrTx, id: string): Promise<AgencyRef | null> {
  const [row] = await db
    .select({ id: agencies.id, provinceCode: agencies.provinceCode, ministryCode: agencies.ministryCode })
    .from(agencies)
    .where(eq(agencies.id, id));
  return row ?? null;
}

/**
 * Entries an actor may read, as SQL: the rule of core/audit/visibility.ts (per kind of entry, the roles that
 * read it for the agencies in their scope — the agencies module's scope condition — and entries about the
 * viewer's own account). Always a condition; "every entry" only for the reading of an admin.
 */
export function visibleEntries(actor: Actor): SQL {
  const reading = auditReadingOf(actor.role);
  if (reading.all) return sql`true`;
  const anyYear = reading.inScope.filter((t) => !reading.assignedThatYear.includes(t));
  const agencyInScope = inArray(
    auditLog.agencyId,
    sql`(select ${agencies.id} from ${agencies} where ${agencyScopeCondition(actor)})`,
  );
  const inScope =
    anyYear.length === 0 ? undefined : and(inArray(auditLog.entityType, anyYear), agencyInScope);
  const self =
    reading.self.length === 0
      ? undefined
      : and(inArray(auditLog.entityType, [...reading.self]), eq(auditLog.entityId, actor.userId));
  return or(inScope, yearBoundEntries(actor, reading.assignedThatYear), self) ?? sql`false`;
}

/** EIT part-2 entries (sample, interview) of an agency-year the assessor is assigned to. */
function yearBoundEntries(actor: Actor, types: readonly AuditEntityType[]): SQL | undefined {
  if (types.length === 0) return undefined;
  const assigned = (table: typeof eit2Samples | typeof eit2Interviews) =>
    sql`exists (select 1 from ${table} join ${assessorAssignments}
      on ${assessorAssignments.agencyId} = ${table.agencyId} and ${assessorAssignments.year} = ${table.year}
      where ${table.id}::text = ${auditLog.entityId} and ${table.agencyId} = ${auditLog.agencyId}
      and ${assessorAssignments.userId} = ${actor.userId})`;
  const byType: Record<string, SQL> = {
    eit2_sample: assigned(eit2Samples),
    eit2_interview: assigned(eit2Interviews),
  };
  return or(
    ...types.map((t) => {
      const condition = byType[t];
      // A year-bound kind without a way to find its year is readable by no one but admins.
      return and(eq(auditLog.entityType, t), condition ?? sql`false`);
    }),
  );
}

/** The status of the OIT assessments of these agency-years (a missing row: still answering). */
export async function oitStatuses(
  db: DbOrTx,
  keys: readonly { agencyId: string; year: number }[],
): Promise<Map<string, OitReviewStatus>> {
  if (keys.length === 0) return new Map();
  const rows = await db
    .select({ agencyId: oitReviews.agencyId, year: oitReviews.year, status: oitReviews.status })
    .from(oitReviews)
    .where(or(...keys.map((k) => and(eq(oitReviews.agencyId, k.agencyId), eq(oitReviews.year, k.year)))));
  return new Map(rows.map((r) => [`${r.agencyId}:${r.year}`, r.status]));
}

export interface AuditFilter {
  entityType?: string | undefined;
  entityId?: string | undefined;
  agencyId?: string | undefined;
  visible: SQL;
}

/** A page of entries, newest first, and how many match in all. */
export async function listEntries(
  db: DbOrTx,
  filter: AuditFilter,
  page: { offset: number; limit: number },
): Promise<{ rows: AuditRow[]; total: number }> {
  const where = and(
    filter.entityType === undefined ? undefined : eq(auditLog.entityType, filter.entityType),
    filter.entityId === undefined ? undefined : eq(auditLog.entityId, filter.entityId),
    filter.agencyId === undefined ? undefined : eq(auditLog.agencyId, filter.agencyId),
    filter.visible,
  );
  const [rows, [totals]] = await Promise.all([
    db.select().from(auditLog).where(where).orderBy(desc(auditLog.seq)).offset(page.offset).limit(page.limit),
    db.select({ total: count() }).from(auditLog).where(where),
  ]);
  return { rows, total: totals?.total ?? 0 };
}

/** Every entry of one entity id under any of the given entity types, newest first (an item's history). */
export async function entityEntries(
  db: DbOrTx,
  filter: { agencyId: string; entityTypes: readonly string[]; entityId: string; visible: SQL },
): Promise<AuditRow[]> {
  return db
    .select()
    .from(auditLog)
    .where(
      and(
        eq(auditLog.agencyId, filter.agencyId),
        inArray(auditLog.entityType, [...filter.entityTypes]),
        eq(auditLog.entityId, filter.entityId),
        filter.visible,
      ),
    )
    .orderBy(desc(auditLog.seq));
}
