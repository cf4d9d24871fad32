// Demo data for trying Prongsai: one province of invented agencies, five logins, the FY2568 cycle in
// collection and FY2567 finished (processed and published, with FY2563–FY2566 imported). Idempotent (runs at every start when config.demo is on): it only adds what is missing and never
// overwrites what people changed. Never in production.
import { and, count, eq, inArray, sql } from 'drizzle-orm';
import type { AppDeps } from '../../app/context.ts';
import { bangkokToday } from '../../core/calendar.ts';
import { DomainError } from '../../core/errors.ts';
import type { DbOrTx } from '../../db/client.ts';
import { agencies, assessorAssignments, supervisorScopes, users } from '../../db/schema/index.ts';
import { codeDigest, fingerprintOf } from '../../ops/startup-marks.ts';
import { openCycleForSeed } from '../agencies/index.ts';
import { hashPassword } from '../auth/index.ts';
import { frameworkLoaded } from '../frameworks/index.ts';
import { respondentLink } from '../iit-access/index.ts';
import { loadReferenceData } from '../reference/index.ts';
import type { SkippableStartupTask, StartupTask } from '../startup.ts';
import {
  DEMO_FLAGGED_AGENCY,
  DEMO_IIT_AGENCY,
  DEMO_IIT_CODE,
  DEMO_SILENT_AGENCY,
} from './demo.collection.data.ts';
import {
  DEMO_AGENCIES,
  DEMO_OWN_AGENCY,
  DEMO_PASSWORD,
  DEMO_PROVINCE,
  DEMO_USERS,
  DEMO_YEAR,
} from './demo.data.ts';
import { DEMO_DONE_YEAR } from './demo.finished.data.ts';
import { demoSiteUrl } from './demo.sites.ts';
import { seedCollection } from './seed.collection.ts';
import { type FinishedOutcome, publishedDemoRun, publishFinishedYear } from './seed.finished.publish.ts';
import { seedFinishedYear } from './seed.finished.ts';
import { seedDemoMeasures } from './seed.measures.ts';
import { seedDemoPlan } from './seed.plan.ts';

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
  /** The finished year's published run (null when its framework is not loaded). */
  finished: FinishedOutcome | null;
  banner: string[];
}

type Deps = Pick<AppDeps, 'db' | 'now' | 'config'>;

export async function seedDemo(deps: Deps): Promise<SeedResult> {
  if (deps.config.production) throw demoRefusedInProduction();
  await loadReferenceData(deps.db);
  const now = deps.now();
  const result = await deps.db.transaction(async (tx) => {
    const agenciesCreated = await seedAgencies(tx, now, deps.config.publicUrl);
    const ids = await agencyIds(tx);
    const usersBefore = await tx.$count(users);
    const userIds = await seedUsers(tx, ids);
    const usersCreated = (await tx.$count(users)) - usersBefore;
    await seedProposedExecutive(tx, ids);
    const cycleOpen = await frameworkLoaded(tx, DEMO_YEAR);
    if (cycleOpen) {
      await openDemoCycle(tx, now, ids);
      await seedCollection(tx, { config: deps.config, now, userIds });
    }
    const finishedSeeded = await seedFinishedYear(tx, { publicUrl: deps.config.publicUrl, now, userIds });
    return {
      agenciesCreated,
      usersCreated,
      cycleOpen,
      finishedSeeded,
      userIds,
      iitAgencyId: ids.get(DEMO_IIT_AGENCY),
    };
  });
  // Processing and publishing run their own transactions, over the committed data; so does the plan's save.
  const finished = result.finishedSeeded ? await publishFinishedYear(deps, result.userIds) : null;
  // The plan takes its dates from the year's framework calendar: only once that framework is loaded.
  if (result.cycleOpen) await seedDemoPlan(deps, result.userIds.get('supervisor'));
  // The FY2568 measures in progress, drawn up from the published FY2567 (once; after the publication).
  if (finished?.runId) await seedDemoMeasures(deps, result.userIds);
  return {
    agenciesCreated: result.agenciesCreated,
    usersCreated: result.usersCreated,
    cycleOpen: result.cycleOpen,
    finished,
    banner: banner(result.cycleOpen, finished, deps.config.publicUrl, result.iitAgencyId),
  };
}

async function seedAgencies(tx: DbOrTx, now: Date, publicUrl: string): Promise<number> {
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
        website: demoSiteUrl(publicUrl, demo.code),
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

async function seedUsers(tx: DbOrTx, ids: Map<string, string>): Promise<Map<string, string>> {
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
          agencyId: AGENCY_ROLES.includes(u.role) ? ownAgency : null,
        })),
      )
      .returning({ id: users.id, username: users.username });
    for (const u of inserted) idOf.set(u.username, u.id);
  }
  await seedScopeAndAssignments(tx, idOf, ids);
  return idOf;
}

/**
 * An executive the demo agency admin proposed, waiting for the supervisor (or NACC) to confirm it: shows the
 * confirmation screen with something on it. Not a login: it cannot sign in until confirmed, and confirming
 * mails a set-password link (to the log, in the demo).
 */
async function seedProposedExecutive(tx: DbOrTx, ids: Map<string, string>): Promise<void> {
  const agencyId = ids.get(DEMO_OWN_AGENCY);
  if (!agencyId) return;
  await tx
    .insert(users)
    .values({
      username: 'executive-proposed',
      displayName: 'รองผู้บริหาร (เสนอรอยืนยัน)',
      email: 'executive-proposed@demo.prongsai.invalid',
      role: 'executive',
      agencyId,
      awaitingConfirmation: true,
      // Never a valid hash: whatever password the proposer chose is discarded on confirmation anyway.
      passwordHash: '!proposed',
    })
    .onConflictDoNothing();
}

const AGENCY_ROLES: readonly string[] = ['agency_admin', 'executive', 'agency_staff'];

/** Only for demo users created as such: a supervisor or assessor renamed into these usernames keeps theirs. */
const DEMO_ASSESSORS = ['assessor', 'assessor2'];

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
  const assessorIds = DEMO_ASSESSORS.flatMap((u) => idOf.get(u) ?? []);
  const assessed = DEMO_AGENCIES.filter((d) => d.assessed).flatMap((d) => ids.get(d.code) ?? []);
  if (assessorIds.length > 0 && assessed.length > 0) {
    await tx
      .insert(assessorAssignments)
      .values(
        assessorIds.flatMap((userId) => assessed.map((agencyId) => ({ userId, agencyId, year: DEMO_YEAR }))),
      )
      .onConflictDoNothing();
  }
}

/** Rows are only ever added: a registration changed later (or a withdrawn one) stays as people left it. */
async function openDemoCycle(tx: DbOrTx, now: Date, ids: Map<string, string>) {
  for (const registered of [true, false]) {
    const agencyIds = DEMO_AGENCIES.filter((d) => d.registered === registered).flatMap((d) => {
      const id = ids.get(d.code);
      return id ? [id] : [];
    });
    await openCycleForSeed(tx, DEMO_YEAR, agencyIds, now, registered);
  }
}

function banner(
  cycleOpen: boolean,
  finished: FinishedOutcome | null,
  publicUrl: string,
  iitAgencyId: string | undefined,
): string[] {
  const width = Math.max(...DEMO_USERS.map((u) => u.username.length));
  const name = (code: string) => DEMO_AGENCIES.find((d) => d.code === code)?.nameEn ?? code;
  return [
    `  Demo data (province ${DEMO_PROVINCE}, ${DEMO_AGENCIES.length} invented agencies) — sign in with password ${DEMO_PASSWORD}:`,
    ...DEMO_USERS.map((u) => `    ${u.username.padEnd(width)}  ${u.describe}`),
    cycleOpen
      ? `  Demo FY${DEMO_YEAR} cycle is open (all but one demo agency registered).`
      : `  Demo FY${DEMO_YEAR} cycle not opened: framework ${DEMO_YEAR} is not loaded.`,
    ...(cycleOpen
      ? [
          '  Collection in progress: responses on several days, most agencies above their IIT/EIT minimums,',
          `    some below (e.g. ${name('DEMO47-04')}), ${name(DEMO_SILENT_AGENCY)} with almost none; EIT part-2 interviews in every state.`,
          `  Quality flags: ${name(DEMO_FLAGGED_AGENCY)} (a burst of identical answers, speeders, straight-liners).`,
          ...(iitAgencyId
            ? [
                `  Try the IIT as a staff member: ${respondentLink(publicUrl, iitAgencyId)}  access code ${DEMO_IIT_CODE}`,
              ]
            : []),
        ]
      : []),
    finished?.runId
      ? `  FY${DEMO_DONE_YEAR} is finished: processed and published (every agency's results report), with FY2563–FY2566 imported.`
      : `  FY${DEMO_DONE_YEAR} not seeded: framework ${DEMO_DONE_YEAR} is not loaded.`,
  ];
}

/** Start-up: seeds when config.demo is on; in production it only warns. */
const seedAtStart: StartupTask = async (deps, log) => {
  if (!deps.config.demo) return [];
  if (deps.config.production) {
    log.warn('PRONGSAI_DEMO is on in production: demo data is never seeded in production');
    return ['  Demo data: refused in production (NODE_ENV=production); unset PRONGSAI_DEMO.'];
  }
  const started = Date.now();
  const result = await seedDemo(deps);
  log.info(
    {
      agencies: result.agenciesCreated,
      users: result.usersCreated,
      finishedYearPublished: result.finished?.publishedNow ?? false,
      ms: Date.now() - started,
    },
    'demo data seeded',
  );
  return result.banner;
};

/**
 * The demo seed at start, skipped when nothing it depends on changed since it last completed: the demo's code
 * and data (this folder), the configuration it reads, the tasks before it (frameworks, reference data), the
 * migrations — and the day, because it moves its stage extensions forward as their end nears. Skipped only
 * while its agencies, its users and (once FY2567's framework is loaded) the published FY2567 are there; rows
 * deleted deeper than that come back with `prongsai seed`, or with the next day's first start.
 */
export const demoSeedTask: SkippableStartupTask = {
  name: 'demo-data',
  fingerprint: (deps) =>
    fingerprintOf([
      codeDigest(new URL('.', import.meta.url)),
      JSON.stringify([deps.config.demo, deps.config.production, deps.config.publicUrl]),
      bangkokToday(deps.now()),
    ]),
  run: seedAtStart,
  unchanged: async (deps) => {
    // Off, or refused in production: nothing to skip (and the warning must show at every start).
    if (!deps.config.demo || deps.config.production) return null;
    const ids = await agencyIds(deps.db);
    const [seededUsers] = await deps.db
      .select({ n: count() })
      .from(users)
      .where(
        inArray(
          sql`lower(${users.username})`,
          DEMO_USERS.map((u) => u.username),
        ),
      );
    if (ids.size !== DEMO_AGENCIES.length || seededUsers?.n !== DEMO_USERS.length) return null;
    const cycleOpen = await frameworkLoaded(deps.db, DEMO_YEAR);
    const runId = await publishedDemoRun(deps.db);
    if (!runId && (await frameworkLoaded(deps.db, DEMO_DONE_YEAR))) return null;
    const finished = runId ? { runId, publishedNow: false, pastResultsImported: 0 } : null;
    return banner(cycleOpen, finished, deps.config.publicUrl, ids.get(DEMO_IIT_AGENCY));
  },
};
