// Rules of the agency's results report (issue 10 §3) that are decisions rather than arithmetic, in one place
// with their tests: which questions are marked weakest, how a reason for not processing reads, how the
// indicator table names its instrument, and the mark an indicator is read against.
import type { Framework } from '../framework/schema.ts';
import type { NotProcessedReason } from '../scoring/index.ts';

/** How many of each instrument's lowest-scoring questions are marked, at least. */
export const WEAKEST_PER_INSTRUMENT = 3;

/**
 * The weakest questions of one instrument: the `WEAKEST_PER_INSTRUMENT` lowest scores (every question tied
 * with the last of them too, so equal scores are marked alike) and every question below the pass threshold
 * (an agency well below the mark sees all it must work on, not only three). Returns the marked codes.
 */
export function weakestQuestions(
  scores: Readonly<Record<string, number>>,
  passThreshold: number,
  count = WEAKEST_PER_INSTRUMENT,
): Set<string> {
  const sorted = Object.entries(scores).sort(([, a], [, b]) => a - b);
  const marked = new Set<string>();
  const cut = sorted[Math.min(count, sorted.length) - 1]?.[1];
  for (const [code, score] of sorted)
    if ((cut !== undefined && score <= cut) || score < passThreshold) marked.add(code);
  return marked;
}

/** Why an instrument was not processed, in the words of seed 004's processing conditions. */
export const NOT_PROCESSED_TEXT: Record<NotProcessedReason, { th: string; en: string }> = {
  registered: {
    th: 'หน่วยงานไม่ได้ลงทะเบียนเข้าร่วมการประเมินในปีนี้',
    en: 'The agency did not register for this year’s assessment',
  },
  population_entered: {
    th: 'ไม่ได้กรอกหรือไม่ได้รับอนุมัติจำนวนผู้มีส่วนได้ส่วนเสียตามที่กำหนด',
    en: 'The number of stakeholders was not entered or not approved as required',
  },
  minimum_sample: {
    th: 'จำนวนผู้ตอบแบบวัดไม่ถึงจำนวนขั้นต่ำที่กำหนด',
    en: 'Fewer responses than the minimum sample',
  },
  answered: {
    th: 'ไม่ได้ตอบแบบวัดตามที่กำหนด (ผลการตรวจยังไม่ได้รับการยืนยัน)',
    en: 'Not answered as required (the assessment was not confirmed)',
  },
};

/**
 * The instrument column of the indicator table as agencies write it: IIT, EIT, OIT — the framework's
 * instrument codes scoring the indicator, without the part number (EIT1 and EIT2 are both "EIT").
 */
export function instrumentLabel(codes: readonly string[]): string {
  return [...new Set(codes.map((c) => c.replace(/[0-9]+$/, '')))].join(', ');
}

/**
 * The mark an indicator is read against (ผ่าน/ไม่ผ่านเกณฑ์). Frameworks (FY2563–FY2568) give no mark per
 * indicator, only the pass threshold of the total (85): seed 004's table reads every indicator against it,
 * so this does too until a framework carries indicator thresholds.
 */
export function indicatorThreshold(framework: Framework, _indicator: string): number {
  return framework.rating.passThreshold;
}

/** Two decimals, half up (what the report shows of a difference). */
export const round2 = (x: number) => Math.round((x + Number.EPSILON) * 100) / 100;
