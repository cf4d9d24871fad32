// Turns the calculator's form (text per code) into the score API's body, or says what is missing.
export type ScoreMode = 'indicators' | 'instruments';

export type ScoreFormResult =
  | { ok: true; body: { indicators: Record<string, number> } | { instruments: Record<string, number> } }
  | { ok: false; missing: string[]; outOfRange: string[] };

export function toScoreBody(
  mode: ScoreMode,
  codes: readonly string[],
  values: Record<string, string>,
): ScoreFormResult {
  const scores: Record<string, number> = {};
  const missing: string[] = [];
  const outOfRange: string[] = [];
  for (const code of codes) {
    const raw = (values[code] ?? '').trim().replace(',', '.');
    if (raw === '') {
      missing.push(code);
      continue;
    }
    const n = Number(raw);
    if (!Number.isFinite(n) || n < 0 || n > 100) outOfRange.push(code);
    else scores[code] = n;
  }
  if (missing.length || outOfRange.length) return { ok: false, missing, outOfRange };
  return { ok: true, body: mode === 'indicators' ? { indicators: scores } : { instruments: scores } };
}
