// The editor's draft of a measures document: the content as the server keeps it, edited locally, and the
// rules the page needs (what a new measure starts as, what a library entry fills in, problems before save).
import type { LibraryEntry, MeasuresContent } from '../../api/measures.ts';

export type Draft = MeasuresContent;
export type DraftMeasure = Draft['measures'][number];
export type DraftPoint = Draft['weakPoints'][number];

const uuid = () => crypto.randomUUID();

/** The fiscal year's months (Gregorian "YYYY-MM"): October of the year before to September. */
export function fiscalMonths(beYear: number): { from: string; to: string } {
  const y = beYear - 543;
  return { from: `${y - 1}-10`, to: `${y}-09` };
}

export function newMeasure(year: number, point?: DraftPoint): DraftMeasure {
  return {
    id: uuid(),
    title: '',
    weakPointIds: point ? [point.id] : [],
    indicators: [],
    steps: [''],
    divisionIds: [],
    ...fiscalMonths(year),
    monitoring: '',
  };
}

/** A library entry's words, over what the measure had (its targets, divisions and period stay). */
export function fromLibrary(m: DraftMeasure, entry: LibraryEntry): DraftMeasure {
  return { ...m, title: entry.title, steps: [...entry.steps], monitoring: entry.monitoring };
}

export function newPoint(indicator: string, instrument: DraftPoint['instrument']): DraftPoint {
  return { id: uuid(), instrument, indicator, questionCodes: [], score: null, class: 'develop', text: '' };
}

/** Problems per measure id (keys of the catalogue), empty when it can be saved. */
export function draftProblems(draft: Draft): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const m of draft.measures) {
    const p: string[] = [];
    if (!m.title.trim()) p.push('measures.problem.title');
    if (m.weakPointIds.length + m.indicators.length === 0) p.push('measures.problem.target');
    if (m.steps.every((s) => !s.trim())) p.push('measures.problem.steps');
    if (m.divisionIds.length === 0) p.push('measures.problem.divisions');
    if (!/^\d{4}-\d{2}$/.test(m.from) || !/^\d{4}-\d{2}$/.test(m.to) || m.from > m.to)
      p.push('measures.problem.period');
    if (!m.monitoring.trim()) p.push('measures.problem.monitoring');
    if (p.length) out.set(m.id, p);
  }
  for (const w of draft.weakPoints) if (!w.text.trim()) out.set(w.id, ['measures.problem.pointText']);
  return out;
}

/** What is sent: empty steps dropped, a removed weak point no longer targeted. */
export function contentOf(draft: Draft): MeasuresContent {
  const points = new Set(draft.weakPoints.map((p) => p.id));
  return {
    ...draft,
    measures: draft.measures.map((m) => ({
      ...m,
      steps: m.steps.map((s) => s.trim()).filter(Boolean),
      weakPointIds: m.weakPointIds.filter((id) => points.has(id)),
    })),
  };
}
