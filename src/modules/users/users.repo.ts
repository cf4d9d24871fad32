// Queries on user accounts (scopes and assignments live in scopes.repo.ts).
import { and, count, eq, ilike, ne, or, type SQL, sql } from 'drizzle-orm';
import type { Role } from '../../core/authz.ts';
import type { DbOrTx } from '../../db/client.ts';
import { assessorAssignments, supervisorScopes, users } from '../../db/schema/index.ts';
import { type AgencyBrief, agencyBriefsByIds } from '../agencies/index.ts';

export type UserRow = typeof users.$inferSelect;
export interface UserWithAgency {
  user: UserRow;
  agency: AgencyBrief | null;
}

/** The users with their agencies (read through the agencies module: one query for all of them). */
async function withAgencies(db: DbOrTx, rows: UserRow[]): Promise<UserWithAgency[]> {
  const byId = await agencyBriefsByIds(
    db,
    rows.map((u) => u.agencyId),
  );
  return rows.map((user) => ({ user, agency: (user.agencyId && byId.get(user.agencyId)) || null }));
}

export interface UserFilter {
  q?: string;
  role?: Role;
  agencyId?: string;
}

const escapeLike = (s: string) => s.replace(/[\\%_]/g, '\\$&');

function filterWhere(f: UserFilter): SQL | undefined {
  const conditions: SQL[] = [];
  if (f.role) conditions.push(eq(users.role, f.role));
  if (f.agencyId) conditions.push(eq(users.agencyId, f.agencyId));
  if (f.q) {
    const pattern = `%${escapeLike(f.q)}%`;
    const match = or(
      ilike(users.username, pattern),
      ilike(users.displayName, pattern),
      ilike(users.email, pattern),
    );
    if (match) conditions.push(match);
  }
  return conditions.length ? and(...conditions) : undefined;
}

export async function listUsers(
  db: DbOrTx,
  filter: UserFilter,
  page: { offset: number; limit: number },
): Promise<{ rows: UserWithAgency[]; total: number }> {
  const where = filterWhere(filter);
  const [rows, [totals]] = await Promise.all([
    db.select().from(users).where(where).orderBy(users.username).limit(page.limit).offset(page.offset),
    db.select({ n: count() }).from(users).where(where),
  ]);
  return { rows: await withAgencies(db, rows), total: totals?.n ?? 0 };
}

export async function findUser(db: DbOrTx, id: string): Promise<UserWithAgency | undefined> {
  const [row] = await db.select().from(users).where(eq(users.id, id));
  if (!row) return undefined;
  const [withAgency] = await withAgencies(db, [row]);
  return withAgency;
}

export async function findAgency(db: DbOrTx, id: string): Promise<AgencyBrief | undefined> {
  return (await agencyBriefsByIds(db, [id])).get(id);
}

export async function usernameTaken(db: DbOrTx, username: string): Promise<boolean> {
  const [row] = await db
    .select({ id: users.id })
    .from(users)
    .where(eq(sql`lower(${users.username})`, username.toLowerCase()));
  return row !== undefined;
}

export async function emailTaken(db: DbOrTx, email: string, exceptUserId?: string): Promise<boolean> {
  const sameEmail = eq(sql`lower(${users.email})`, email.toLowerCase());
  const [row] = await db
    .select({ id: users.id })
    .from(users)
    .where(exceptUserId ? and(sameEmail, ne(users.id, exceptUserId)) : sameEmail);
  return row !== undefined;
}

export async function insertUser(db: DbOrTx, values: typeof users.$inferInsert): Promise<UserRow> {
  const [row] = await db.insert(users).values(values).returning();
  if (!row) throw new Error('insert returned no row');
  return row;
}

export async function updateUser(
  db: DbOrTx,
  id: string,
  patch: Partial<
    Pick<
      UserRow,
      'displayName' | 'email' | 'role' | 'agencyId' | 'active' | 'awaitingConfirmation' | 'passwordHash'
    > & { passwordChangedAt: Date }
  >,
): Promise<void> {
  if (Object.keys(patch).length === 0) return;
  await db.update(users).set(patch).where(eq(users.id, id));
}

/** Active executive accounts awaiting confirmation, with their agencies (few: filtered by the caller). */
export async function listAwaitingConfirmation(db: DbOrTx): Promise<UserWithAgency[]> {
  const rows = await db
    .select()
    .from(users)
    .where(and(eq(users.awaitingConfirmation, true), eq(users.active, true)))
    .orderBy(users.username);
  // By agency code (accounts without an agency last), then username: a stable sort keeps the second order.
  const code = (r: UserWithAgency) => r.agency?.code ?? null;
  return (await withAgencies(db, rows)).sort((a, b) => {
    const x = code(a);
    const y = code(b);
    if (x === y) return 0;
    if (x === null) return 1;
    if (y === null) return -1;
    return x < y ? -1 : 1;
  });
}

/** Scope rows stop meaning anything once a user is no longer a supervisor; drop them with the role. */
export async function deleteScopesOfUser(db: DbOrTx, userId: string): Promise<void> {
  await db.delete(supervisorScopes).where(eq(supervisorScopes.userId, userId));
}

export async function deleteAssignmentsOfUser(db: DbOrTx, userId: string): Promise<void> {
  await db.delete(assessorAssignments).where(eq(assessorAssignments.userId, userId));
}

/** The unique index a failed insert/update violated (both drivers wrap the error in `cause`), if any. */
export function violatedUniqueIndex(err: unknown): string | null {
  let e: unknown = err;
  for (let depth = 0; depth < 5 && e && typeof e === 'object'; depth++) {
    const pgError = e as { code?: string; constraint?: string; cause?: unknown };
    if (pgError.code === '23505') return pgError.constraint ?? '';
    e = pgError.cause;
  }
  return null;
}

/** Where NACC is told of something that needs it (abuse alarms, caps): every active admin with an address. */
