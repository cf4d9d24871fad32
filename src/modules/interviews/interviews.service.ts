// Interviews of EIT part 2: the interviewer enters a call's outcome (and, when completed, the answers);
// a second assigned assessor approves or rejects it. Only approval turns answers into a counted response:
// holdResponse, in the same transaction that clears them from the interview; the release moves them into
// `survey_responses` later, shuffled with other interviews' answers, without duration or time.
import type { AppDeps } from '../../app/context.ts';
import { type Actor, authorize, can, type Eit2Ref } from '../../core/authz.ts';
import { buildQuestionnaire, type Questionnaire, validateAnswers } from '../../core/surveys/index.ts';
import type { DbOrTx } from '../../db/client.ts';
import { type AgencyTarget, authorizedAgency } from '../agencies/index.ts';
import { appendAudit } from '../audit/index.ts';
import { collectionWindow } from '../calendar/index.ts';
import { frameworkForYear } from '../frameworks/index.ts';
import { holdResponse, wakeRelease } from '../responses/index.ts';
import { assessorIdsFor, type UserName, userNamesByIds } from '../users/index.ts';
import {
  alreadyReviewed,
  answersNotAllowed,
  answersOutdated,
  answersRequired,
  contactAlreadyHasOutcome,
  contactNotUsable,
  eitCollectionClosed,
  fourEyes,
  interviewNotFound,
  invalidAnswers,
  invalidTimes,
  sampleNotDrawn,
} from './interviews.errors.ts';
import { presentInterview } from './interviews.present.ts';
import {
  type InterviewDetailRow,
  type InterviewRow,
  insertInterview,
  interviewById,
  interviewDetails,
  interviewOutcomes,
  type PersonRow,
  sampleOf,
  updateInterview,
} from './interviews.repo.ts';
import type { EnterInterviewBody, Interview, InterviewStatus } from './interviews.schema.ts';
import { sampleStanding } from './sample.status.ts';

type Deps = Pick<AppDeps, 'db' | 'now' | 'config'>;

/**
 * Who may work on an agency's EIT part 2 in a year: the agency and that year's assigned assessors, which
 * the rules 'eit2.collect' and 'eit2.review' decide on. Authorizes 'eit2.collect'; keeps the reference.
 */
const mayCollect =
  (db: DbOrTx, year: number) =>
  async ({ actor, agency, ref }: AgencyTarget): Promise<Eit2Ref> => {
    const eit2: Eit2Ref = { agency: ref, assessorsThisYear: await assessorIdsFor(db, agency.id, year) };
    authorize(actor, 'eit2.collect', eit2);
    return eit2;
  };

/**
 * Interviews, their review and the sample belong to the agency's EIT collection stage: the one rule of
 * src/core/calendar.ts (extensions and the year's closure included) decides, as for the online EIT.
 */
export async function assertEitCollectionOpen(db: DbOrTx, agencyId: string, year: number, now: Date) {
  const w = await collectionWindow(db, { agencyId, year, stage: 'eit_collection' }, now);
  if (!w.open) throw eitCollectionClosed(w);
}

/** Loads the agency and authorizes 'eit2.collect' for the year: the first step of every collection use case. */
export async function authorizeCollection(db: DbOrTx, actor: Actor | null, agencyId: string, year: number) {
  const {
    agency,
    actor: who,
    authorized,
  } = await authorizedAgency(db, actor, agencyId, mayCollect(db, year));
  return { agency, actor: who, ref: authorized };
}
const INSTRUMENT = 'EIT2';
/** Clocks of tablets drift: an end time a little in the future is accepted. */
const CLOCK_SKEW_MS = 5 * 60_000;

export async function interviewQuestionnaire(
  deps: Pick<AppDeps, 'db'>,
  actor: Actor | null,
  agencyId: string,
  year: number,
): Promise<Questionnaire> {
  const { agency } = await authorizeCollection(deps.db, actor, agencyId, year);
  const { framework } = await frameworkForYear(deps.db, year);
  return buildQuestionnaire(framework, INSTRUMENT, agency.type);
}

export async function enterInterview(
  deps: Deps,
  actor: Actor | null,
  agencyId: string,
  year: number,
  body: EnterInterviewBody,
): Promise<Interview> {
  const { agency, actor: who } = await authorizeCollection(deps.db, actor, agencyId, year);
  await assertEitCollectionOpen(deps.db, agencyId, year, deps.now());
  const startedAt = new Date(body.startedAt);
  const endedAt = new Date(body.endedAt);
  checkTimes(startedAt, endedAt, deps.now());
  if (body.outcome === 'completed') {
    if (!body.answers) throw answersRequired();
    const { framework } = await frameworkForYear(deps.db, year);
    const problems = validateAnswers(framework, INSTRUMENT, agency.type, body.answers);
    if (problems.length > 0) throw invalidAnswers(problems);
  } else if (body.answers !== undefined) throw answersNotAllowed();

  const id = await deps.db.transaction(async (tx) => {
    // Locking the sample serializes entries of one agency-year, so two interviewers cannot both use the
    // last released reserve or record two outcomes for one contact.
    const sample = await sampleOf(tx, agencyId, year, { lock: true });
    if (!sample) throw sampleNotDrawn();
    const reserves = sample.reserves as string[];
    const standing = sampleStanding(
      { selected: sample.selected as string[], reserves },
      await interviewOutcomes(tx, agencyId, year),
    );
    if (!standing.usable.has(body.contactId)) throw contactNotUsable(reserves.includes(body.contactId));
    if (standing.statusOf(body.contactId) !== 'not_called') throw contactAlreadyHasOutcome();
    const row = await insertInterview(tx, {
      agencyId,
      year,
      contactId: body.contactId,
      interviewerId: who.userId,
      outcome: body.outcome,
      startedAt,
      endedAt,
      paradata: body.paradata,
      pendingAnswers: body.outcome === 'completed' ? body.answers : null,
      status: 'entered',
    });
    await appendAudit(tx, auditOf(who, row, 'enter'), deps.now());
    return row.id;
  });
  return detail(deps, who, id);
}

export async function listInterviews(
  deps: Pick<AppDeps, 'db'>,
  actor: Actor | null,
  agencyId: string,
  year: number,
  status: InterviewStatus | undefined,
): Promise<Interview[]> {
  const { ref, actor: who } = await authorizeCollection(deps.db, actor, agencyId, year);
  const rows = await withPeople(deps.db, await interviewDetails(deps.db, { agencyId, year, status }));
  return rows.map((r) =>
    presentInterview(r, can(who, 'eit2.review', { ...ref, interviewerId: r.interview.interviewerId })),
  );
}

export async function approveInterview(deps: Deps, actor: Actor | null, id: string): Promise<Interview> {
  const { who, agencyType } = await authorizeReview(deps, actor, id);
  await deps.db.transaction(async (tx) => {
    const current = await interviewById(tx, id, { lock: true });
    if (!current) throw interviewNotFound();
    // Approving twice (a double click, a retried request) changes nothing and records nothing again.
    if (current.status === 'approved') return;
    if (current.status === 'rejected') throw alreadyReviewed(current.status);
    // An approved interview counts toward the agency's EIT: only while its collection stage is open.
    await assertEitCollectionOpen(tx, current.agencyId, current.year, deps.now());
    if (current.outcome === 'completed') {
      const answers = current.pendingAnswers as Record<string, unknown>;
      const { version, framework } = await frameworkForYear(tx, current.year);
      const problems = validateAnswers(framework, INSTRUMENT, agencyType, answers);
      if (problems.length > 0) throw answersOutdated(problems);
      // No duration: the reviewer judged it before approving, and the interview keeps its own times.
      await holdResponse(tx, {
        agencyId: current.agencyId,
        year: current.year,
        instrument: INSTRUMENT,
        frameworkVersion: version,
        answers,
        durationSeconds: null,
        channel: 'interview',
      });
    }
    const updated = await updateInterview(tx, id, {
      status: 'approved',
      pendingAnswers: null,
      reviewedBy: who.userId,
      reviewedAt: deps.now(),
      reviewReason: null,
    });
    await appendAudit(tx, auditOf(who, updated, 'approve', current), deps.now());
  });
  wakeRelease();
  return detail(deps, who, id);
}

export async function rejectInterview(
  deps: Deps,
  actor: Actor | null,
  id: string,
  reason: string,
): Promise<Interview> {
  const { who } = await authorizeReview(deps, actor, id);
  await deps.db.transaction(async (tx) => {
    const current = await interviewById(tx, id, { lock: true });
    if (!current) throw interviewNotFound();
    if (current.status === 'rejected') return;
    if (current.status === 'approved') throw alreadyReviewed(current.status);
    const updated = await updateInterview(tx, id, {
      status: 'rejected',
      pendingAnswers: null,
      reviewedBy: who.userId,
      reviewedAt: deps.now(),
      reviewReason: reason,
    });
    await appendAudit(tx, auditOf(who, updated, 'reject', current), deps.now());
  });
  return detail(deps, who, id);
}

/** 'eit2.collect' for the interview's agency-year, then the four-eyes rule with its own explanation. */
async function authorizeReview(deps: Pick<AppDeps, 'db'>, actor: Actor | null, id: string) {
  const interview = await interviewById(deps.db, id);
  if (!interview) throw interviewNotFound();
  const {
    agency,
    ref,
    actor: who,
  } = await authorizeCollection(deps.db, actor, interview.agencyId, interview.year);
  if (!can(who, 'eit2.review', { ...ref, interviewerId: interview.interviewerId })) throw fourEyes();
  return { who, agencyType: agency.type };
}

async function detail(deps: Pick<AppDeps, 'db'>, actor: Actor, id: string): Promise<Interview> {
  const [row] = await withPeople(deps.db, await interviewDetails(deps.db, { id }));
  if (!row) throw interviewNotFound();
  const { ref } = await authorizeCollection(deps.db, actor, row.interview.agencyId, row.interview.year);
  return presentInterview(
    row,
    can(actor, 'eit2.review', { ...ref, interviewerId: row.interview.interviewerId }),
  );
}

/** Adds who interviewed and who reviewed (names from the users module, one query for the whole list). */
async function withPeople(
  db: DbOrTx,
  rows: Omit<InterviewDetailRow, 'interviewer' | 'reviewer'>[],
): Promise<InterviewDetailRow[]> {
  const names = await userNamesByIds(
    db,
    rows.flatMap((r) => [r.interview.interviewerId, r.interview.reviewedBy]),
  );
  return rows.map((r) => ({
    ...r,
    interviewer: personOf(r.interview.interviewerId, names),
    reviewer: personOf(r.interview.reviewedBy, names),
  }));
}

/** A user as the EIT part-2 views show them; a removed account: null. */
export function personOf(id: string | null, names: Map<string, UserName>): PersonRow {
  const user = id ? names.get(id) : undefined;
  return user ? { id: user.id, displayName: user.displayName } : null;
}

function checkTimes(startedAt: Date, endedAt: Date, now: Date) {
  if (endedAt < startedAt)
    throw invalidTimes('เวลาสิ้นสุดต้องไม่ก่อนเวลาเริ่ม', 'The end time must not be before the start time');
  if (endedAt.getTime() > now.getTime() + CLOCK_SKEW_MS)
    throw invalidTimes('เวลาสิ้นสุดอยู่ในอนาคต', 'The end time is in the future');
  if (endedAt.getTime() - startedAt.getTime() > 86_400_000)
    throw invalidTimes('การสัมภาษณ์ต้องไม่นานเกิน 24 ชั่วโมง', 'An interview cannot last more than 24 hours');
}

/**
 * Audit entries carry what was decided and by whom — never the answers, and never the interview's start and
 * end times: with the day, a duration picked approved interviews' answers out of the responses.
 */
function auditOf(actor: Actor, row: InterviewRow, action: string, before?: InterviewRow) {
  const fields = (r: InterviewRow) => ({
    contactId: r.contactId,
    interviewerId: r.interviewerId,
    outcome: r.outcome,
    status: r.status,
    reviewReason: r.reviewReason,
  });
  return {
    actor,
    agencyId: row.agencyId,
    entityType: 'eit2_interview' as const,
    entityId: row.id,
    action,
    before: before ? fields(before) : undefined,
    after: fields(row),
  };
}
