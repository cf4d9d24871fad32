// The advice as the API shows it: each line with the question it cites, the editor's pickers and limits.
import type { CitableQuestion } from '../../core/results/advice.ts';
import { citedQuestion } from '../../core/results/advice.ts';
import type { AdviceInstrument } from '../../core/results/details.ts';
import type { AdviceRow } from './advice.repo.ts';
import { ADVICE_LIMITS, type Advice, type AdviceQuestion } from './advice.schema.ts';

const questionView = (q: CitableQuestion): AdviceQuestion => ({
  displayCode: q.displayCode,
  code: q.code,
  instruments: q.instruments,
  indicator: q.indicator,
  text: q.text,
});

export function presentAdvice(
  agencyId: string,
  year: number,
  row: AdviceRow | null,
  citable: Record<AdviceInstrument, CitableQuestion[]>,
  updatedByName: string | null,
): Advice {
  return {
    agencyId,
    year,
    entries: (row?.entries ?? []).map((e) => {
      const q = e.questionCode === null ? undefined : citedQuestion(citable, e.instrument, e.questionCode);
      return { ...e, question: q ? questionView(q) : null };
    }),
    overall: row?.overall ?? null,
    version: row?.version ?? 0,
    updatedAt: row?.updatedAt.toISOString() ?? null,
    updatedBy: row?.updatedBy && updatedByName !== null ? { id: row.updatedBy, name: updatedByName } : null,
    questions: { IIT: citable.IIT.map(questionView), EIT: citable.EIT.map(questionView) },
    limits: { ...ADVICE_LIMITS },
  };
}
