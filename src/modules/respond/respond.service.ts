// The public respondent API: what a respondent sees, getting a grant with the IIT access code (and token),
// and submitting. Public: no actor, so no `authorize` — the grant is the permission. What is returned never
// describes another respondent.

import type { AppDeps } from '../../app/context.ts';
import { keyedHash } from '../../app/secrets.ts';
import { type StageDates, stageWindow } from '../../core/calendar.ts';
import { conflict, DomainError, invalid, notFound } from '../../core/errors.ts';
import { type AnswerValidator, answerValidator, buildQuestionnaire } from '../../core/surveys/index.ts';
import type { DbOrTx } from '../../db/client.ts';
import { collectionTarget, searchCollectingAgencies } from '../agencies/index.ts';
import { collectionWindow } from '../calendar/index.ts';
import { frameworkForYear } from '../frameworks/index.ts';
import { normalizeCode, raiseGuessingAlarm, selectAccess, tokenIssued } from '../iit-access/index.ts';
import { tallySubmission } from '../quality/index.ts';
import { claimReceipt, holdResponse, type NewResponse, wakeRelease } from '../responses/index.ts';
import { iitIntake } from '../stakeholders/index.ts';
import { type Grant, type GrantInstrument, issueGrant, readGrant } from './grant.ts';
import { claimIitPlace, notifyIitFull, populationNotApproved, surveyFull } from './respond.capacity.ts';
import {
  ACCESS_FAILURE_WINDOW_MINUTES,
  ATTACK_ALERT_REPEAT_HOURS,
  assertNotLockedOut,
  noteAccessFailure,
  underAttack,
} from './respond.limits.ts';
import { presentSearchResult } from './respond.present.ts';
import { consumeToken, markEitRespondent, selectSubmitTarget, tokenUsed } from './respond.repo.ts';
import type { SubmitBody } from './respond.schema.ts';

type Deps = Pick<AppDeps, 'db' | 'config' | 'now' | 'mailer'>;

/** The calendar stage whose window governs each instrument's collection. */
export const COLLECTION_STAGE: Record<GrantInstrument, string> = {
  IIT: 'iit_collection',
  EIT1: 'eit_collection',
};

const notCollecting = () =>
  notFound(
    'survey_not_found',
    'ไม่พบแบบสำรวจของหน่วยงานนี้ กรุณาตรวจสอบลิงก์อีกครั้ง',
    'No survey was found for this agency; please check the link',
  );

/** One answer for every refusal, so that a guesser learns nothing about which part was wrong. */
export const accessDenied = () =>
  new DomainError(
    'forbidden',
    'access_denied',
    'รหัสเข้าตอบหรือรหัสใช้ครั้งเดียวไม่ถูกต้อง หรือรหัสนี้ถูกใช้ไปแล้ว',
    'The access code or the single-use token is not valid, or it was already used',
  );

export function collectionClosed(w: { opensOn: string | null; closesOn: string | null }, now: Date) {
  const th = (d: string) =>
    new Intl.DateTimeFormat('th-TH', { dateStyle: 'long', timeZone: 'Asia/Bangkok' }).format(
      new Date(`${d}T12:00:00+07:00`),
    );
  const en = (d: string) =>
    new Intl.DateTimeFormat('en-GB', { dateStyle: 'long', timeZone: 'Asia/Bangkok' }).format(
      new Date(`${d}T12:00:00+07:00`),
    );
  const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Bangkok' }).format(now);
  const details = { opensOn: w.opensOn, closesOn: w.closesOn };
  if (w.opensOn && today < w.opensOn)
    return conflict(
      'collection_not_open_yet',
      `แบบสำรวจนี้ยังไม่เปิดรับคำตอบ จะเปิดวันที่ ${th(w.opensOn)}`,
      `This survey is not open yet; it opens on ${en(w.opensOn)}`,
      details,
    );
  if (w.closesOn)
    return conflict(
      'collection_closed',
      `แบบสำรวจนี้ปิดรับคำตอบแล้วเมื่อสิ้นวันที่ ${th(w.closesOn)}`,
      `This survey closed at the end of ${en(w.closesOn)}`,
      details,
    );
  return conflict(
    'collection_closed',
    'แบบสำรวจนี้ไม่ได้เปิดรับคำตอบในปีนี้',
    'This survey is not collecting responses this year',
    details,
  );
}

async function target(deps: Deps, agencyId: string) {
  const t = await collectionTarget(deps.db, agencyId);
  if (!t?.active || t.year === null) throw notCollecting();
  return { ...t, year: t.year };
}

async function windowOf(deps: Deps, agencyId: string, year: number, instrument: GrantInstrument) {
  const w = await collectionWindow(
    deps.db,
    { agencyId, year, stage: COLLECTION_STAGE[instrument] },
    deps.now(),
  );
  return { open: w.open, opensOn: w.opensOn, closesOn: w.closesOn };
}

export async function searchAgencies(deps: Deps, query: { q?: string; province?: string }) {
  return { items: (await searchCollectingAgencies(deps.db, query, 30)).map(presentSearchResult) };
}

export async function respondentPage(deps: Deps, agencyId: string, instrument: GrantInstrument) {
  const t = await target(deps, agencyId);
  const { framework } = await frameworkForYear(deps.db, t.year);
  const access = instrument === 'IIT' ? await selectAccess(deps.db, agencyId, t.year) : undefined;
  return {
    agency: { id: t.id, nameTh: t.nameTh, nameEn: t.nameEn },
    year: t.year,
    instrument,
    window: await windowOf(deps, agencyId, t.year, instrument),
    requiresToken: access?.tokensRequired ?? false,
    intake: instrument === 'IIT' ? (await iitIntake(deps.db, agencyId, t.year)).state : ('open' as const),
    questionnaire: buildQuestionnaire(framework, instrument, t.type),
  };
}

/**
 * Checks the access code (and token, when the agency requires one) and returns a grant. Every refusal
 * looks the same and counts against the guessing client (never against the agency: respond.limits.ts);
 * a throttled client gets 429 before anything is checked. Enough wrong codes for one agency raise the
 * guessing alarm (NACC is told) instead of blocking anyone.
 */
export async function iitAccessGrant(
  deps: Deps & Pick<AppDeps, 'mailer'>,
  agencyId: string,
  body: { accessCode: string; token?: string | undefined },
  clientIp: string,
) {
  const t = await target(deps, agencyId);
  const now = deps.now();
  const access = await selectAccess(deps.db, agencyId, t.year);
  const who = { agencyId, clientIp, underAttack: underAttack(access?.attackSeenAt, now) };
  await assertNotLockedOut(deps.db, deps.config, who, now);
  const window = await windowOf(deps, agencyId, t.year, 'IIT');
  if (!window.open) throw collectionClosed(window, now);
  await assertIitIntake(deps, agencyId, t.year);
  let tokenHash: string | undefined;
  let ok = access !== undefined && normalizeCode(body.accessCode) === access.accessCode;
  if (ok && access?.tokensRequired) {
    const token = normalizeCode(body.token ?? '');
    tokenHash = keyedHash(deps.config, 'survey-token', token);
    ok =
      token !== '' &&
      (await tokenIssued(deps.db, agencyId, t.year, tokenHash)) &&
      !(await tokenUsed(deps.db, tokenHash));
  }
  if (!ok) {
    const { agencyFailures, alarm } = await noteAccessFailure(deps.db, deps.config, who, now);
    if (alarm)
      await raiseGuessingAlarm(
        deps,
        {
          agencyId,
          year: t.year,
          failures: agencyFailures,
          windowMinutes: ACCESS_FAILURE_WINDOW_MINUTES,
          alertRepeatHours: ATTACK_ALERT_REPEAT_HOURS,
        },
        now,
      );
    throw accessDenied();
  }
  const { grant, expiresAt } = issueGrant(
    deps.config,
    { agencyId, year: t.year, instrument: 'IIT', ...(tokenHash ? { tokenHash } : {}) },
    now,
  );
  return { grant, expiresAt: expiresAt.toISOString() };
}

/** Before a grant is issued: the IIT must have an approved population with room left (said kindly). */
async function assertIitIntake(deps: Deps, agencyId: string, year: number) {
  const intake = await iitIntake(deps.db, agencyId, year);
  if (intake.state === 'awaiting_population') throw populationNotApproved();
  if (intake.state === 'full') {
    await tellOnce(deps, agencyId, year);
    throw surveyFull(intake.approvedPopulation ?? 0);
  }
}

const tokenUsedError = () =>
  conflict(
    'token_used',
    'รหัสใช้ครั้งเดียวนี้ถูกใช้ตอบแบบสำรวจไปแล้ว',
    'This single-use token has already been used to answer',
  );
const alreadyResponded = () =>
  conflict(
    'already_responded',
    'หมายเลขโทรศัพท์หรืออีเมลนี้ตอบแบบสำรวจของหน่วยงานนี้ในปีนี้แล้ว',
    'This phone number or e-mail address has already answered this agency’s survey this year',
  );

/**
 * What a submit checks against, kept per process for a few seconds: the framework in force (its newest
 * version), the agency's type and the stage's extension. They change rarely (a framework import, an
 * extension granted); a submission may be judged by the previous ones for up to SUBMIT_CONTEXT_TTL_MS.
 */
export const SUBMIT_CONTEXT_TTL_MS = 5000;
type SubmitContext = {
  framework: Awaited<ReturnType<typeof frameworkForYear>>;
  target: Awaited<ReturnType<typeof selectSubmitTarget>>;
  /** The framework's calendar stage of this collection, if it has one. */
  stage: StageDates | undefined;
  /** The answer check for this framework, instrument and agency type, made on first use. */
  check?: AnswerValidator;
  until: number;
};
const submitContexts = new Map<string, SubmitContext>();

async function submitContext(deps: Deps, agencyId: string, year: number, stageCode: string) {
  const key = `${agencyId}|${year}|${stageCode}`;
  const hit = submitContexts.get(key);
  if (hit && hit.until > Date.now()) return hit;
  const [framework, target] = await Promise.all([
    frameworkForYear(deps.db, year),
    selectSubmitTarget(deps.db, agencyId, year, stageCode),
  ]);
  const stage = framework.framework.calendar.find((s) => s.code === stageCode);
  const fresh: SubmitContext = { framework, target, stage, until: Date.now() + SUBMIT_CONTEXT_TTL_MS };
  if (submitContexts.size > 10_000) submitContexts.clear();
  submitContexts.set(key, fresh);
  return fresh;
}

/**
 * Accepts one response. One transaction holds the answers (holding table, not `survey_responses`) with
 * everything that marks the respondent — the receipt of this submission, the token consumed, the EIT
 * respondent hash — and, for the IIT, the place taken under the approved population. The answers are
 * durably stored when it commits, before the respondent is thanked; the release moves them on later, in a
 * shuffled batch of its own (responses/release.ts). A retry with the same submissionId is recognised by its
 * receipt and answered `already_recorded`.
 */
export async function submitResponse(
  deps: Deps,
  agencyId: string,
  instrument: GrantInstrument,
  body: SubmitBody,
  clientIp: string,
): Promise<{ status: 'recorded' | 'already_recorded' }> {
  const now = deps.now();
  const grant = readGrant(deps.config, body.grant, { agencyId, instrument }, now);
  const stageCode = COLLECTION_STAGE[instrument];
  const context = await submitContext(deps, agencyId, grant.year, stageCode);
  const { version, framework } = context.framework;
  if (!context.target) throw notCollecting();
  const { stage } = context;
  const window = stage
    ? stageWindow(stage, context.target.extensionEndsOn, now, context.target.yearClosedAt)
    : { open: false, opensOn: null, closesOn: null };
  if (!window.open) throw collectionClosed(window, now);
  context.check ??= answerValidator(framework, instrument, context.target.type);
  const problems = context.check(body.answers);
  if (problems.length > 0)
    throw invalid(
      'invalid_answers',
      'คำตอบยังไม่ครบหรือไม่ถูกต้อง กรุณาตรวจสอบข้อที่ระบุ',
      'Some answers are missing or not valid; please check the questions listed',
      { problems },
    );

  const response: NewResponse = {
    agencyId,
    year: grant.year,
    instrument,
    frameworkVersion: version,
    answers: body.answers,
    durationSeconds: body.durationSeconds,
    channel: 'web',
  };
  const receipt = { agencyId, instrument, submissionId: body.submissionId };
  let outcome: Awaited<ReturnType<typeof accept>>;
  try {
    outcome = await deps.db.transaction((tx) => accept(tx, deps, grant, response, receipt));
  } catch (e) {
    // A refusal because the survey is full still makes sure that those responsible were told.
    if (e instanceof DomainError && e.code === 'survey_full') await tellOnce(deps, agencyId, grant.year);
    throw e;
  }
  if (outcome.status === 'already_recorded') return { status: 'already_recorded' };
  if (outcome.fills) await tellOnce(deps, agencyId, grant.year);
  wakeRelease();
  return tallied(deps, { agencyId, year: grant.year, clientIp, now });
}

// The helpers below are module functions rather than closures in submitResponse: this runs on every
// submission, and each closure made there costs more than the call itself (tsx names every function).

/** The submit's transaction: receipt, marks, the IIT place, the held answers — all or nothing. */
async function accept(
  tx: DbOrTx,
  deps: Deps,
  grant: Grant,
  response: NewResponse,
  receipt: { agencyId: string; instrument: string; submissionId: string },
): Promise<{ status: 'recorded' | 'already_recorded'; fills: boolean }> {
  if (!(await claimReceipt(tx, deps.config, receipt))) return { status: 'already_recorded', fills: false };
  if (grant.tokenHash && !(await consumeToken(tx, grant.tokenHash))) throw tokenUsedError();
  if (response.instrument === 'EIT1') {
    if (!grant.destinationHash) throw notCollecting();
    if (!(await markEitRespondent(tx, response.agencyId, response.year, grant.destinationHash)))
      throw alreadyResponded();
  }
  const { fills } =
    response.instrument === 'IIT'
      ? await claimIitPlace(tx, response.agencyId, response.year)
      : { fills: false };
  await holdResponse(tx, response);
  return { status: 'recorded', fills };
}

/**
 * The notice that the IIT is full, without letting a mail failure turn a stored answer (or a kind refusal)
 * into an error: the notice rolls back with the failed send and the next refusal tries again.
 */
async function tellOnce(deps: Deps, agencyId: string, year: number) {
  await notifyIitFull(deps, agencyId, year).catch(() => undefined);
}

/** Counts a committed submission toward the burst counters. */
function tallied(deps: Deps, r: { agencyId: string; year: number; clientIp: string; now: Date }) {
  tallySubmission(deps.db, { ...r, config: deps.config });
  return { status: 'recorded' as const };
}
