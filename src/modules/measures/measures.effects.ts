// Whether each measure worked (issue 12 §2): its targets (indicators, and the questions of the weak points it
// answers) in the source year's snapshot against the measures year's published result, by the one rule of
// src/core/measures/effect.ts. 'pending' until the measures year is published.

import type { z } from 'zod';
import type { AppDeps } from '../../app/context.ts';
import type { Actor } from '../../core/authz.ts';
import type { MeasuresSource } from '../../core/measures/content.ts';
import {
  type MeasureEffect,
  measureEffect,
  questionKey,
  type YearScores,
} from '../../core/measures/effect.ts';
import type { AgencyReport } from '../results/index.ts';
import type { MeasureDocumentRow } from './measures.repo.ts';
import type { ZEffect } from './measures.schema.ts';
import { publishedReportOrNull } from './measures.source.ts';

type Deps = Pick<AppDeps, 'db' | 'now'>;

function scoresOfSource(source: MeasuresSource): YearScores {
  const questions: Record<string, number> = {};
  for (const q of source.questions) questions[questionKey(q.instrument, q.displayCode)] = q.score;
  for (const o of source.oitItems)
    if (o.score !== null) questions[questionKey('OIT', o.displayCode)] = o.score;
  return { indicators: Object.fromEntries(source.indicators.map((i) => [i.code, i.score])), questions };
}

function scoresOfReport(report: AgencyReport): YearScores {
  const questions: Record<string, number> = {};
  for (const q of report.questions)
    questions[questionKey(q.instrument === 'IIT' ? 'IIT' : 'EIT', q.displayCode)] = q.score;
  for (const o of report.oitItems)
    if (o.score !== null) questions[questionKey('OIT', o.displayCode)] = o.score;
  return { indicators: Object.fromEntries(report.indicators.map((i) => [i.code, i.score])), questions };
}

/** Per measure of the document in force: the effect on its targets in the measures year's published result. */
export async function effectsOf(
  deps: Deps,
  actor: Actor,
  agencyId: string,
  doc: MeasureDocumentRow,
): Promise<z.infer<typeof ZEffect>[]> {
  const next = await publishedReportOrNull(deps, actor, agencyId, doc.year);
  const before = scoresOfSource(doc.source);
  const after = next ? scoresOfReport(next) : null;
  const points = new Map(doc.content.weakPoints.map((p) => [p.id, p]));
  return doc.content.measures.map((m) => {
    const targeted = m.weakPointIds.map((id) => points.get(id)).filter((p) => p !== undefined);
    const effect: MeasureEffect = measureEffect(
      {
        indicators: [...m.indicators, ...targeted.map((p) => p.indicator)],
        questions: targeted.flatMap((p) =>
          p.questionCodes.map((code) => ({ instrument: p.instrument, code })),
        ),
      },
      before,
      after,
    );
    return { measureId: m.id, ...effect };
  });
}
