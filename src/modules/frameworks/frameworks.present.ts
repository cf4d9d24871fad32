// Rows and engine results → API JSON.
import type { Framework, Localized } from '../../core/framework/schema.ts';
import type { ScoreResult } from '../../core/scoring/index.ts';
import type { VersionSummaryRow } from './frameworks.repo.ts';
import type {
  Compare,
  ComparePair,
  CompareSide,
  FrameworkSummary,
  ScoreOutput,
} from './frameworks.schema.ts';

export function presentSummary(row: VersionSummaryRow): FrameworkSummary {
  return {
    year: row.year,
    name: row.name,
    version: row.version,
    origin: row.origin,
    importedAt: row.importedAt.toISOString(),
    level: row.questions > 0 ? 'question' : 'structure',
    counts: { questions: row.questions, oitItems: row.oitItems },
  };
}

/** The calculator's answer: what a published result shows (instrument scores, total, rating). */
export function presentScore(result: ScoreResult): ScoreOutput {
  const { code, th, en } = result.rating;
  return {
    year: result.year,
    instruments: result.instruments,
    total: result.total,
    rating: en === undefined ? { code, th } : { code, th, en },
  };
}

type Versioned = { version: number; framework: Framework };
interface Item {
  code: string;
  indicator: string;
  text: Localized;
}

function side({ version, framework: f }: Versioned): CompareSide {
  return {
    year: f.year,
    version,
    name: f.name,
    level: f.questions.length > 0 ? 'question' : 'structure',
    instruments: f.instruments.map((i) => ({
      code: i.code,
      name: i.name,
      weight: i.weight,
      indicators: i.indicators,
    })),
    indicators: f.indicators.map((i) => ({ code: i.code, name: i.name, subIndicators: i.subIndicators })),
  };
}

const questionItems = (f: Framework): Item[] =>
  f.questions.map((q) => ({ code: q.code, indicator: q.indicator, text: q.text }));
const oitItems = (f: Framework): Item[] =>
  f.oitItems.map((o) => ({ code: o.code, indicator: o.indicator, text: o.title }));

/**
 * Pairs each current item with the previous year's items it continues, then lists the previous items that
 * nothing continues. With a crosswalk from the previous year its entries decide (several old codes may
 * merge into one); without one, equal codes match.
 */
function pairItems(current: Item[], previous: Item[], crosswalk: Map<string, string[]> | undefined) {
  const byCode = new Map(previous.map((p) => [p.code, p]));
  const used = new Set<string>();
  const pairs: ComparePair[] = current.map((item) => {
    const codes = crosswalk ? (crosswalk.get(item.code) ?? []) : [item.code];
    const matched = codes.flatMap((c) => {
      const p = byCode.get(c);
      return p ? [p] : [];
    });
    for (const p of matched) used.add(p.code);
    return { current: item, previous: matched };
  });
  for (const p of previous) if (!used.has(p.code)) pairs.push({ current: null, previous: [p] });
  return pairs;
}

export function compareView(current: Versioned, previous: Versioned | undefined): Compare {
  const walk = current.framework.crosswalk;
  const crosswalk =
    previous && walk && walk.fromYear === previous.framework.year
      ? walk.codes.reduce(
          (m, { from, to }) => m.set(to, [...(m.get(to) ?? []), from]),
          new Map<string, string[]>(),
        )
      : undefined;
  const prev = previous?.framework;
  const anythingToMatch =
    prev !== undefined && (current.framework.questions.length > 0 || current.framework.oitItems.length > 0);
  return {
    current: side(current),
    previous: previous ? side(previous) : null,
    matchedBy: !anythingToMatch ? 'none' : crosswalk ? 'crosswalk' : 'code',
    questions: pairItems(questionItems(current.framework), prev ? questionItems(prev) : [], crosswalk),
    oitItems: pairItems(oitItems(current.framework), prev ? oitItems(prev) : [], crosswalk),
  };
}
