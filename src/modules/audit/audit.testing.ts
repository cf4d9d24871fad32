// Test helpers for the audit log: a forger's view of the table (bypassing the append-only triggers, as only
// the table's owner can) and a quick way to append many entries.
import { type SQL, sql } from 'drizzle-orm';
import type { Actor } from '../../core/authz.ts';
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
  user: { id: string; username: string; role: string; agencyId?: string | null },
  o: Partial<Actor> = {},
): Actor => ({
  userId: user.id,
  username: user.username,
  role: user.role as Actor['role'],
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
