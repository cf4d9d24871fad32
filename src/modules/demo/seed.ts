// Demo data for trying Prongsai: one province of invented agencies, five logins, the FY2568 cycle.
// Idempotent (runs at every start when config.demo is on): it only adds what is missing and never
// overwrites what people changed. Never in production.
import { and, eq, inArray, sql } from 'drizzle-orm';
import type { AppDeps } from '../../app/context.ts';
import type { Config } from '../../config.ts';
import { DomainError } from '../../core/errors.ts';
import type { DbOrTx } from '../../db/client.ts';
import { agencies, assessorAssignments, supervisorScopes, users } from '../../db/schema/index.ts';
import { frameworkLoaded, openCycle } from '../agencies/index.ts';
import { hashPassword } from '../auth/index.ts';
import { loadReferenceData } from '../reference/index.ts';
import type { StartupTask } from '../startup.ts';
import {
  DEMO_AGENCIES,
  DEMO_OWN_AGENCY,
  DEMO_PASSWORD,
  DEMO_PROVINCE,
  DEMO_USERS,
  DEMO_YEAR,
  demoWebsite,
} from './demo.data.ts';

export const demoRefusedInProduction = () =>
  new DomainError(
    'forbidden',
    'demo_in_production',
    'ไม่สร้างข้อมูลสาธิตในระบบใช้งานจริง (NODE_ENV=production)',
    'Demo data is never seeded in production (NODE_ENV=production)',
  );

export interface SeedResult {
  agenciesCreated: number;
  usersCreated: number;
  /** Whether the demo year's framework was loaded (and the cycle opened or already open). */
  cycleOpen: boolean;
  banner: string[];
}

type Deps = Pick<AppDeps, 'db' | 'now'> & { config: Pick<Config, 'production'> };

export async function seedDemo(deps: Deps): Promise<SeedResult> {
  if (deps.config.production) throw demoRefusedInProduction();
  await loadReferenceData(deps.db);
  const now = deps.now();
  const result = await deps.db.transaction(async (tx) => {
    const agenciesCreated = await seedAgencies(tx, now);
    const ids = await agencyIds(tx);
    const usersCreated = await seedUsers(tx, ids);
    const cycleOpen = await frameworkLoaded(tx, DEMO_YEAR);
    if (cycleOpen) await openDemoCycle(tx, now);
    return { agenciesCreated, usersCreated, cycleOpen };
  });
  return { ...result, banner: banner(result.cycleOpen) };
}

async function seedAgencies(tx: DbOrTx, now: Date): Promise<number> {
  let created = 0;
  // One at a time, parents first: a child needs its parent's id. Twelve rows, so the round trips are fine.
  for (const demo of DEMO_AGENCIES) {
    const parentId = demo.parentCode ? (await agencyIds(tx)).get(demo.parentCode) : undefined;
    const inserted = await tx
      .insert(agencies)
      .values({
        code: demo.code,
        nameTh: demo.nameTh,
        nameEn: demo.nameEn,
        type: demo.type,
        peerGroup: demo.type,
        sizeClass: demo.sizeClass,
        ministryCode: demo.ministryCode,
        provinceCode: DEMO_PROVINCE,
        parentId: parentId ?? null,
        website: demoWebsite(demo.code),
        createdAt: now,
        updatedAt: now,
      })
      .onConflictDoNothing({ target: agencies.code })
      .returning({ id: agencies.id });
    created += inserted.length;
  }
  return created;
}

async function agencyIds(tx: DbOrTx): Promise<Map<string, string>> {
  const rows = await tx
    .select({ id: agencies.id, code: agencies.code })
    .from(agencies)
    .where(
      inArray(
        agencies.code,
        DEMO_AGENCIES.map((d) => d.code),
      ),
    );
  return new Map(rows.map((r) => [r.code, r.id]));
}

async function seedUsers(tx: DbOrTx, ids: Map<string, string>): Promise<number> {
  const existing = await tx
    .select({ id: users.id, username: users.username })
    .from(users)
    .where(
      inArray(
        sql`lower(${users.username})`,
        DEMO_USERS.map((u) => u.username),
      ),
    );
  const idOf = new Map(existing.map((u) => [u.username.toLowerCase(), u.id]));
  const missing = DEMO_USERS.filter((u) => !idOf.has(u.username));
  if (missing.length > 0) {
    const passwordHash = await hashPassword(DEMO_PASSWORD); // once: argon2 is slow by design
    const ownAgency = ids.get(DEMO_OWN_AGENCY) ?? null;
    const inserted = await tx
      .insert(users)
      .values(
        missing.map((u) => ({
          username: u.username,
          displayName: u.displayName,
          role: u.role,
          passwordHash,
          agencyId: u.role === 'agency_admin' || u.role === 'executive' ? ownAgency : null,
        })),
      )
      .returning({ id: users.id, username: users.username });
    for (const u of inserted) idOf.set(u.username, u.id);
  }
  await seedScopeAndAssignments(tx, idOf, ids);
  return missing.length;
}

/** Only for demo users created as such: a supervisor or assessor renamed into these usernames keeps theirs. */
async function seedScopeAndAssignments(tx: DbOrTx, idOf: Map<string, string>, ids: Map<string, string>) {
  const supervisorId = idOf.get('supervisor');
  if (supervisorId) {
    const granted = await tx
      .select({ id: supervisorScopes.id })
      .from(supervisorScopes)
      .where(
        and(eq(supervisorScopes.userId, supervisorId), eq(supervisorScopes.provinceCode, DEMO_PROVINCE)),
      );
    if (granted.length === 0)
      await tx.insert(supervisorScopes).values({ userId: supervisorId, provinceCode: DEMO_PROVINCE });
  }
  const assessorId = idOf.get('assessor');
  const assessed = DEMO_AGENCIES.filter((d) => d.assessed).flatMap((d) => ids.get(d.code) ?? []);
  if (assessorId && assessed.length > 0) {
    await tx
      .insert(assessorAssignments)
      .values(assessed.map((agencyId) => ({ userId: assessorId, agencyId, year: DEMO_YEAR })))
      .onConflictDoNothing();
  }
}

/** Rows are only ever added: a registration changed later (or a withdrawn one) stays as people left it. */
async function openDemoCycle(tx: DbOrTx, now: Date) {
  for (const registered of [true, false]) {
    const codes = DEMO_AGENCIES.filter((d) => d.registered === registered).map((d) => d.code);
    await openCycle(tx, DEMO_YEAR, inArray(agencies.code, codes), now, registered);
  }
}

function banner(cycleOpen: boolean): string[] {
  const width = Math.max(...DEMO_USERS.map((u) => u.username.length));
  return [
    `  Demo data (province ${DEMO_PROVINCE}, ${DEMO_AGENCIES.length} invented agencies) — sign in with password ${DEMO_PASSWORD}:`,
    ...DEMO_USERS.map((u) => `    ${u.username.padEnd(width)}  ${u.describe}`),
    cycleOpen
      ? `  Demo FY${DEMO_YEAR} cycle is open (all but one demo agency registered).`
      : `  Demo FY${DEMO_YEAR} cycle not opened: framework ${DEMO_YEAR} is not loaded.`,
  ];
}

/** Start-up task: seeds when config.demo is on; in production it only warns. */
export const demoSeedTask: StartupTask = async (deps, log) => {
  if (!deps.config.demo) return [];
  if (deps.config.production) {
    log.warn('PRONGSAI_DEMO is on in production: demo data is never seeded in production');
    return ['  Demo data: refused in production (NODE_ENV=production); unset PRONGSAI_DEMO.'];
  }
  const result = await seedDemo(deps);
  log.info({ agencies: result.agenciesCreated, users: result.usersCreated }, 'demo data seeded');
  return result.banner;
};
