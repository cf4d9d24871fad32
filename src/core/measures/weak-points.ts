// Weak points proposed from an agency's published result (issue 12 §1, the O42/o27 analysis): per
// instrument, the questions under the pass mark ("fix urgently"), then each indicator's lowest questions
// ("develop"), each tied to its indicator and the question's display code as ITAS shows it; an indicator
// scoring at or above the high mark with no question under the pass mark gets "keep the standard". Pure: the
// measures module feeds it the published report's indicator and question scores and the agency edits the
// proposal. OIT items are its questions: an item scored 0 is under any pass mark.

export const WEAK_POINT_CLASSES = ['urgent', 'develop', 'keep'] as const;
export type WeakPointClass = (typeof WEAK_POINT_CLASSES)[number];
export const WP_INSTRUMENTS = ['IIT', 'EIT', 'OIT'] as const;
export type WpInstrument = (typeof WP_INSTRUMENTS)[number];

export interface WpIndicator {
  code: string;
  instrument: WpInstrument;
  /** null when the indicator was not scored (its instrument not processed): nothing is proposed for it. */
  score: number | null;
}

export interface WpQuestion {
  instrument: WpInstrument;
  indicator: string;
  /** As ITAS shows it (i2, ES2, EP4, o27). */
  code: string;
  score: number;
}

export interface ProposedWeakPoint {
  instrument: WpInstrument;
  indicator: string;
  /** One question (urgent, develop) or none (keep: the indicator as a whole). */
  questionCodes: string[];
  /** The question's score, or the indicator's for "keep". */
  score: number;
  class: WeakPointClass;
}

export interface WeakPointOptions {
  /** The framework's pass mark (85). */
  threshold: number;
  /** From this indicator score up, with nothing under the pass mark: "keep the standard" (default 95). */
  highMark?: number;
}

const CLASS_ORDER: Record<WeakPointClass, number> = { urgent: 0, develop: 1, keep: 2 };

export function proposeWeakPoints(
  indicators: readonly WpIndicator[],
  questions: readonly WpQuestion[],
  options: WeakPointOptions,
): ProposedWeakPoint[] {
  const highMark = options.highMark ?? 95;
  const order = new Map(indicators.map((i, n) => [i.code, n]));
  const points: ProposedWeakPoint[] = [];
  for (const ind of indicators) {
    if (ind.score === null) continue;
    const qs = questions.filter((q) => q.indicator === ind.code && q.instrument === ind.instrument);
    const under = qs.filter((q) => q.score < options.threshold);
    for (const q of under) points.push(point(ind, [q.code], q.score, 'urgent'));
    if (under.length === 0 && ind.score >= highMark) {
      points.push(point(ind, [], ind.score, 'keep'));
      continue;
    }
    // The lowest of the rest (ties included), never a question at full marks.
    const rest = qs.filter((q) => q.score >= options.threshold && q.score < 100);
    const lowest = Math.min(...rest.map((q) => q.score));
    for (const q of rest) if (q.score === lowest) points.push(point(ind, [q.code], q.score, 'develop'));
  }
  const instrumentOrder = (i: WpInstrument) => WP_INSTRUMENTS.indexOf(i);
  return points.sort(
    (a, b) =>
      instrumentOrder(a.instrument) - instrumentOrder(b.instrument) ||
      CLASS_ORDER[a.class] - CLASS_ORDER[b.class] ||
      (a.class === 'keep' ? 0 : a.score - b.score) ||
      (order.get(a.indicator) ?? 0) - (order.get(b.indicator) ?? 0) ||
      (a.questionCodes[0] ?? '').localeCompare(b.questionCodes[0] ?? '', 'en', { numeric: true }),
  );
}

function point(
  ind: WpIndicator,
  questionCodes: string[],
  score: number,
  cls: WeakPointClass,
): ProposedWeakPoint {
  return { instrument: ind.instrument, indicator: ind.code, questionCodes, score, class: cls };
}
