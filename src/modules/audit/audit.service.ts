// Use cases of the audit log: appending an entry inside the caller's transaction, verifying the chain, and
// reading the history an actor may see.
import { PgTransaction } from 'drizzle-orm/pg-core';
import type { AppDeps } from '../../app/context.ts';
import {
  type ChainVerification,
  ChainVerifier,
  chainEntry,
  type JsonValue,
  redactSecrets,
  toJsonValue,
} from '../../core/audit/index.ts';
import type { AuditEntityType } from '../../core/audit/visibility.ts';
import { type Actor, authorize } from '../../core/authz.ts';
import { bangkokDayEnd, bangkokDayStart } from '../../core/calendar.ts';
import { invalid } from '../../core/errors.ts';
import type { DbOrTx, Tx } from '../../db/client.ts';
import { oitKeyOf, presentEntry, toChainedEntry } from './audit.present.ts';
import type { AuditReaders } from './audit.readers.ts';
import {
  type AuditRow,
  chainHead,
  entityEntries,
  entriesAfter,
  insertEntry,
  listEntries,
  lockChain,
  visibleEntries,
} from './audit.repo.ts';
import {
  type AuditEntry,
  type AuditListEntry,
  type AuditPage,
  type AuditQuery,
  ZAuditEventFields,
} from './audit.schema.ts';

/** One change to record. `before`/`after` are any JSON-able values (rows, fields); secrets are redacted. */
export interface AuditEvent {
  /** Who made the change; null for the system (start-up tasks, command-line imports). */
  actor: Actor | null;
  /** The agency the change belongs to: decides who may read it (null/absent: admins only). */
  agencyId?: string | null;
  /**
   * What kind of thing changed, e.g. `oit_answer`, `assessor_assignment`. A closed list: a new kind needs
   * its readers decided in core/audit/visibility.ts first.
   */
  entityType: AuditEntityType;
  /** Which one (its id or a composite key such as `<agencyId>:2568:O12`). */
  entityId: string;
  /** What happened, e.g. `create`, `update`, `delete`, `submit`, `approve`. */
  action: string;
  before?: unknown;
  after?: unknown;
}

/**
 * Appends an entry to the audit log. Pass the transaction that makes the change, so the entry commits or
 * rolls back with it; given a plain database handle it opens its own transaction.
 *
 * Appends are serialized by an advisory lock held until the transaction ends: call this as the last
 * statement of the transaction, so the lock is held briefly and never taken before other row locks.
 */
export async function appendAudit(
  db: DbOrTx,
  event: AuditEvent,
  now: Date,
): Promise<{ seq: number; hash: string }> {
  if (!(db instanceof PgTransaction)) return db.transaction((tx) => appendAudit(tx, event, now));
  const fields = ZAuditEventFields.safeParse(event);
  if (!fields.success) throw new Error(`appendAudit: malformed event: ${fields.error.message}`);
  if (Number.isNaN(now.getTime())) throw new Error('appendAudit: invalid time');
  const tx = db as Tx;
  await lockChain(tx);
  const entry = chainEntry(await chainHead(tx), {
    // A timestamptz(3) holds milliseconds, as a Date does: what is hashed is what is stored.
    occurredAt: new Date(now.getTime()).toISOString(),
    actorUserId: event.actor?.userId ?? null,
    actorUsername: event.actor?.username ?? null,
    actorRole: event.actor?.role ?? null,
    agencyId: fields.data.agencyId ?? null,
    entityType: fields.data.entityType,
    entityId: fields.data.entityId,
    action: fields.data.action,
    before: storedJson(event.before),
    after: storedJson(event.after),
  });
  await insertEntry(tx, { ...entry, occurredAt: new Date(entry.occurredAt) });
  return { seq: entry.seq, hash: entry.hash };
}

/** Exactly the value jsonb will give back, secrets removed: what is hashed must equal what is read. */
function storedJson(value: unknown): JsonValue | null {
  return redactSecrets(toJsonValue(value));
}

export const VERIFY_BATCH_SIZE = 1000;

/** Recomputes the whole chain in order, a batch at a time, and reports the first broken entry. */
export async function verifyChain(db: DbOrTx, batchSize = VERIFY_BATCH_SIZE): Promise<ChainVerification> {
  const verifier = new ChainVerifier();
  let afterSeq = 0;
  for (;;) {
    const rows = await entriesAfter(db, afterSeq, batchSize);
    for (const row of rows) if (!verifier.push(toChainedEntry(row))) return verifier.result();
    if (rows.length < batchSize) return verifier.result();
    afterSeq = rows.at(-1)?.seq ?? afterSeq;
  }
}

/**
 * History, newest first, as the actor may see it: only entries of the kinds and agencies they may read
 * (core/audit/visibility.ts), with assessors' work withheld until it is submitted. With an agency: that
 * agency's entries, if the actor may read the agency (entries of a deleted agency stay readable by admins).
 * `readers` gives what the rule needs from other modules (src/modules/audit-trail builds it).
 */
export async function listAudit(
  deps: Pick<AppDeps, 'db'>,
  actor: Actor | null,
  query: AuditQuery,
  readers: AuditReaders,
): Promise<AuditPage> {
  authorize(actor, 'audit.list', null);
  if (query.from !== undefined && query.to !== undefined && query.from > query.to)
    throw invalid(
      'audit_dates_reversed',
      'วันเริ่มต้นต้องไม่อยู่หลังวันสิ้นสุด',
      'The first day must not be after the last day',
    );
  if (query.agencyId !== undefined)
    authorize(actor, 'audit.read', await readers.agencyRef(deps.db, query.agencyId));
  const { rows, total } = await listEntries(
    deps.db,
    {
      entityType: query.entityType,
      entityId: query.entityId,
      agencyId: query.agencyId,
      action: query.action,
      actor: query.actor,
      // Days are Bangkok days: "the 1st" is what a user in Thailand saw on the 1st.
      from: query.from === undefined ? undefined : bangkokDayStart(query.from),
      before: query.to === undefined ? undefined : bangkokDayEnd(query.to),
      visible: visibleEntries(actor, readers),
    },
    { offset: (query.page - 1) * query.pageSize, limit: query.pageSize },
  );
  const [items, agencies] = await Promise.all([
    presentEntries(deps.db, rows, actor, readers),
    readers.agencyNames(
      deps.db,
      rows.map((r) => r.agencyId),
    ),
  ]);
  return {
    items: items.map((item): AuditListEntry => {
      const a = item.agencyId === null ? undefined : agencies.get(item.agencyId);
      return { ...item, agency: a ? { id: a.id, code: a.code, nameTh: a.nameTh, nameEn: a.nameEn } : null };
    }),
    total,
  };
}

/**
 * The history of one thing recorded under several entity types (an OIT item: its answer, score and
 * clarification), newest first, as `viewer` may see it. The caller authorizes the read (the agency's entries).
 */
export async function entityHistory(
  db: DbOrTx,
  viewer: Actor,
  filter: { agencyId: string; entityTypes: readonly AuditEntityType[]; entityId: string },
  readers: AuditReaders,
): Promise<AuditEntry[]> {
  const rows = await entityEntries(db, { ...filter, visible: visibleEntries(viewer, readers) });
  return presentEntries(db, rows, viewer, readers);
}

async function presentEntries(
  db: DbOrTx,
  rows: AuditRow[],
  viewer: Actor,
  readers: AuditReaders,
): Promise<AuditEntry[]> {
  const keys = new Map<string, { agencyId: string; year: number }>();
  for (const row of rows) {
    const key = oitKeyOf(row);
    if (key) keys.set(`${key.agencyId}:${key.year}`, key);
  }
  const statuses = await readers.oitStatuses(db, [...keys.values()]);
  return rows.map((row) => {
    const key = oitKeyOf(row);
    const status = key ? (statuses.get(`${key.agencyId}:${key.year}`) ?? 'answering') : null;
    return presentEntry(row, viewer, status);
  });
}
