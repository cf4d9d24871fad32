// Paradata of an interview: how long the interviewer spent on each question, captured without any extra
// click. Time runs for the question last touched (focused or answered) until another one is touched or the
// interview ends; time spent before the first question (introductions) belongs to no question.

export interface QuestionTimer {
  /** The interviewer moved to a question (focus or answer); `nowMs` from the caller's clock. */
  touch(code: string, nowMs: number): void;
  /** Seconds per question so far, the running question counted up to `nowMs`. */
  durations(nowMs: number): Record<string, number>;
}

export function questionTimer(): QuestionTimer {
  const spent = new Map<string, number>();
  let current: { code: string; since: number } | null = null;
  const close = (nowMs: number) => {
    if (!current) return;
    spent.set(current.code, (spent.get(current.code) ?? 0) + Math.max(0, nowMs - current.since));
    current.since = nowMs;
  };
  return {
    touch(code, nowMs) {
      if (current?.code === code) return;
      close(nowMs);
      current = { code, since: nowMs };
    },
    durations(nowMs) {
      close(nowMs);
      return Object.fromEntries([...spent].map(([code, ms]) => [code, Math.round(ms / 100) / 10]));
    },
  };
}
