// What of an agency's result may be shown to the public (issue 11 §1): groups under 5 responses are never
// shown. An instrument scored from 1–4 responses shows neither its score nor its n ("suppressed"). Hiding that
// one cell is not enough: the total is public and is the weighted sum of the instruments, so the hidden score
// could be worked out from the total, the weights and the other instruments' scores. So the scores of the
// other survey instruments are withheld too (complementary suppression: with two unknowns and one equation
// nothing can be solved), and so is every indicator scored by a withheld instrument. Open-data instruments
// (OIT: n is null, no respondents) are never affected. No responses at all (n = 0) is not a small group:
// nothing was answered, the instrument was not processed and scores 0 by rule, and the reason is shown.

/** Fewest responses an instrument's score is shown from. */
export const MIN_DISCLOSED_RESPONSES = 5;

export type SuppressionCode = 'small_group' | 'complementary';

export interface Suppression {
  code: SuppressionCode;
  th: string;
  en: string;
}

export const SUPPRESSION_TEXT: Record<SuppressionCode, Suppression> = {
  small_group: {
    code: 'small_group',
    th: `ไม่แสดงผล เนื่องจากมีผู้ตอบน้อยกว่า ${MIN_DISCLOSED_RESPONSES} คน (คุ้มครองผู้ตอบ)`,
    en: `Not shown: fewer than ${MIN_DISCLOSED_RESPONSES} responses (to protect respondents)`,
  },
  complementary: {
    code: 'complementary',
    th: 'ไม่แสดงคะแนน เพื่อไม่ให้คำนวณย้อนหาคะแนนของเครื่องมือที่มีผู้ตอบน้อยกว่าเกณฑ์ได้',
    en: 'Score not shown so that the score of an instrument with too few responses cannot be worked out',
  },
};

export interface InstrumentCount {
  code: string;
  /** Counted responses; null for open data (no respondents). */
  n: number | null;
}

/** A group of `n` responses too small to show (1 to MIN_DISCLOSED_RESPONSES − 1). */
export const tooFewResponses = (n: number | null): boolean =>
  n !== null && n > 0 && n < MIN_DISCLOSED_RESPONSES;

/** Each instrument's suppression (absent when shown), per the rule above. */
export function suppressedInstruments(instruments: readonly InstrumentCount[]): Map<string, Suppression> {
  const out = new Map<string, Suppression>();
  const small = instruments.filter((i) => tooFewResponses(i.n));
  if (small.length === 0) return out;
  for (const i of instruments) {
    if (i.n === null) continue;
    out.set(i.code, tooFewResponses(i.n) ? SUPPRESSION_TEXT.small_group : SUPPRESSION_TEXT.complementary);
  }
  return out;
}

/** Whether an indicator scored by `scoredBy` (instrument codes) must be withheld. */
export const indicatorSuppressed = (
  scoredBy: readonly string[],
  suppressed: ReadonlyMap<string, Suppression>,
): boolean => scoredBy.some((code) => suppressed.has(code));
