// The attacks of the relinking test: what someone who reads the database (system columns included) and the
// audit log would try, to tie a row that marks a respondent to the row holding that respondent's answers.
// Each attack makes at most one guess per mark; the test counts the right guesses against chance.

/** A released answer row, as the attacker reads it. */
export interface AnswerRow {
  /** Ground truth (only the test knows it): whose answers these are. */
  respondent: string;
  group: string;
  xmin: bigint;
  /** Physical position (block, offset), i.e. storage order. */
  block: number;
  offset: number;
  day: string;
  /** Whatever the row keeps of the time taken (exact seconds, a band), or null. */
  duration: number | null;
}

/** A row that marks a respondent: used token, EIT respondent hash, approved interview, audit entry. */
export interface MarkRow {
  kind: string;
  respondent: string;
  group: string;
  xmin: bigint;
  block: number;
  offset: number;
  /** A sequence number the table keeps (the audit log's `seq`), if any. */
  seq: number | null;
  /** The day the mark says the response was given, if it says (Bangkok). */
  day: string | null;
  /** The duration the mark reveals, mapped onto what answer rows keep (see AnswerRow.duration), if any. */
  duration: number | null;
}

export interface AttackResult {
  attack: string;
  guesses: number;
  correct: number;
  /** Expected right guesses by chance, and the probability of at least `correct` by chance. */
  expected: number;
  pValue: number;
}

type Guess = (mark: MarkRow, candidates: AnswerRow[]) => AnswerRow | undefined;

const byStorage = (a: { block: number; offset: number }, b: { block: number; offset: number }) =>
  a.block - b.block || a.offset - b.offset;
const byXmin = (a: { xmin: bigint }, b: { xmin: bigint }) => (a.xmin < b.xmin ? -1 : a.xmin > b.xmin ? 1 : 0);

/** Joins on the transaction id: the rows written by the same transaction. */
const sameTransaction: Guess = (mark, candidates) =>
  candidates.filter((c) => c.xmin === mark.xmin).sort(byStorage)[0];

/** The first answer row written at or after the mark (by transaction id), first in storage order. */
const nextTransaction: Guess = (mark, candidates) =>
  candidates.filter((c) => c.xmin >= mark.xmin).sort((a, b) => byXmin(a, b) || byStorage(a, b))[0];

/** Same day, nearest duration (when both sides keep one); ties broken by storage order. */
const dayAndDuration: Guess = (mark, candidates) => {
  if (mark.day === null) return undefined;
  const distance = (c: AnswerRow) =>
    mark.duration === null || c.duration === null ? 0 : Math.abs(c.duration - mark.duration);
  return candidates
    .filter((c) => c.day === mark.day)
    .sort((a, b) => distance(a) - distance(b) || byStorage(a, b))[0];
};

/** Pairs the i-th mark with the i-th answer row, each side sorted by `order`. */
function rankPairing(
  order: (a: MarkRow, b: MarkRow) => number,
  answerOrder: (a: AnswerRow, b: AnswerRow) => number = byStorage,
) {
  return (marks: MarkRow[], answers: AnswerRow[]) => {
    const sortedAnswers = [...answers].sort(answerOrder);
    return new Map([...marks].sort(order).map((m, i) => [m, sortedAnswers[i]] as const));
  };
}

type Pairing = (marks: MarkRow[], answers: AnswerRow[]) => Map<MarkRow, AnswerRow | undefined>;
const perMark =
  (guess: Guess): Pairing =>
  (marks, answers) =>
    new Map(marks.map((m) => [m, guess(m, answers)] as const));

export const ATTACKS: Record<string, Pairing> = {
  'same xmin (one transaction)': perMark(sameTransaction),
  'next xmin after the mark': perMark(nextTransaction),
  'mark order (xmin) = storage order of answers': rankPairing(byXmin),
  'mark storage order = storage order of answers': rankPairing(byStorage),
  'mark order (xmin) = answers by xmin, then storage': rankPairing(
    byXmin,
    (a, b) => byXmin(a, b) || byStorage(a, b),
  ),
  'audit sequence = storage order of answers': (marks, answers) =>
    rankPairing((a, b) => (a.seq ?? 0) - (b.seq ?? 0))(
      marks.filter((m) => m.seq !== null),
      answers,
    ),
  'day + duration': perMark(dayAndDuration),
};

/**
 * Runs every attack on every kind of mark, each mark against the answer rows of its own group (agency and
 * instrument). `chance(mark)` is the probability that a guess is right without any link: one over the
 * anonymity set the design promises for that respondent.
 */
export function runAttacks(
  marks: MarkRow[],
  answers: AnswerRow[],
  chance: (mark: MarkRow) => number,
): AttackResult[] {
  const results: AttackResult[] = [];
  for (const [attack, pairing] of Object.entries(ATTACKS)) {
    const kinds = [...new Set(marks.map((m) => m.kind))];
    for (const kind of kinds) {
      const ofKind = marks.filter((m) => m.kind === kind);
      const groups = [...new Set(ofKind.map((m) => m.group))];
      let guesses = 0;
      let correct = 0;
      const probabilities: number[] = [];
      for (const group of groups) {
        const guessesOf = pairing(
          ofKind.filter((m) => m.group === group),
          answers.filter((a) => a.group === group),
        );
        for (const [mark, guess] of guessesOf) {
          if (!guess) continue;
          guesses += 1;
          probabilities.push(chance(mark));
          if (guess.respondent === mark.respondent) correct += 1;
        }
      }
      if (guesses === 0) continue;
      results.push({
        attack: `${kind}: ${attack}`,
        guesses,
        correct,
        expected: probabilities.reduce((s, p) => s + p, 0),
        pValue: upperTail(probabilities, correct),
      });
    }
  }
  return results;
}

/** P(X ≥ k) for X a sum of independent Bernoulli(p_i) (Poisson-binomial), by dynamic programming. */
export function upperTail(probabilities: readonly number[], k: number): number {
  let dist = [1];
  for (const p of probabilities) {
    const next = new Array<number>(dist.length + 1).fill(0);
    dist.forEach((q, i) => {
      next[i] = (next[i] ?? 0) + q * (1 - p);
      next[i + 1] = (next[i + 1] ?? 0) + q * p;
    });
    dist = next;
  }
  return dist.slice(k).reduce((s, q) => s + q, 0);
}
