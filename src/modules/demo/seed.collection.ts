// FY2568 collection in progress for the demo province: stakeholder data and contact lists, IIT access,
// collection windows kept open, web responses at varied progress (one agency with quality problems) and
// EIT part-2 samples with interviews in every state. Each part checks whether it already ran (per agency),
// so running it at every start changes nothing; everything random comes from seeded generators.
import { and, eq, inArray, lt } from 'drizzle-orm';
import { keyedHash } from '../../app/secrets.ts';
import { bangkokToday } from '../../core/calendar.ts';
import { answerItems, durationBand } from '../../core/surveys/index.ts';
import type { DbOrTx } from '../../db/client.ts';
import {
  eitContacts,
  stageExtensions,
  stakeholderData,
  surveyAccess,
  surveyResponses,
  surveyTokenBatches,
  surveyTokens,
} from '../../db/schema/index.ts';
import { UNAMBIGUOUS_ALPHABET } from '../iit-access/index.ts';
import { bangkokDay, insertReleased, type ReleasedRow, shuffled } from '../responses/index.ts';
import {
  DEMO_BURST_DAY,
  DEMO_COLLECTION_DAYS,
  DEMO_COLLECTION_STAGES,
  DEMO_EXTENSION_DAYS,
  DEMO_EXTENSION_REASON,
  DEMO_FIRST_DAY,
  DEMO_FLAGGED_AGENCY,
  DEMO_IIT_AGENCY,
  DEMO_IIT_CODE,
  DEMO_TOKEN_COUNT,
  DEMO_TOKENS_AGENCY,
} from './demo.collection.data.ts';
import { DEMO_YEAR } from './demo.data.ts';
import {
  dayAt,
  demoContacts,
  honestDuration,
  honestPositions,
  type Rng,
  rng,
  sheetOf,
  speederDuration,
  straightPositions,
  uuidFrom,
} from './demo.generate.ts';
import { DEMO_MEASURES_STAGE, DEMO_OIT_STAGES } from './demo.oit.data.ts';
import { seedInterviews } from './seed.interviews.ts';
import { seedOit } from './seed.oit.ts';
import {
  type CollectionContext,
  type CollectionSetup,
  type DemoAgencyRow,
  loadSetup,
  minimumsOf,
} from './seed.setup.ts';

export async function seedCollection(tx: DbOrTx, ctx: CollectionContext): Promise<void> {
  const setup = await loadSetup(tx);
  if (setup.agencies.length === 0) return;
  await seedStakeholders(tx, setup, ctx);
  await seedContacts(tx, setup);
  await seedAccess(tx, setup, ctx);
  await seedExtensions(tx, setup, ctx);
  await seedWebResponses(tx, setup);
  await seedInterviews(tx, setup, ctx);
  await seedOit(tx, setup, { publicUrl: ctx.config.publicUrl, userIds: ctx.userIds });
}

/** Approved by the PAO's executive (the only demo executive); one agency changed its numbers since. */
async function seedStakeholders(tx: DbOrTx, setup: CollectionSetup, ctx: CollectionContext) {
  const executive = ctx.userIds.get('executive') ?? null;
  const agencyAdmin = ctx.userIds.get('agency-admin') ?? null;
  const approvedAt = dayAt(DEMO_FIRST_DAY, -5);
  await tx
    .insert(stakeholderData)
    .values(
      setup.agencies.map((a) => {
        const own = a.code === DEMO_IIT_AGENCY;
        return {
          agencyId: a.id,
          year: DEMO_YEAR,
          iitPopulation: a.iitPopulation,
          eitPopulation: a.eitPopulation,
          revision: a.approval === 'changed' ? 2 : 1,
          updatedBy: own ? agencyAdmin : null,
          updatedAt: a.approval === 'changed' ? dayAt(DEMO_FIRST_DAY, 10) : dayAt(DEMO_FIRST_DAY, -8),
          approvedRevision: a.approval === 'none' ? null : 1,
          approvedIitPopulation: a.approval === 'none' ? null : a.iitPopulation,
          approvedBy: a.approval !== 'none' && own ? executive : null,
          approvedAt: a.approval === 'none' ? null : approvedAt,
        };
      }),
    )
    .onConflictDoNothing();
}

async function seedContacts(tx: DbOrTx, setup: CollectionSetup) {
  const ids = setup.agencies.map((a) => a.id);
  const have = await tx
    .selectDistinct({ agencyId: eitContacts.agencyId })
    .from(eitContacts)
    .where(and(eq(eitContacts.year, DEMO_YEAR), inArray(eitContacts.agencyId, ids)));
  const done = new Set(have.map((h) => h.agencyId));
  const values = setup.agencies
    .filter((a) => !done.has(a.id))
    .flatMap((a) =>
      demoContacts(a.index, a.contacts, rng(`contacts:${a.code}`)).map((c) => ({
        agencyId: a.id,
        year: DEMO_YEAR,
        ...c,
        createdAt: dayAt(DEMO_FIRST_DAY, -6),
      })),
    );
  if (values.length > 0) await tx.insert(eitContacts).values(values).onConflictDoNothing();
}

const codeFrom = (r: Rng, length: number) =>
  Array.from({ length }, () => r.pick([...UNAMBIGUOUS_ALPHABET])).join('');

/** An access code per agency (the PAO's fixed and printed); single-use tokens required at one agency. */
async function seedAccess(tx: DbOrTx, setup: CollectionSetup, ctx: CollectionContext) {
  const inserted = await tx
    .insert(surveyAccess)
    .values(
      setup.agencies.map((a) => ({
        agencyId: a.id,
        year: DEMO_YEAR,
        accessCode: a.code === DEMO_IIT_AGENCY ? DEMO_IIT_CODE : codeFrom(rng(`access:${a.code}`), 8),
        codeRotatedAt: dayAt(DEMO_FIRST_DAY, -3),
        tokensRequired: a.code === DEMO_TOKENS_AGENCY,
      })),
    )
    .onConflictDoNothing()
    .returning({ agencyId: surveyAccess.agencyId });
  const tokensAgency = setup.agencies.find((a) => a.code === DEMO_TOKENS_AGENCY);
  if (!tokensAgency || !inserted.some((i) => i.agencyId === tokensAgency.id)) return;
  const r = rng(`tokens:${tokensAgency.code}`);
  const batchId = uuidFrom(r);
  const hashes = new Set(
    Array.from({ length: DEMO_TOKEN_COUNT }, () => keyedHash(ctx.config, 'survey-token', codeFrom(r, 10))),
  );
  await tx
    .insert(surveyTokenBatches)
    .values({
      id: batchId,
      agencyId: tokensAgency.id,
      year: DEMO_YEAR,
      createdAt: ctx.now,
      createdBy: ctx.userIds.get('admin') ?? null,
    })
    .onConflictDoNothing();
  await tx
    .insert(surveyTokens)
    .values(
      [...hashes].map((tokenHash) => ({ tokenHash, agencyId: tokensAgency.id, year: DEMO_YEAR, batchId })),
    )
    .onConflictDoNothing();
}

/**
 * FY2568's windows (collection, OIT, measures) closed long ago; the demo keeps them open with extensions, moved forward at start-up
 * when they near their end (only the demo's own extensions, recognised by their reason).
 */
async function seedExtensions(tx: DbOrTx, setup: CollectionSetup, ctx: CollectionContext) {
  const endsOn = bangkokToday(new Date(ctx.now.getTime() + DEMO_EXTENSION_DAYS * 86_400_000));
  const soon = bangkokToday(new Date(ctx.now.getTime() + 30 * 86_400_000));
  const grantedBy = ctx.userIds.get('admin') ?? null;
  const stageEnds = new Map(setup.framework.calendar.map((s) => [s.code, s.end]));
  // The measures stage too: the demo's FY2568 measures (drawn up from the published FY2567) stay editable.
  const stages = [...DEMO_COLLECTION_STAGES, ...DEMO_OIT_STAGES, DEMO_MEASURES_STAGE].filter(
    (s) => (stageEnds.get(s) ?? endsOn) < endsOn,
  );
  if (stages.length === 0) return;
  await tx
    .insert(stageExtensions)
    .values(
      setup.agencies.flatMap((a) =>
        stages.map((stage) => ({
          agencyId: a.id,
          year: DEMO_YEAR,
          stage,
          endsOn,
          reason: DEMO_EXTENSION_REASON,
          grantedBy,
          grantedAt: ctx.now,
        })),
      ),
    )
    .onConflictDoNothing();
  await tx
    .update(stageExtensions)
    .set({ endsOn })
    .where(
      and(
        eq(stageExtensions.reason, DEMO_EXTENSION_REASON),
        eq(stageExtensions.year, DEMO_YEAR),
        lt(stageExtensions.endsOn, soon),
      ),
    );
}

interface PlannedResponse {
  instrument: string;
  positions: number[];
  durationSeconds: number;
  day: Date;
}

/** IIT and EIT part-1 responses for agencies that have no web response yet. */
async function seedWebResponses(tx: DbOrTx, setup: CollectionSetup) {
  const ids = setup.agencies.map((a) => a.id);
  const have = await tx
    .selectDistinct({ agencyId: surveyResponses.agencyId })
    .from(surveyResponses)
    .where(
      and(
        eq(surveyResponses.year, DEMO_YEAR),
        eq(surveyResponses.channel, 'web'),
        inArray(surveyResponses.agencyId, ids),
      ),
    );
  const done = new Set(have.map((h) => h.agencyId));
  const rows: ReleasedRow[] = [];
  for (const a of setup.agencies) {
    if (done.has(a.id)) continue;
    const minimums = minimumsOf(setup, a);
    const r = rng(`responses:${a.code}`);
    const planned = [
      ...plan(setup, a, 'IIT', Math.round((minimums.IIT ?? 0) * a.iitProgress), r),
      ...plan(setup, a, 'EIT1', Math.round((minimums.EIT1 ?? 0) * a.eit1Progress), r),
    ];
    const itemsOf = new Map(
      ['IIT', 'EIT1'].map((i) => [i, answerItems(setup.framework, i, a.type)] as const),
    );
    for (const p of planned)
      rows.push({
        agencyId: a.id,
        year: DEMO_YEAR,
        instrument: p.instrument,
        frameworkVersion: setup.version,
        answers: sheetOf(itemsOf.get(p.instrument) ?? [], p.positions),
        durationBand: durationBand(p.durationSeconds),
        channel: 'web',
        submittedOn: bangkokDay(p.day),
      });
  }
  // The demo's history as released answers: shuffled, like every release.
  await insertReleased(tx, shuffled(rows));
}

function plan(
  setup: CollectionSetup,
  a: DemoAgencyRow,
  instrument: string,
  count: number,
  r: Rng,
): PlannedResponse[] {
  const items = answerItems(setup.framework, instrument, a.type);
  const honest = (): PlannedResponse => ({
    instrument,
    positions: honestPositions(items, r),
    durationSeconds: honestDuration(r, items.length),
    // Busier early on, as reminders go out; weekends included (people answer from home).
    day: dayAt(
      DEMO_FIRST_DAY,
      Math.floor(r.next() * r.next() * DEMO_COLLECTION_DAYS) + r.int(5),
      8 + r.int(10),
    ),
  });
  if (a.code !== DEMO_FLAGGED_AGENCY || instrument !== 'IIT') return Array.from({ length: count }, honest);
  // The flagged agency: on one day, a burst of identical sheets, several speeders and straight-liners.
  const burstDay = dayAt(DEMO_BURST_DAY, 0, 14);
  const identical = honestPositions(items, r);
  const identicalCount = Math.round(count * 0.4);
  const speeders = 6;
  const straight = 5;
  const rest = Math.max(0, count - identicalCount - speeders - straight);
  return [
    ...Array.from({ length: identicalCount }, () => ({
      instrument,
      positions: identical,
      durationSeconds: 90 + r.int(60),
      day: burstDay,
    })),
    ...Array.from({ length: speeders }, () => ({
      instrument,
      positions: honestPositions(items, r),
      durationSeconds: speederDuration(r),
      day: burstDay,
    })),
    ...Array.from({ length: straight }, (_, i) => ({
      instrument,
      positions: straightPositions(items, i % 2 === 0 ? 3 : 0),
      durationSeconds: honestDuration(r, items.length),
      day: burstDay,
    })),
    ...Array.from({ length: rest }, honest),
  ];
}
