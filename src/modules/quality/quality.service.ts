// Use cases of the response-quality review: the flags of an agency's year, the assessor's keep/exclude
// decisions (audited, never with answers), and response breakdowns with small groups hidden.
import type { AppDeps } from '../../app/context.ts';
import { type Actor, can } from '../../core/authz.ts';
import { invalid, notFound, unauthenticated } from '../../core/errors.ts';
import type { Framework } from '../../core/framework/schema.ts';
import {
  type AnswerItem,
  answerItems,
  answerUniformity,
  flagAgency,
  flagResponses,
  protectBreakdown,
  QUALITY_DEFAULTS,
  type QualityFlag,
  SMALL_GROUP_MINIMUM,
} from '../../core/surveys/index.ts';
import type { DbOrTx } from '../../db/client.ts';
import type { AgencyType } from '../../shared/agency-types.ts';
import { allow, authorizedAgency, peerAgencies } from '../agencies/index.ts';
import { appendAudit } from '../audit/index.ts';
import { frameworkForYear } from '../frameworks/index.ts';
import {
  type BreakdownDimension,
  countedAnswersOf,
  countedBy,
  deleteReview,
  hasResponsesTo,
  heldCounts,
  type ResponseForReview,
  responsesForReview,
  selectResponseRef,
  selectResponseRefs,
  selectReview,
  upsertReview,
} from '../responses/index.ts';
import { iitIntake } from '../stakeholders/index.ts';
import { BURST_WINDOW_MINUTES, burstWindows } from './burst.ts';
import {
  answersOf,
  auditedReview,
  presentFlag,
  presentFlaggedResponse,
  presentReview,
} from './quality.present.ts';
import type {
  Breakdown,
  BulkReviewBody,
  BulkReviewResult,
  QualityReport,
  Review,
  ReviewBody,
} from './quality.schema.ts';

type Deps = Pick<AppDeps, 'db' | 'now' | 'config'>;

/** Enough peers for a stable median and robust z, few enough to answer in one request. */
export const PEER_SAMPLE_LIMIT = 200;

const responseNotFound = () =>
  notFound('response_not_found', 'ไม่พบแบบสอบถามที่ระบุ', 'That survey response does not exist');

/**
 * Per-response flags are computed over every response (an excluded duplicate still shows why it was
 * excluded); agency-level flags over the counted ones, since those are what will be scored.
 */
export async function qualityReport(
  deps: Deps,
  actor: Actor | null,
  agencyId: string,
  year: number,
): Promise<QualityReport> {
  const { agency, ref } = await authorizedAgency(deps.db, actor, agencyId, allow('quality.read'));
  const detail = can(actor, 'quality.readResponses', ref);
  const { framework } = await frameworkForYear(deps.db, year);
  const rows = await responsesForReview(deps.db, agencyId, year);
  const itemsOfType = itemsCache(framework);

  const [held, intake] = await Promise.all([
    heldCounts(deps.db, agencyId, year),
    iitIntake(deps.db, agencyId, year),
  ]);
  const report: QualityReport = {
    agencyId,
    year,
    detail,
    instruments: [],
    agencyFlags: [],
    responses: [],
    iitIntake: intake,
  };
  for (const instrument of surveyInstruments(framework)) {
    const items = itemsOfType(instrument, agency.type);
    const all = rows.filter((r) => r.instrument === instrument);
    const counted = all.filter((r) => r.review?.decision !== 'exclude');
    const perResponse = flagResponses(items, all.map(asQualityResponse));
    const flagCounts: Record<string, number> = {};
    perResponse.forEach(({ flags }, i) => {
      for (const f of flags) flagCounts[f.code] = (flagCounts[f.code] ?? 0) + 1;
      const row = all[i] as ResponseForReview;
      if (flags.length > 0 || row.review) report.responses?.push(presentFlaggedResponse(row, items, flags));
    });
    report.instruments.push({
      instrument,
      responses: all.length,
      held: held[instrument] ?? 0,
      excluded: all.length - counted.length,
      flaggedResponses: perResponse.filter((r) => r.flags.length > 0).length,
      flagCounts,
    });
    const peerUniformity =
      counted.length >= QUALITY_DEFAULTS.agencyMinResponses
        ? await peerUniformityOf(deps, itemsOfType, agency, year, instrument)
        : [];
    const flags = flagAgency({
      items,
      responses: counted.map(asQualityResponse),
      dayCounts: dayCounts(counted),
      windowCounts: { windowMinutes: BURST_WINDOW_MINUTES, counts: [] },
      peerUniformity,
    });
    report.agencyFlags.push(...flags.map((f) => ({ instrument, ...presentFlag(f) })));
  }

  const windows = await burstWindows(deps.db, deps.config, agencyId, deps.now());
  const burst = flagAgency({
    items: [],
    responses: [],
    dayCounts: [],
    windowCounts: { windowMinutes: windows.windowMinutes, counts: windows.agency },
    peerUniformity: [],
  });
  const network = networkBurstFlag(windows.windowMinutes, windows.busiestNetwork);
  for (const f of [...burst, ...(network ? [network] : [])])
    report.agencyFlags.push({ instrument: null, ...presentFlag(f) });

  if (!detail) report.responses = null;
  return report;
}

export function surveyInstruments(framework: Framework): string[] {
  return framework.instruments.filter((i) => i.collection !== 'open_data').map((i) => i.code);
}

/** answerItems per instrument and agency type, built once per request. */
export function itemsCache(framework: Framework) {
  const cache = new Map<string, AnswerItem[]>();
  return (instrument: string, type: AgencyType) => {
    const key = `${instrument}|${type}`;
    let items = cache.get(key);
    if (!items) {
      items = answerItems(framework, instrument, type);
      cache.set(key, items);
    }
    return items;
  };
}

const asQualityResponse = (r: ResponseForReview) => ({
  id: r.id,
  answers: answersOf(r.answers),
  durationBand: r.durationBand,
});

function dayCounts(rows: readonly ResponseForReview[]) {
  const counts = new Map<string, number>();
  for (const r of rows) counts.set(r.submittedOn, (counts.get(r.submittedOn) ?? 0) + 1);
  return [...counts].map(([day, count]) => ({ day, count }));
}

/** answerUniformity of a bounded sample of peer agencies: two queries, whatever the number of peers. */
async function peerUniformityOf(
  deps: Deps,
  itemsOfType: ReturnType<typeof itemsCache>,
  agency: { id: string; peerGroup: string | null; type: AgencyType },
  year: number,
  instrument: string,
): Promise<number[]> {
  const peers = await peerAgencies(deps.db, agency, {
    seed: String(year),
    limit: PEER_SAMPLE_LIMIT,
    having: (agencyId) => hasResponsesTo(agencyId, year, instrument),
  });
  const answers = await countedAnswersOf(
    deps.db,
    peers.map((p) => p.id),
    year,
    instrument,
  );
  const byAgency = new Map<
    string,
    { id: string; answers: ReturnType<typeof answersOf>; durationBand: null }[]
  >();
  answers.forEach((a, i) => {
    const list = byAgency.get(a.agencyId) ?? [];
    list.push({ id: String(i), answers: answersOf(a.answers), durationBand: null });
    byAgency.set(a.agencyId, list);
  });
  return peers.flatMap((peer) => {
    const u = answerUniformity(itemsOfType(instrument, peer.type), byAgency.get(peer.id) ?? []);
    return u === null ? [] : [u];
  });
}

/** Many submissions from one network (IPv4 /24, IPv6 /48) within one window: a single office or device. */
function networkBurstFlag(windowMinutes: number, counts: readonly number[]): QualityFlag | null {
  const threshold = QUALITY_DEFAULTS.burstWindowMinCount;
  const busy = counts.filter((c) => c >= threshold);
  if (busy.length === 0) return null;
  const peak = Math.max(...busy);
  return {
    code: 'burst_network',
    th: `มีการส่งแบบสอบถามจากเครือข่ายเดียวกันสูงสุด ${peak} ชุดภายใน ${windowMinutes} นาที (${busy.length} ช่วงเวลาที่ถึง ${threshold} ชุด)`,
    en: `Up to ${peak} submissions from a single network within ${windowMinutes} minutes (${busy.length} windows reached ${threshold})`,
    evidence: { peak, windowMinutes, windows: busy.length, threshold },
  };
}

async function reviewTarget(deps: Deps, actor: Actor | null, responseId: string) {
  if (!actor) throw unauthenticated();
  const response = await selectResponseRef(deps.db, responseId);
  if (!response) throw responseNotFound();
  const { actor: reviewer } = await authorizedAgency(
    deps.db,
    actor,
    response.agencyId,
    allow('response.review'),
  );
  return { actor: reviewer, response };
}

/** Keep or exclude a response (exclusion needs a reason); excluded responses count toward nothing. */
export async function reviewResponse(
  deps: Deps,
  actor: Actor | null,
  responseId: string,
  body: ReviewBody,
): Promise<Review> {
  const { actor: reviewer, response } = await reviewTarget(deps, actor, responseId);
  return deps.db.transaction(async (tx) => (await decide(tx, reviewer, response, body, deps.now())).review);
}

/**
 * One decision with one reason for many responses of an agency-year: every response must be one of that
 * agency and year (else nothing is written), and each change is audited on its own, as one by one.
 */
export async function reviewResponses(
  deps: Deps,
  actor: Actor | null,
  agencyId: string,
  year: number,
  body: BulkReviewBody,
): Promise<BulkReviewResult> {
  const { actor: reviewer } = await authorizedAgency(deps.db, actor, agencyId, allow('response.review'));
  const refs = await selectResponseRefs(deps.db, body.responseIds);
  const known = new Map(refs.map((r) => [r.id, r]));
  const foreign = body.responseIds.filter((id) => {
    const r = known.get(id);
    return !r || r.agencyId !== agencyId || r.year !== year;
  });
  if (foreign.length > 0)
    throw invalid(
      'responses_not_of_agency',
      `แบบสอบถาม ${foreign.length} ชุดไม่ใช่ของหน่วยงานและปีนี้ จึงยังไม่ได้บันทึกผลการพิจารณาใด ๆ`,
      `${foreign.length} response(s) are not of this agency and year; no decision was recorded`,
      { responseIds: foreign },
    );
  const now = deps.now();
  const decided = await deps.db.transaction(async (tx) => {
    const out: { review: Review; changed: boolean }[] = [];
    for (const id of body.responseIds)
      out.push(await decide(tx, reviewer, known.get(id) as ResponseRef, body, now));
    return out;
  });
  const changed = decided.filter((d) => d.changed).length;
  return { reviews: decided.map((d) => d.review), changed, unchanged: decided.length - changed };
}

type ResponseRef = { id: string; agencyId: string };

/** Writes one decision and its audit entry (nothing when the same decision and reason stand already). */
async function decide(
  tx: DbOrTx,
  reviewer: Actor,
  response: ResponseRef,
  body: ReviewBody,
  now: Date,
): Promise<{ review: Review; changed: boolean }> {
  const reason = body.decision === 'exclude' ? (body.reason ?? null) : body.reason || null;
  const before = await selectReview(tx, response.id);
  if (before && before.decision === body.decision && before.reason === reason)
    return { review: presentReview(before), changed: false };
  const after = await upsertReview(tx, {
    responseId: response.id,
    decision: body.decision,
    reason,
    decidedBy: reviewer.userId,
    decidedAt: now,
  });
  await appendAudit(
    tx,
    {
      actor: reviewer,
      agencyId: response.agencyId,
      entityType: 'response_review',
      entityId: response.id,
      action: body.decision,
      before: auditedReview(before),
      after: auditedReview(after),
    },
    now,
  );
  return { review: presentReview(after), changed: true };
}

/** Withdraws the decision: the response counts again (as if never reviewed). */
export async function undoReview(
  deps: Deps,
  actor: Actor | null,
  responseId: string,
): Promise<{ responseId: string; decision: null }> {
  const { actor: reviewer, response } = await reviewTarget(deps, actor, responseId);
  return deps.db.transaction(async (tx) => {
    const before = await selectReview(tx, responseId);
    if (!before)
      throw notFound(
        'review_not_found',
        'แบบสอบถามนี้ยังไม่มีผลการพิจารณา',
        'This response has no review decision to undo',
      );
    await deleteReview(tx, responseId);
    await appendAudit(
      tx,
      {
        actor: reviewer,
        agencyId: response.agencyId,
        entityType: 'response_review',
        entityId: responseId,
        action: 'undo',
        before: auditedReview(before),
        after: null,
      },
      deps.now(),
    );
    return { responseId, decision: null };
  });
}

/** Counted responses per day, channel or instrument; one suppression rule for every viewer. */
export async function responseBreakdown(
  deps: Deps,
  actor: Actor | null,
  agencyId: string,
  year: number,
  by: BreakdownDimension,
): Promise<Breakdown> {
  await authorizedAgency(deps.db, actor, agencyId, allow('breakdown.read'));
  const groups = await countedBy(deps.db, agencyId, year, by);
  return { by, minimumGroupSize: SMALL_GROUP_MINIMUM, ...protectBreakdown(groups, SMALL_GROUP_MINIMUM) };
}
