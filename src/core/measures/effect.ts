// Whether a measure worked (issue 12 §2): the indicators and questions it targeted, scored in the year its
// analysis came from (N) and in the year it was carried out (N+1, once published). Pure. A target missing from
// either year (a framework that renamed or dropped a question) is listed without a change and left out of
// the verdict.

export const EFFECT_STATUSES = ['pending', 'improved', 'declined', 'unchanged', 'unknown'] as const;
export type EffectStatus = (typeof EFFECT_STATUSES)[number];

export interface YearScores {
  /** Indicator code → score (null: not scored). */
  indicators: Readonly<Record<string, number | null>>;
  /** `${instrument}:${displayCode}` → score; OIT items under 'OIT'. */
  questions: Readonly<Record<string, number>>;
}

export interface EffectTarget {
  indicators: readonly string[];
  questions: readonly { instrument: string; code: string }[];
}

export interface EffectLine {
  kind: 'indicator' | 'question';
  code: string;
  instrument: string | null;
  before: number | null;
  after: number | null;
  /** after − before, two decimals; null when either is unknown. */
  change: number | null;
}

export interface MeasureEffect {
  status: EffectStatus;
  lines: EffectLine[];
  /** Mean change over the comparable lines, two decimals; null when none is comparable. */
  meanChange: number | null;
}

const round2 = (n: number) => Math.round(n * 100) / 100;

export const questionKey = (instrument: string, code: string) => `${instrument}:${code}`;

export function measureEffect(
  target: EffectTarget,
  before: YearScores,
  after: YearScores | null,
): MeasureEffect {
  const lines: EffectLine[] = [];
  for (const code of new Set(target.indicators)) {
    const b = before.indicators[code] ?? null;
    const a = after ? (after.indicators[code] ?? null) : null;
    lines.push({ kind: 'indicator', code, instrument: null, before: b, after: a, change: diff(b, a) });
  }
  const seen = new Set<string>();
  for (const q of target.questions) {
    const key = questionKey(q.instrument, q.code);
    if (seen.has(key)) continue;
    seen.add(key);
    const b = before.questions[key] ?? null;
    const a = after ? (after.questions[key] ?? null) : null;
    lines.push({
      kind: 'question',
      code: q.code,
      instrument: q.instrument,
      before: b,
      after: a,
      change: diff(b, a),
    });
  }
  if (!after) return { status: 'pending', lines, meanChange: null };
  const changes = lines.map((l) => l.change).filter((c): c is number => c !== null);
  if (changes.length === 0) return { status: 'unknown', lines, meanChange: null };
  const mean = round2(changes.reduce((s, c) => s + c, 0) / changes.length);
  return { status: mean > 0 ? 'improved' : mean < 0 ? 'declined' : 'unchanged', lines, meanChange: mean };
}

function diff(before: number | null, after: number | null): number | null {
  return before === null || after === null ? null : round2(after - before);
}
