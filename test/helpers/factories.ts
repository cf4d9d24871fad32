// Factories with overridable fields. Passwords share one precomputed hash: argon2 is slow by design.
import { randomUUID } from 'node:crypto';
import { hash } from '@node-rs/argon2';
import type { Role } from '../../src/core/authz.ts';
import type { DbOrTx } from '../../src/db/client.ts';
import {
  agencies,
  assessorAssignments,
  ministries,
  provinces,
  supervisorScopes,
  surveyTokenBatches,
  users,
} from '../../src/db/schema/index.ts';

export const TEST_PASSWORD = 'test-pass-1234';
let passwordHash: Promise<string> | undefined;
/**
 * The fixture users' hash: argon2id at its lowest cost. Signing in verifies it with the parameters stored in
 * the hash (~1 ms instead of ~35 ms per sign-in, and the suite signs in over a thousand times). Passwords the
 * app stores itself (creating a user, changing or resetting a password, `prongsai admin create`) use the app's
 * cost (src/modules/auth/passwords.ts), and their tests sign in with them.
 */
const testHash = () => {
  passwordHash ??= hash(TEST_PASSWORD, { memoryCost: 1024, timeCost: 1, parallelism: 1 });
  return passwordHash;
};

const short = () => randomUUID().slice(0, 8);

/** The row an INSERT … RETURNING gave back (always exactly one here). */
function one<T>(rows: T[]): T {
  const [row] = rows;
  if (row === undefined) throw new Error('insert returned no row');
  return row;
}

export async function makeProvince(db: DbOrTx, o: Partial<typeof provinces.$inferInsert> = {}) {
  const code = o.code ?? `TH-${short()}`;
  const rows = await db
    .insert(provinces)
    .values({
      code,
      nameTh: `จังหวัดทดสอบ ${code}`,
      nameEn: `Test province ${code}`,
      region: 'northeast',
      ...o,
    })
    .returning();
  return one(rows);
}

export async function makeMinistry(db: DbOrTx, o: Partial<typeof ministries.$inferInsert> = {}) {
  const code = o.code ?? `M-${short()}`;
  const rows = await db
    .insert(ministries)
    .values({ code, nameTh: `กระทรวงทดสอบ ${code}`, nameEn: `Test ministry ${code}`, ...o })
    .returning();
  return one(rows);
}

export async function makeAgency(db: DbOrTx, o: Partial<typeof agencies.$inferInsert> = {}) {
  const code = o.code ?? `A-${short()}`;
  const rows = await db
    .insert(agencies)
    .values({ code, nameTh: `หน่วยงานทดสอบ ${code}`, type: 'sao', ...o })
    .returning();
  return one(rows);
}

export async function makeUser(
  db: DbOrTx,
  o: Partial<typeof users.$inferInsert> & { role: Role },
): Promise<typeof users.$inferSelect> {
  const username = o.username ?? `${o.role.replace('_', '-')}-${short()}`;
  const rows = await db
    .insert(users)
    .values({ username, displayName: `ผู้ใช้ ${username}`, passwordHash: await testHash(), ...o })
    .returning();
  return one(rows);
}

export async function grantScope(
  db: DbOrTx,
  userId: string,
  scope: { provinceCode?: string; ministryCode?: string; agencyId?: string },
) {
  await db.insert(supervisorScopes).values({ userId, ...scope });
}

export async function assign(db: DbOrTx, userId: string, agencyId: string, year = 2568) {
  await db.insert(assessorAssignments).values({ userId, agencyId, year });
}

/** A batch of IIT tokens of an agency's year (the tokens reference it); its id. */
export async function makeTokenBatch(db: DbOrTx, o: { agencyId: string; year: number }): Promise<string> {
  const id = randomUUID();
  await db.insert(surveyTokenBatches).values({ id, ...o, createdAt: new Date() });
  return id;
}
