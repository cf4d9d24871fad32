// Rows → API JSON for the quality review. A reviewer sees of a response only what judging it needs: its
// instrument, day, duration, channel, flags and the option positions it chose — never the answer text, and
// never anything about who answered (which the database does not hold anyway).
import type { AnswerValue } from '../../core/scoring/index.ts';
import { type AnswerItem, bandRange, type QualityFlag } from '../../core/surveys/index.ts';
import type { ResponseForReview, ReviewRow } from '../responses/index.ts';
import type { FlaggedResponse, Review } from './quality.schema.ts';

/** The stored answers as the quality functions expect them (anything else counts as unanswered). */
export function answersOf(stored: unknown): Record<string, AnswerValue> {
  return typeof stored === 'object' && stored !== null && !Array.isArray(stored)
    ? (stored as Record<string, AnswerValue>)
    : {};
}

/** "4,4,3,-,…": the chosen option's position (1 = first) per item, in questionnaire order. */
export function answerVector(items: readonly AnswerItem[], stored: unknown): string {
  const answers = answersOf(stored);
  return items
    .map((item) => {
      const answer = Object.hasOwn(answers, item.questionCode) ? answers[item.questionCode] : undefined;
      const value =
        item.subItemCode === null
          ? answer
          : typeof answer === 'object' && answer !== null && Object.hasOwn(answer, item.subItemCode)
            ? answer[item.subItemCode]
            : undefined;
      const position = typeof value === 'string' ? item.options.indexOf(value) : -1;
      return position >= 0 ? String(position + 1) : '-';
    })
    .join(',');
}

export function presentReview(row: ReviewRow): Review {
  return {
    responseId: row.responseId,
    decision: row.decision,
    reason: row.reason,
    decidedAt: row.decidedAt.toISOString(),
  };
}

export function presentFlag(flag: QualityFlag) {
  return { code: flag.code, th: flag.th, en: flag.en, evidence: flag.evidence };
}

export function presentFlaggedResponse(
  row: ResponseForReview,
  items: readonly AnswerItem[],
  flags: readonly QualityFlag[],
): FlaggedResponse {
  return {
    id: row.id,
    instrument: row.instrument,
    day: row.submittedOn,
    duration: row.durationBand === null ? null : bandRange(row.durationBand),
    channel: row.channel,
    flags: flags.map(presentFlag),
    answerVector: answerVector(items, row.answers),
    review: row.review ? presentReview(row.review) : null,
  };
}

/** What the audit log keeps of a decision: the decision and its reason, never the answers. */
export const auditedReview = (row: ReviewRow | undefined) =>
  row ? { decision: row.decision, reason: row.reason } : null;
