// FY2567 for the demo province, finished: stakeholder numbers approved, IIT and EIT part-1 responses and
// approved EIT part-2 interviews stored as every answer is (released responses, like seed.collection.ts),
// OIT answered, approved, scored and confirmed; then (after this transaction commits) processed by the
// results module's own processing run and published, with the earlier years' results imported like NACC's
// file (seed.finished.publish.ts). Runs once: a year with any OIT review of a demo agency is left as it is.
import { and, eq, inArray } from 'drizzle-orm';
import type { Framework } from '../../core/framework/schema.ts';
import { reviewStatusOf } from '../../core/oit/states.ts';
import { appliesTo } from '../../core/scoring/answers.ts';
import { answerItems, drawSample, durationBand, newSeed } from '../../core/surveys/index.ts';
import type { DbOrTx } from '../../db/client.ts';
import {
  agencies,
  assessorAssignments,
  eit2Interviews,
  eit2Samples,
  eitContacts,
  oitAnswers,
  oitReviews,
  oitScores,
  stakeholderData,
} from '../../db/schema/index.ts';
import type { AgencyType } from '../../shared/agency-types.ts';
import { openCycleForSeed } from '../agencies/index.ts';
import { appendAudit } from '../audit/index.ts';
import { frameworkForYear, frameworkLoaded } from '../frameworks/index.ts';
import { bangkokDay, insertReleased, type ReleasedRow, shuffled } from '../responses/index.ts';
import { minimumsFor } from '../stakeholders/index.ts';
import { DEMO_AGENCIES, DEMO_OWN_AGENCY } from './demo.data.ts';
import {
  DEMO_DONE_COLLECTION_DAYS,
  DEMO_DONE_DAYS,
  DEMO_DONE_YEAR,
  DEMO_FINISHED,
  type DemoFinished,
} from './demo.finished.data.ts';
import {
  bytesFrom,
  dayAt,
  demoContacts,
  honestDuration,
  honestPositions,
  rng,
  sheetOf,
} from './demo.generate.ts';
import { demoSiteUrl } from './demo.sites.ts';

export interface FinishedContext {
  publicUrl: string;
  now: Date;
  /** Demo user ids by username. */
  userIds: Map<string, string>;
}

interface Agency extends DemoFinished {
  id: string;
  type: AgencyType;
  peerGroup: string | null;
  sizeClass: string | null;
  index: number;
}

interface Year {
  framework: Framework;
  version: number;
  agencies: Agency[];
}

/** Seeds FY2567's stored work; false when its framework is not loaded (nothing to seed against). */
export async function seedFinishedYear(tx: DbOrTx, ctx: FinishedContext): Promise<boolean> {
  if (!(await frameworkLoaded(tx, DEMO_DONE_YEAR))) return false;
  const year = await loadYear(tx);
  if (year.agencies.length === 0) return false;
  for (const registered of [true, false])
    await openCycleForSeed(
      tx,
      DEMO_DONE_YEAR,
      year.agencies.filter((a) => a.registered === registered).map((a) => a.id),
      ctx.now,
      registered,
    );
  const taking = year.agencies.filter((a) => a.registered);
  const started = await tx
    .select({ agencyId: oitReviews.agencyId })
    .from(oitReviews)
    .where(
      and(
        eq(oitReviews.year, DEMO_DONE_YEAR),
        inArray(
          oitReviews.agencyId,
          taking.map((a) => a.id),
        ),
      ),
    )
    .limit(1);
  if (started.length > 0) return true;
  await seedAssignments(tx, year, ctx);
  await seedStakeholders(tx, year, ctx);
  await seedResponses(tx, year);
  await seedInterviews(tx, year, ctx);
  await seedOit(tx, year, ctx);
  return true;
}

async function loadYear(tx: DbOrTx): Promise<Year> {
  const { framework, version } = await frameworkForYear(tx, DEMO_DONE_YEAR);
  const rows = await tx
    .select({
      id: agencies.id,
      code: agencies.code,
      type: agencies.type,
      peerGroup: agencies.peerGroup,
      sizeClass: agencies.sizeClass,
    })
    .from(agencies)
    .where(
      inArray(
        agencies.code,
        DEMO_FINISHED.map((d) => d.code),
      ),
    );
  const byCode = new Map(rows.map((r) => [r.code, r]));
  const list = DEMO_FINISHED.flatMap((plan, i) => {
    const row = byCode.get(plan.code);
    return row ? [{ ...plan, ...row, index: i + 1 }] : [];
  });
  return { framework, version, agencies: list };
}

const minimumsOf = (year: Year, a: Agency) =>
  minimumsFor(year.framework, a, { iitPopulation: a.iitPopulation, eitPopulation: a.eitPopulation });

/** FY2567's assessors were the demo assessors, for the same agencies as in FY2568. */
async function seedAssignments(tx: DbOrTx, year: Year, ctx: FinishedContext) {
  const assessed = new Set(DEMO_AGENCIES.filter((d) => d.assessed).map((d) => d.code));
  const assessorIds = ['assessor', 'assessor2'].flatMap((u) => ctx.userIds.get(u) ?? []);
  const values = year.agencies
    .filter((a) => a.registered && assessed.has(a.code))
    .flatMap((a) => assessorIds.map((userId) => ({ userId, agencyId: a.id, year: DEMO_DONE_YEAR })));
  if (values.length > 0) await tx.insert(assessorAssignments).values(values).onConflictDoNothing();
}

const personOf = (a: Agency, ctx: FinishedContext, username: string) =>
  a.code === DEMO_OWN_AGENCY ? (ctx.userIds.get(username) ?? null) : null;

async function seedStakeholders(tx: DbOrTx, year: Year, ctx: FinishedContext) {
  const at = dayAt(DEMO_DONE_DAYS.stakeholders, 0);
  const taking = year.agencies.filter((x) => x.registered);
  await tx
    .insert(stakeholderData)
    .values(
      taking.map((a) => ({
        agencyId: a.id,
        year: DEMO_DONE_YEAR,
        iitPopulation: a.iitPopulation,
        eitPopulation: a.eitPopulation,
        revision: 1,
        updatedBy: personOf(a, ctx, 'agency-admin'),
        updatedAt: dayAt(DEMO_DONE_DAYS.stakeholders, -3),
        approvedRevision: 1,
        approvedIitPopulation: a.iitPopulation,
        approvedBy: personOf(a, ctx, 'executive'),
        approvedAt: at,
      })),
    )
    .onConflictDoNothing();
  for (const a of taking)
    await audit(tx, a, 'stakeholder_data', `${a.id}:${DEMO_DONE_YEAR}`, 'approve', at, {
      iitPopulation: a.iitPopulation,
      eitPopulation: a.eitPopulation,
      approvedRevision: 1,
    });
}

/** IIT and EIT part-1 web responses, spread over the collection months, released like any answers. */
async function seedResponses(tx: DbOrTx, year: Year) {
  const rows: ReleasedRow[] = [];
  for (const a of year.agencies.filter((x) => x.registered)) {
    const minimums = minimumsOf(year, a);
    const r = rng(`done:responses:${a.code}`);
    const plans = [
      { instrument: 'IIT', count: Math.round((minimums.IIT ?? 0) * a.iitShare), leaning: a.iitLeaning },
      { instrument: 'EIT1', count: Math.round((minimums.EIT1 ?? 0) * a.eit1Share), leaning: a.eitLeaning },
    ];
    for (const p of plans) {
      const items = answerItems(year.framework, p.instrument, a.type);
      for (let i = 0; i < p.count; i++) {
        // Each respondent leans around the agency's level; answers vary around the respondent's.
        const positions = honestPositions(items, r, p.leaning + (r.next() - 0.5) * 16, 30);
        rows.push({
          agencyId: a.id,
          year: DEMO_DONE_YEAR,
          instrument: p.instrument,
          frameworkVersion: year.version,
          answers: sheetOf(items, positions),
          durationBand: durationBand(honestDuration(r, items.length)),
          channel: 'web',
          submittedOn: bangkokDay(
            dayAt(
              DEMO_DONE_DAYS.firstResponse,
              Math.floor(r.next() * r.next() * DEMO_DONE_COLLECTION_DAYS) + r.int(7),
            ),
          ),
        });
      }
    }
  }
  await insertReleased(tx, shuffled(rows));
}

/** A drawn sample the size of the minimum, every interview completed and approved by the second assessor. */
async function seedInterviews(tx: DbOrTx, year: Year, ctx: FinishedContext) {
  const interviewer = ctx.userIds.get('assessor') ?? null;
  const reviewer = ctx.userIds.get('assessor2') ?? null;
  if (!interviewer || !reviewer) return;
  const plans = year.agencies.flatMap((a) => {
    const size = a.registered ? minimumsOf(year, a).EIT2 : null;
    return size ? [{ a, size, reserves: Math.ceil(size / 4), r: rng(`done:eit2:${a.code}`) }] : [];
  });
  if (plans.length === 0) return;
  // One insert per table for all agencies: the seed runs at every first start.
  const created = dayAt(DEMO_DONE_DAYS.stakeholders, 0);
  const contacts = await tx
    .insert(eitContacts)
    .values(
      plans.flatMap(({ a, size, reserves, r }) =>
        demoContacts(a.index, size + reserves, r).map((c) => ({
          agencyId: a.id,
          year: DEMO_DONE_YEAR,
          ...c,
          createdAt: created,
        })),
      ),
    )
    .onConflictDoNothing()
    .returning({ id: eitContacts.id, agencyId: eitContacts.agencyId });
  const drawnAt = dayAt(DEMO_DONE_DAYS.interviews, -2, 9);
  const drawn = plans.flatMap((p) => {
    const own = contacts.filter((c) => c.agencyId === p.a.id).map((c) => ({ id: c.id }));
    if (own.length < p.size) return [];
    const seed = newSeed(bytesFrom(p.r));
    return [{ ...p, seed, sample: drawSample({ contacts: own, size: p.size, reserves: p.reserves, seed }) }];
  });
  if (drawn.length === 0) return;
  const samples = await tx
    .insert(eit2Samples)
    .values(
      drawn.map(({ a, seed, sample }) => ({
        agencyId: a.id,
        year: DEMO_DONE_YEAR,
        seed,
        algorithm: sample.algorithm,
        size: sample.selected.length,
        reserveCount: sample.reserves.length,
        selected: sample.selected,
        reserves: sample.reserves,
        drawnBy: interviewer,
        drawnAt,
      })),
    )
    .returning({ id: eit2Samples.id, agencyId: eit2Samples.agencyId });
  const interviews: (typeof eit2Interviews.$inferInsert)[] = [];
  const released: ReleasedRow[] = [];
  for (const { a, r, seed, sample, size } of drawn) {
    const sampleId = samples.find((x) => x.agencyId === a.id)?.id;
    if (sampleId)
      await audit(tx, a, 'eit2_sample', sampleId, 'draw', drawnAt, {
        year: DEMO_DONE_YEAR,
        seed,
        algorithm: sample.algorithm,
        size,
      });
    const items = answerItems(year.framework, 'EIT2', a.type);
    const own: ReleasedRow[] = [];
    for (const [i, contactId] of sample.selected.entries()) {
      const startedAt = dayAt(DEMO_DONE_DAYS.interviews, Math.floor(i / 5), 9 + (i % 5) * 2);
      const endedAt = new Date(startedAt.getTime() + (12 + r.int(10)) * 60_000);
      const reviewedAt = new Date(endedAt.getTime() + 26 * 3_600_000);
      const positions = honestPositions(items, r, a.eitLeaning + (r.next() - 0.5) * 16, 30);
      own.push({
        agencyId: a.id,
        year: DEMO_DONE_YEAR,
        instrument: 'EIT2',
        frameworkVersion: year.version,
        answers: sheetOf(items, positions),
        durationBand: null,
        channel: 'interview',
        submittedOn: bangkokDay(reviewedAt),
      });
      interviews.push({
        agencyId: a.id,
        year: DEMO_DONE_YEAR,
        contactId,
        interviewerId: interviewer,
        outcome: 'completed',
        startedAt,
        endedAt,
        paradata: { questionDurations: {} },
        pendingAnswers: null,
        status: 'approved',
        reviewedBy: reviewer,
        reviewedAt,
      });
    }
    // One release after the agency's last approval, as the release job would have done it.
    const releaseDay = own
      .map((x) => x.submittedOn)
      .sort()
      .at(-1);
    if (releaseDay) released.push(...own.map((x) => ({ ...x, submittedOn: releaseDay })));
  }
  for (let i = 0; i < interviews.length; i += 500)
    await tx.insert(eit2Interviews).values(interviews.slice(i, i + 500));
  await insertReleased(tx, shuffled(released));
}

/**
 * Every applying item answered "has" with the agency's website, approved by its executive, scored by the
 * assessor (components found; the agency's failed items with what was missing and advice), confirmed.
 */
async function seedOit(tx: DbOrTx, year: Year, ctx: FinishedContext) {
  const assessor = ctx.userIds.get('assessor') ?? null;
  const d = DEMO_DONE_DAYS;
  // One insert per table for every agency (a few hundred rows): the seed runs at every first start.
  const answers: (typeof oitAnswers.$inferInsert)[] = [];
  const scores: (typeof oitScores.$inferInsert)[] = [];
  const reviews: (typeof oitReviews.$inferInsert)[] = [];
  const taking = year.agencies.filter((x) => x.registered);
  for (const a of taking) {
    const failed = new Set(a.oitFailed);
    const admin = personOf(a, ctx, 'agency-admin');
    const executive = personOf(a, ctx, 'executive');
    const items = year.framework.oitItems.filter((i) => appliesTo(i, a.type));
    for (const item of items) {
      answers.push({
        agencyId: a.id,
        year: DEMO_DONE_YEAR,
        itemCode: item.code,
        state: 'confirmed',
        has: true,
        urls: [demoSiteUrl(ctx.publicUrl, a.code)],
        explanation: `หน้าแรก > การเปิดเผยข้อมูลสาธารณะ > ${item.title.th}`,
        updatedBy: admin,
        updatedAt: dayAt(d.oitSaved, 0),
        submittedBy: admin,
        approvedAt: dayAt(d.oitApproved, 0, 14),
        approvedBy: executive,
      });
      const pass = !failed.has(item.code);
      // A failed item had some of its components, not all (all are required for 100).
      const all = item.components.map((_, i) => i);
      const missing = item.components.at(-1)?.th;
      scores.push({
        agencyId: a.id,
        year: DEMO_DONE_YEAR,
        itemCode: item.code,
        score: pass ? 100 : 0,
        componentsFound: pass ? all : all.slice(0, -1),
        comment: pass ? null : `ข้อมูลไม่ครบองค์ประกอบ${missing ? `: ไม่พบ "${missing}"` : ''}`,
        advice: pass
          ? null
          : `เผยแพร่${item.title.th}ให้ครบทุกองค์ประกอบ${missing ? ` โดยเฉพาะ "${missing}"` : ''} และระบุปี พ.ศ. ให้ชัดเจน`,
        assessorId: assessor,
        updatedAt: dayAt(d.oitScored, 0, 11),
      });
    }
    reviews.push({
      agencyId: a.id,
      year: DEMO_DONE_YEAR,
      status: reviewStatusOf(items.map(() => 'confirmed' as const)),
      submittedAt: dayAt(d.oitSubmitted, 0, 9),
      submittedBy: admin,
      approvedAt: dayAt(d.oitApproved, 0, 14),
      approvedBy: executive,
      assessedAt: dayAt(d.oitAssessed, 0, 16),
      assessedBy: assessor,
      confirmedAt: dayAt(d.oitConfirmed, 0, 16),
      confirmedBy: assessor,
      updatedAt: dayAt(d.oitConfirmed, 0, 16),
    });
  }
  if (answers.length > 0) await tx.insert(oitAnswers).values(answers);
  if (scores.length > 0) await tx.insert(oitScores).values(scores);
  if (reviews.length > 0) await tx.insert(oitReviews).values(reviews);
  for (const a of taking)
    await audit(tx, a, 'oit_review', `${a.id}:${DEMO_DONE_YEAR}`, 'confirm', dayAt(d.oitConfirmed, 0, 16), {
      status: 'confirmed',
      failed: [...a.oitFailed],
    });
}

/** What each step would have left in the audit log, marked as demo data (one entry per agency and step). */
const audit = (
  tx: DbOrTx,
  a: Agency,
  entityType: 'stakeholder_data' | 'eit2_sample' | 'oit_review',
  entityId: string,
  action: string,
  at: Date,
  after: Record<string, unknown>,
) =>
  appendAudit(
    tx,
    { actor: null, agencyId: a.id, entityType, entityId, action, after: { ...after, demo: true } },
    at,
  );
