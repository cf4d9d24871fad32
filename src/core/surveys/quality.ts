// Response-quality flags: signals for a person to review, never automatic rejection. Agencies under pressure
// to pass sometimes coach or fabricate responses; honest respondents also rush or tick one column. So every
// flag carries the numbers that triggered it, in Thai and English, and every threshold is a named default
// that the caller may override.
import type { AgencyType } from '../../shared/agency-types.ts';
import { thaiDate } from '../documents/thai-text.ts';
import type { Framework } from '../framework/schema.ts';
import type { AnswerValue } from '../scoring/index.ts';
import { bandRange, bandSeconds } from './duration.ts';
import { buildQuestionnaire, questionsOf } from './questionnaire.ts';
import { median, robustZ, variance } from './stats.ts';

export const QUALITY_DEFAULTS = {
  /**
   * Speeder: finished in under this fraction of the agency's median time for the instrument. Responses
   * keep a duration band only (duration.ts): a response is flagged when its band lies wholly under the
   * fraction of the median of the bands' middles, so coarsening never raises a flag by itself…
   */
  speederFraction: 0.3,
  /** …judged only when the agency has this many responses, so the median means something. */
  speederMinResponses: 10,
  /** Straight-lining: the same option position on every answered question with a scale this long… */
  straightLineMinOptions: 3,
  /** …over at least this many such questions (fewer could honestly all deserve the same answer). */
  straightLineMinQuestions: 6,
  /** Duplicate: the same answer vector as at least this many other responses of the agency. */
  duplicateMinOthers: 2,
  /** Agency: share of responses whose vector another response repeats, flagged above this… */
  identicalShareThreshold: 0.3,
  /** …and judged (like uniformity) only with this many responses. */
  agencyMinResponses: 10,
  /** Burst: this many submissions in one of the caller's short windows. */
  burstWindowMinCount: 20,
  /** Burst: one day holding at least this share of the agency's responses… */
  burstDayShare: 0.5,
  /** …and at least this many of them (a small agency answering at one staff meeting is normal). */
  burstDayMinCount: 30,
  /**
   * Uniformity: the agency's mean within-respondent score variance has a robust z-score (see stats.ts)
   * at or below this against its peers; −3.5 is Iglewicz and Hoaglin's outlier threshold…
   */
  uniformityZThreshold: -3.5,
  /** …given at least this many peer agencies. */
  uniformityMinPeers: 10,
};
export type QualityParams = typeof QUALITY_DEFAULTS;

export interface QualityFlag<Code extends string = string> {
  code: Code;
  th: string;
  en: string;
  /** The numbers behind the flag, for reviewers and for the audit trail. */
  evidence: Record<string, number | string>;
}
export type ResponseFlagCode = 'speeder' | 'straight_lining' | 'duplicate_vector';
export type AgencyFlagCode = 'burst_window' | 'burst_day' | 'identical_share' | 'unusual_uniformity';

export interface QualityResponse {
  id: string;
  answers: Readonly<Record<string, AnswerValue>>;
  /** The duration band (duration.ts), or null when not measured. */
  durationBand: number | null;
}

/** One answerable unit: a question without sub-items, or one sub-item. */
export interface AnswerItem {
  questionCode: string;
  subItemCode: string | null;
  /** Option values in scale order; the index is the option's position on the form. */
  options: readonly string[];
  /** Each option's score with the item's polarity applied: what the answer says about the agency. */
  scores: readonly number[];
}

/** The items of an instrument for an agency type, in questionnaire order; build once per check. */
export function answerItems(
  framework: Framework,
  instrumentCode: string,
  agencyType: AgencyType,
): AnswerItem[] {
  const scales = new Map(framework.scales.map((s) => [s.code, s]));
  const questions = new Map(framework.questions.map((q) => [q.code, q]));
  return questionsOf(buildQuestionnaire(framework, instrumentCode, agencyType)).flatMap((asked) => {
    const question = questions.get(asked.code);
    const options = scales.get(asked.scaleCode)?.options ?? [];
    const item = (subItemCode: string | null, polarity = question?.polarity): AnswerItem => ({
      questionCode: asked.code,
      subItemCode,
      options: options.map((o) => o.value),
      scores: options.map((o) => (polarity === 'reversed' ? 100 - o.score : o.score)),
    });
    return question?.subItems.length
      ? question.subItems.map((s) => item(s.code, s.polarity ?? question.polarity))
      : [item(null)];
  });
}

/** Per item, the chosen option's position, or null when unanswered or not an option. */
function positionsOf(items: readonly AnswerItem[], answers: QualityResponse['answers']): (number | null)[] {
  return items.map((item) => {
    const answer = Object.hasOwn(answers, item.questionCode) ? answers[item.questionCode] : undefined;
    const value =
      item.subItemCode === null
        ? answer
        : typeof answer === 'object' && answer !== null && Object.hasOwn(answer, item.subItemCode)
          ? answer[item.subItemCode]
          : undefined;
    const position = typeof value === 'string' ? item.options.indexOf(value) : -1;
    return position >= 0 ? position : null;
  });
}

// Positions in questionnaire order identify an answer sheet regardless of the JSON's key order.
const vectorKey = (positions: readonly (number | null)[]) => positions.map((p) => p ?? '-').join(',');

/** Per response, in input order, the flags it raised (often none). */
export function flagResponses(
  items: readonly AnswerItem[],
  responses: readonly QualityResponse[],
  overrides: Partial<QualityParams> = {},
): { id: string; flags: QualityFlag<ResponseFlagCode>[] }[] {
  const params = { ...QUALITY_DEFAULTS, ...overrides };
  const positions = responses.map((r) => positionsOf(items, r.answers));
  const keys = positions.map(vectorKey);
  const vectorCounts = countBy(keys);
  const durations = responses.flatMap((r) => (r.durationBand === null ? [] : [bandSeconds(r.durationBand)]));
  const medianSeconds = durations.length >= params.speederMinResponses ? median(durations) : null;

  return responses.map((response, i) => {
    const flags: QualityFlag<ResponseFlagCode>[] = [];
    const speeder = speederFlag(response.durationBand, medianSeconds, params);
    if (speeder) flags.push(speeder);
    const straight = straightLineFlag(items, positions[i] ?? [], params);
    if (straight) flags.push(straight);
    const others = (vectorCounts.get(keys[i] ?? '') ?? 1) - 1;
    if (others >= params.duplicateMinOthers)
      flags.push({
        code: 'duplicate_vector',
        th: `คำตอบทุกข้อเหมือนกับแบบสอบถามอื่นของหน่วยงานอีก ${others} ชุด`,
        en: `Every answer is identical to ${others} other responses of the agency`,
        evidence: { identicalOthers: others, threshold: params.duplicateMinOthers },
      });
    return { id: response.id, flags };
  });
}

function speederFlag(
  band: number | null,
  medianSeconds: number | null,
  params: QualityParams,
): QualityFlag<'speeder'> | null {
  if (medianSeconds === null || band === null) return null;
  const { toSeconds } = bandRange(band);
  const limit = params.speederFraction * medianSeconds;
  if (toSeconds === null || toSeconds > limit) return null;
  const percent = show(params.speederFraction * 100);
  return {
    code: 'speeder',
    th: `ตอบเสร็จในเวลาไม่ถึง ${show(toSeconds)} วินาที ต่ำกว่า ${percent}% ของค่ามัธยฐานของหน่วยงาน (ประมาณ ${show(medianSeconds)} วินาที)`,
    en: `Finished in under ${show(toSeconds)} s, under ${percent}% of the agency's median (about ${show(medianSeconds)} s)`,
    evidence: { underSeconds: toSeconds, medianSeconds, fraction: params.speederFraction },
  };
}

function straightLineFlag(
  items: readonly AnswerItem[],
  positions: readonly (number | null)[],
  params: QualityParams,
): QualityFlag<'straight_lining'> | null {
  const chosen = new Set<number>();
  const questions = new Set<string>();
  items.forEach((item, i) => {
    const position = positions[i];
    if (item.options.length < params.straightLineMinOptions || position === null || position === undefined)
      return;
    chosen.add(position);
    questions.add(item.questionCode);
  });
  if (chosen.size !== 1 || questions.size < params.straightLineMinQuestions) return null;
  const position = ([...chosen][0] as number) + 1;
  return {
    code: 'straight_lining',
    th: `เลือกตัวเลือกลำดับที่ ${position} ในทุกข้อ (${questions.size} ข้อ)`,
    en: `Chose option number ${position} on every question (${questions.size} questions)`,
    evidence: { position, questions: questions.size, threshold: params.straightLineMinQuestions },
  };
}

export interface AgencyQualityInput {
  items: readonly AnswerItem[];
  /** The agency's responses to the instrument. */
  responses: readonly QualityResponse[];
  /** Submissions per day (the coarse date stored with each response). */
  dayCounts: readonly { day: string; count: number }[];
  /** Submissions per short window, counted by the caller (e.g. from the rate limiter's log). */
  windowCounts: { windowMinutes: number; counts: readonly number[] };
  /** answerUniformity of each peer agency for the same instrument (e.g. same agency type). */
  peerUniformity: readonly number[];
}

export function flagAgency(
  input: AgencyQualityInput,
  overrides: Partial<QualityParams> = {},
): QualityFlag<AgencyFlagCode>[] {
  const params = { ...QUALITY_DEFAULTS, ...overrides };
  return [
    burstWindowFlag(input.windowCounts, params),
    burstDayFlag(input.dayCounts, params),
    identicalShareFlag(input.items, input.responses, params),
    uniformityFlag(input, params),
  ].filter((f): f is QualityFlag<AgencyFlagCode> => f !== null);
}

function burstWindowFlag(
  windows: AgencyQualityInput['windowCounts'],
  params: QualityParams,
): QualityFlag<'burst_window'> | null {
  const busy = windows.counts.filter((c) => c >= params.burstWindowMinCount);
  if (busy.length === 0) return null;
  const peak = Math.max(...busy);
  const minutes = windows.windowMinutes;
  return {
    code: 'burst_window',
    th: `มีการส่งแบบสอบถามสูงสุด ${peak} ชุดภายใน ${minutes} นาที (${busy.length} ช่วงเวลาที่ถึง ${params.burstWindowMinCount} ชุด)`,
    en: `Up to ${peak} submissions within ${minutes} minutes (${busy.length} windows reached ${params.burstWindowMinCount})`,
    evidence: { peak, windowMinutes: minutes, windows: busy.length, threshold: params.burstWindowMinCount },
  };
}

/** "2025-03-05" → "5 March 2025": a calendar day, never shifted by time zones. */
function englishDate(isoDay: string): string {
  const opts = { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' } as const;
  return new Intl.DateTimeFormat('en-GB', opts).format(new Date(`${isoDay}T00:00:00Z`));
}

function burstDayFlag(
  days: AgencyQualityInput['dayCounts'],
  params: QualityParams,
): QualityFlag<'burst_day'> | null {
  const total = days.reduce((s, d) => s + d.count, 0);
  // The busiest day; on a tie the earliest, so the explanation is reproducible.
  const peak = [...days].sort((a, b) => b.count - a.count || (a.day < b.day ? -1 : 1))[0];
  if (!peak || total === 0) return null;
  const share = peak.count / total;
  if (peak.count < params.burstDayMinCount || share < params.burstDayShare) return null;
  return {
    code: 'burst_day',
    th: `ได้รับแบบสอบถาม ${peak.count} จาก ${total} ชุด (${show(share * 100)}%) ในวันที่ ${thaiDate(peak.day)} วันเดียว`,
    en: `${peak.count} of ${total} responses (${show(share * 100)}%) arrived on a single day, ${englishDate(peak.day)}`,
    evidence: { day: peak.day, count: peak.count, total, share, threshold: params.burstDayShare },
  };
}

function identicalShareFlag(
  items: readonly AnswerItem[],
  responses: readonly QualityResponse[],
  params: QualityParams,
): QualityFlag<'identical_share'> | null {
  if (responses.length < params.agencyMinResponses) return null;
  const counts = countBy(responses.map((r) => vectorKey(positionsOf(items, r.answers))));
  const identical = [...counts.values()].filter((n) => n >= 2).reduce((s, n) => s + n, 0);
  const share = identical / responses.length;
  if (share <= params.identicalShareThreshold) return null;
  const pct = show(share * 100);
  return {
    code: 'identical_share',
    th: `แบบสอบถาม ${identical} จาก ${responses.length} ชุด (${pct}%) มีคำตอบซ้ำกับชุดอื่นทุกข้อ เกินเกณฑ์ ${show(params.identicalShareThreshold * 100)}%`,
    en: `${identical} of ${responses.length} responses (${pct}%) repeat another response exactly, above ${show(params.identicalShareThreshold * 100)}%`,
    evidence: { identical, responses: responses.length, share, threshold: params.identicalShareThreshold },
  };
}

/**
 * Mean, over respondents, of the variance of each respondent's item scores (0–100, polarity applied), or
 * null without responses. Scores rather than option positions: a coached "best answer everywhere" varies
 * in position (reversed questions) but not in score, and coaching is what this comparison is for.
 */
export function answerUniformity(
  items: readonly AnswerItem[],
  responses: readonly QualityResponse[],
): number | null {
  const perRespondent = responses
    .map((r) =>
      variance(
        positionsOf(items, r.answers).flatMap((p, i) => (p === null ? [] : [items[i]?.scores[p] as number])),
      ),
    )
    .filter((v): v is number => v !== null);
  return perRespondent.length === 0 ? null : perRespondent.reduce((s, v) => s + v, 0) / perRespondent.length;
}

function uniformityFlag(
  input: AgencyQualityInput,
  params: QualityParams,
): QualityFlag<'unusual_uniformity'> | null {
  if (input.responses.length < params.agencyMinResponses) return null;
  if (input.peerUniformity.length < params.uniformityMinPeers) return null;
  const own = answerUniformity(input.items, input.responses);
  const z = own === null ? null : robustZ(own, input.peerUniformity);
  if (own === null || z === null || z > params.uniformityZThreshold) return null;
  const peerMedian = median(input.peerUniformity) as number;
  return {
    code: 'unusual_uniformity',
    th: `ความแปรปรวนของคำตอบภายในผู้ตอบเฉลี่ย ${show(own)} ต่ำกว่าหน่วยงานเทียบเคียงมาก (ค่ามัธยฐาน ${show(peerMedian)}, robust z = ${show(z, 2)}, เกณฑ์ ${params.uniformityZThreshold})`,
    en: `Mean within-respondent answer variance ${show(own)} is far below peer agencies (median ${show(peerMedian)}, robust z = ${show(z, 2)}, threshold ${params.uniformityZThreshold})`,
    evidence: {
      agencyVariance: own,
      peerMedian,
      peers: input.peerUniformity.length,
      robustZ: z,
      threshold: params.uniformityZThreshold,
    },
  };
}

function countBy(keys: readonly string[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const k of keys) counts.set(k, (counts.get(k) ?? 0) + 1);
  return counts;
}

/** A number for a message: at most `decimals` decimals, no trailing zeros. */
function show(n: number, decimals = 1): string {
  return String(Number(n.toFixed(decimals)));
}
