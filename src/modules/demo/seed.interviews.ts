// EIT part 2 for the demo assessor's agencies: a seeded, recorded sample and interviews in every state —
// approved (their answers recorded as responses), entered and awaiting the second assessor, rejected with a
// reason, and refused/unreachable calls that released reserves. The interviewer is `assessor`; the reviewer
// is `assessor2`, so the four-eyes rule can be tried on the pending ones.
import { and, eq, inArray } from 'drizzle-orm';
import { answerItems, drawSample, newSeed } from '../../core/surveys/index.ts';
import type { DbOrTx } from '../../db/client.ts';
import { eit2Interviews, eit2Samples, eitContacts } from '../../db/schema/index.ts';
import { appendAudit } from '../audit/index.ts';
import { bangkokDay, insertReleased, type ReleasedRow, shuffled } from '../responses/index.ts';
import { DEMO_AGENCIES, DEMO_YEAR } from './demo.data.ts';
import { bytesFrom, dayAt, honestPositions, type Rng, rng, sheetOf } from './demo.generate.ts';
import {
  type CollectionContext,
  type CollectionSetup,
  type DemoAgencyRow,
  minimumsOf,
} from './seed.setup.ts';

type Outcome = 'completed' | 'refused' | 'unreachable';
type Status = 'entered' | 'approved' | 'rejected';
interface Planned {
  contactId: string;
  outcome: Outcome;
  status: Status;
  reason?: string;
}

export const DEMO_REJECTION_REASON =
  'ผู้ให้สัมภาษณ์ไม่ได้เป็นผู้รับบริการของหน่วยงานในปีนี้ (The person was not a service user this year)';
const FIRST_INTERVIEW_DAY = '2025-02-03';

export async function seedInterviews(tx: DbOrTx, setup: CollectionSetup, ctx: CollectionContext) {
  const interviewer = ctx.userIds.get('assessor');
  const reviewer = ctx.userIds.get('assessor2');
  if (!interviewer || !reviewer) return;
  const assessed = new Set(DEMO_AGENCIES.filter((d) => d.assessed).map((d) => d.code));
  const candidates = setup.agencies.filter((a) => assessed.has(a.code));
  if (candidates.length === 0) return;
  const drawn = await tx
    .select({ agencyId: eit2Samples.agencyId })
    .from(eit2Samples)
    .where(
      and(
        eq(eit2Samples.year, DEMO_YEAR),
        inArray(
          eit2Samples.agencyId,
          candidates.map((a) => a.id),
        ),
      ),
    );
  const done = new Set(drawn.map((d) => d.agencyId));
  for (const a of candidates) {
    if (!done.has(a.id)) await seedAgency(tx, setup, a, { interviewer, reviewer });
  }
}

async function seedAgency(
  tx: DbOrTx,
  setup: CollectionSetup,
  a: DemoAgencyRow,
  people: { interviewer: string; reviewer: string },
) {
  const size = minimumsOf(setup, a).EIT2;
  const contacts = await tx
    .select({ id: eitContacts.id })
    .from(eitContacts)
    .where(and(eq(eitContacts.agencyId, a.id), eq(eitContacts.year, DEMO_YEAR)));
  if (!size || contacts.length < size) return;
  const r = rng(`eit2:${a.code}`);
  const seed = newSeed(bytesFrom(r));
  const sample = drawSample({ contacts, size, reserves: Math.min(size, contacts.length - size), seed });
  const drawnAt = dayAt(FIRST_INTERVIEW_DAY, -2, 9);
  const [row] = await tx
    .insert(eit2Samples)
    .values({
      agencyId: a.id,
      year: DEMO_YEAR,
      seed,
      algorithm: sample.algorithm,
      size: sample.selected.length,
      reserveCount: sample.reserves.length,
      selected: sample.selected,
      reserves: sample.reserves,
      drawnBy: people.interviewer,
      drawnAt,
    })
    .onConflictDoNothing()
    .returning({ id: eit2Samples.id });
  if (!row) return;
  await appendAudit(
    tx,
    {
      actor: null,
      agencyId: a.id,
      entityType: 'eit2_sample',
      entityId: row.id,
      action: 'draw',
      after: { year: DEMO_YEAR, seed, algorithm: sample.algorithm, size, demo: true },
    },
    drawnAt,
  );

  const items = answerItems(setup.framework, 'EIT2', a.type);
  // Roughly a third of the sample done so far; two failed calls release the first two reserves, one of
  // which has already been interviewed.
  const approvedCount = Math.max(2, Math.round(size / 3));
  const [s, reserve0] = [sample.selected, sample.reserves[0]];
  const one = (
    contactId: string | undefined,
    outcome: Outcome,
    status: Status,
    reason?: string,
  ): Planned[] => (contactId ? [{ contactId, outcome, status, ...(reason ? { reason } : {}) }] : []);
  const planned: Planned[] = [
    ...s.slice(0, approvedCount).flatMap((id) => one(id, 'completed', 'approved')),
    ...s.slice(approvedCount, approvedCount + 2).flatMap((id) => one(id, 'completed', 'entered')),
    ...one(s[approvedCount + 2], 'completed', 'rejected', DEMO_REJECTION_REASON),
    ...one(s[approvedCount + 3], 'refused', 'approved'),
    ...one(s[approvedCount + 4], 'unreachable', 'entered'),
    ...one(reserve0, 'completed', 'approved'),
  ];

  const released: ReleasedRow[] = [];
  for (const [i, p] of planned.entries()) {
    const startedAt = dayAt(FIRST_INTERVIEW_DAY, Math.floor(i / 4), 9 + (i % 4) * 2);
    const completed = p.outcome === 'completed';
    const questionDurations = completed
      ? durations(
          items.map((it) => it.questionCode),
          r,
        )
      : {};
    const minutes = completed ? Math.max(6, Math.round(sum(Object.values(questionDurations)) / 60) + 3) : 2;
    const endedAt = new Date(startedAt.getTime() + minutes * 60_000);
    const reviewedAt = p.status === 'entered' ? null : new Date(endedAt.getTime() + 26 * 3_600_000);
    const answers = completed ? sheetOf(items, honestPositions(items, r)) : null;
    await tx.insert(eit2Interviews).values({
      agencyId: a.id,
      year: DEMO_YEAR,
      contactId: p.contactId,
      interviewerId: people.interviewer,
      outcome: p.outcome,
      startedAt,
      endedAt,
      paradata: { questionDurations },
      pendingAnswers: p.status === 'entered' && completed ? answers : null,
      status: p.status,
      reviewedBy: reviewedAt ? people.reviewer : null,
      reviewedAt,
      reviewReason: p.reason ?? null,
    });
    // An approved interview's answers become a released response: no link back, no duration (the reviewer
    // judged it), the day of the release that followed the approvals.
    if (p.status === 'approved' && answers && reviewedAt)
      released.push({
        agencyId: a.id,
        year: DEMO_YEAR,
        instrument: 'EIT2',
        frameworkVersion: setup.version,
        answers,
        durationBand: null,
        channel: 'interview',
        submittedOn: bangkokDay(reviewedAt),
      });
  }
  // One release after the last approval: one day for all, in shuffled order.
  const releaseDay = released
    .map((x) => x.submittedOn)
    .sort()
    .at(-1);
  if (releaseDay)
    await insertReleased(tx, shuffled(released.map((x) => ({ ...x, submittedOn: releaseDay }))));
}

const sum = (xs: number[]) => xs.reduce((x, y) => x + y, 0);

function durations(questionCodes: string[], r: Rng): Record<string, number> {
  const out: Record<string, number> = {};
  for (const code of questionCodes) out[code] = (out[code] ?? 0) + 15 + r.int(50);
  return out;
}
