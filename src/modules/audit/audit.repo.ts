// Drizzle queries of the audit log. Nothing here updates or deletes entries (the database refuses both).
import { and, count, desc, eq, gt, gte, ilike, inArray, lt, or, type SQL, sql } from 'drizzle-orm';
import { auditReadingOf } from '../../core/audit/visibility.ts';
import type { Actor } from '../../core/authz.ts';
import type { DbOrTx, Tx } from '../../db/client.ts';
import { auditLog } from '../../db/schema/index.ts';
import type { AuditReaders } from './audit.readers.ts';

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

/**
 * Entries an actor may read, as SQL: the rule of core/audit/visibility.ts (per kind of entry, the roles that
 * read it for the agencies in their scope and, for year-bound kinds, the agency-years they are assigned to;
 * and entries about the viewer's own account). The scope and the assignments live in other modules' tables:
 * `readers` gives them as SQL (see AuditReaders). Always a condition; "every entry" only for an admin.
 */
export function visibleEntries(actor: Actor, readers: AuditReaders): SQL {
  const reading = auditReadingOf(actor.role);
  if (reading.all) return sql`true`;
  const anyYear = reading.inScope.filter((t) => !reading.assignedThatYear.includes(t));
  const agencyInScope = inArray(auditLog.agencyId, readers.agencyIdsInScope(actor));
  const inScope =
    anyYear.length === 0 ? undefined : and(inArray(auditLog.entityType, anyYear), agencyInScope);
  const self =
    reading.self.length === 0
      ? undefined
      : and(inArray(auditLog.entityType, [...reading.self]), eq(auditLog.entityId, actor.userId));
  const yearBound = reading.assignedThatYear.map((t) =>
    // A year-bound kind without a way to find its year is readable by no one but admins.
    and(
      eq(auditLog.entityType, t),
      readers.assignedEntry(actor, t, { entityId: auditLog.entityId, agencyId: auditLog.agencyId }) ??
        sql`false`,
    ),
  );
  return or(inScope, ...yearBound, self) ?? sql`false`;
}

export interface AuditFilter {
  entityType?: string | undefined;
  entityId?: string | undefined;
  agencyId?: string | undefined;
  action?: string | undefined;
  /** Part of the actor's username, matched case-insensitively. */
  actor?: string | undefined;
  /** Entries at or after this instant. */
  from?: Date | undefined;
  /** Entries strictly before this instant. */
  before?: Date | undefined;
  visible: SQL;
}

/** LIKE's own characters in typed text match themselves. */
const likeLiteral = (text: string) => text.replace(/[\\%_]/g, (ch) => `\\${ch}`);

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
    filter.action === undefined ? undefined : eq(auditLog.action, filter.action),
    filter.actor === undefined ? undefined : ilike(auditLog.actorUsername, `%${likeLiteral(filter.actor)}%`),
    filter.from === undefined ? undefined : gte(auditLog.occurredAt, filter.from),
    filter.before === undefined ? undefined : lt(auditLog.occurredAt, filter.before),
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

/** The newest entry of an entity (any agency), or null when it has none. */
export async function lastSeqOfEntity(
  db: DbOrTx,
  entityType: string,
  entityId: string,
): Promise<number | null> {
  const [row] = await db
    .select({ seq: auditLog.seq })
    .from(auditLog)
    .where(and(eq(auditLog.entityType, entityType), eq(auditLog.entityId, entityId)))
    .orderBy(desc(auditLog.seq))
    .limit(1);
  return row?.seq ?? null;
}
