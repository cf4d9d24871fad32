// Test helpers for the audit log: a forger's view of the table (bypassing the append-only triggers, as only
// the table's owner can) and a quick way to append many entries.
import { type SQL, sql } from 'drizzle-orm';
import { chainEntry, type JsonValue } from '../../core/audit/index.ts';
import type { Actor, Role } from '../../core/authz.ts';
import type { DbOrTx } from '../../db/client.ts';
import { appendAudit } from './audit.service.ts';

/** Runs statements on audit_log with its append-only triggers switched off, in one transaction. */
export async function tamper(db: DbOrTx, ...statements: SQL[]): Promise<void> {
  await db.transaction(async (tx) => {
    await tx.execute(sql`alter table audit_log disable trigger user`);
    for (const statement of statements) await tx.execute(statement);
    await tx.execute(sql`alter table audit_log enable trigger user`);
  });
}

/** The same for the checkpoints table (an attacker removing the checkpoints that would give them away). */
export async function tamperCheckpoints(db: DbOrTx, ...statements: SQL[]): Promise<void> {
  await db.transaction(async (tx) => {
    await tx.execute(sql`alter table audit_checkpoints disable trigger user`);
    for (const statement of statements) await tx.execute(statement);
    await tx.execute(sql`alter table audit_checkpoints enable trigger user`);
  });
}

export const actorOf = (
  user: { id: string; username: string; role: Role; agencyId?: string | null },
  o: Partial<Actor> = {},
): Actor => ({
  userId: user.id,
  username: user.username,
  role: user.role,
  agencyId: user.agencyId ?? null,
  scope: { provinces: [], ministries: [], agencies: [] },
  assignedAgencies: [],
  ...o,
});

/** Appends `n` entries about one OIT item, each in its own transaction. */
export async function appendMany(
  db: DbOrTx,
  n: number,
  o: { actor?: Actor | null; agencyId?: string | null; entityId?: string } = {},
) {
  for (let i = 1; i <= n; i++)
    await appendAudit(
      db,
      {
        actor: o.actor ?? null,
        agencyId: o.agencyId ?? null,
        entityType: 'oit_answer',
        entityId: o.entityId ?? 'O1',
        action: 'update',
        before: { revision: i - 1 },
        after: { revision: i },
      },
      new Date(Date.UTC(2025, 2, 1, 3, 0, i)),
    );
}

/**
 * Rewrites entry `seq`'s "after" and recomputes its hash and every later one, as a forger holding the
 * table would: the chain alone then verifies as intact.
 */
export async function rewriteEntry(db: DbOrTx, seq: number, after: JsonValue) {
  const rows = (
    await db.execute<Record<string, unknown>>(
      sql`select * from audit_log where seq >= ${seq - 1} order by seq`,
    )
  ).rows;
  let previous: { seq: number; hash: string } | null = null;
  const statements = [];
  for (const row of rows) {
    const s = Number(row.seq);
    if (s < seq) {
      previous = { seq: s, hash: String(row.hash) };
      continue;
    }
    const e = chainEntry(previous, {
      occurredAt: new Date(String(row.occurred_at)).toISOString(),
      actorUserId: (row.actor_user_id as string | null) ?? null,
      actorUsername: (row.actor_username as string | null) ?? null,
      actorRole: (row.actor_role as string | null) ?? null,
      agencyId: (row.agency_id as string | null) ?? null,
      entityType: String(row.entity_type),
      entityId: String(row.entity_id),
      action: String(row.action),
      before: (row.before as never) ?? null,
      after: s === seq ? after : ((row.after as never) ?? null),
    });
    statements.push(
      sql`update audit_log set after = ${JSON.stringify(e.after)}::jsonb, prev_hash = ${e.prevHash}, hash = ${e.hash} where seq = ${s}`,
    );
    previous = e;
  }
  // Hashes are unique: move every rewritten row out of the way first.
  await tamper(
    db,
    sql`update audit_log set hash = md5(hash) || md5(prev_hash), prev_hash = md5(prev_hash) || md5(hash) where seq >= ${seq}`,
    ...statements,
  );
}
