// Rows → the lessons-learned answer: the core rules' figures with the framework's words and the agencies'
// names. Nothing here decides a figure; what is withheld (groups under 5) was decided by core/lessons.
import type { Framework } from '../../core/framework/schema.ts';
import {
  agenciesThatFell,
  failedOitItems,
  groupHeatmap,
  indicatorHeatmap,
  type LastYear,
  type LessonsAgency,
  ratingDistribution,
  scopeSummary,
  topPerformers,
  weakestQuestions,
} from '../../core/lessons/aggregate.ts';
import { readTarget } from '../../core/lessons/target.ts';
import { displayCodeOf } from '../../core/results/display.ts';
import { AGENCY_TYPE_LABELS } from '../../shared/agency-type-labels.ts';
import { AGENCY_TYPES } from '../../shared/agency-types.ts';
import type { AgencyProfile } from '../agencies/index.ts';
import type { LastYearFigures, ScopeResult } from '../results/index.ts';
import type { TargetRow } from './lessons.repo.ts';
import type { Lessons, ScopeOption } from './lessons.schema.ts';

/** How many OIT items and how many questions per survey instrument the lists show. */
export const FAILED_ITEMS_SHOWN = 10;
export const WEAK_QUESTIONS_SHOWN = 5;
/** The best agencies of each type (ties at the cut included). */
export const TOP_PER_TYPE = 3;

export interface LessonsInput {
  year: number;
  scope: ScopeOption;
  published: {
    publication: { id: string; publishAt: Date; reason: string | null };
    framework: Framework;
    frameworkVersion: number | null;
    rows: ScopeResult[];
  };
  lastYear: Map<string, LastYearFigures>;
  target: TargetRow | null;
  profiles: Map<string, AgencyProfile>;
  /** The nation's provinces by code (a heatmap row per province); null for a province or ministry. */
  provinces: Map<string, { th: string; en: string | null }> | null;
  canSetTarget: boolean;
}

const ratingWords = (framework: Framework, code: string) => {
  const rule = framework.rating.rules.find((r) => r.code === code);
  return rule ? { code, th: rule.label.th, en: rule.label.en ?? null } : { code, th: code, en: null };
};

export function presentLessons(input: LessonsInput): Lessons {
  const { framework, rows } = input.published;
  const agencies: LessonsAgency[] = rows.flatMap((r) => {
    const profile = input.profiles.get(r.agencyId);
    if (!profile) return [];
    return [
      {
        id: r.agencyId,
        type: profile.type,
        total: r.total,
        ratingCode: r.ratingCode,
        passes: r.passes,
        instruments: Object.fromEntries(Object.entries(r.instruments).map(([code, i]) => [code, { n: i.n }])),
        indicators: r.indicators,
        questions: r.questions,
      },
    ];
  });
  const agencyOf = (id: string) => {
    const p = input.profiles.get(id) as AgencyProfile;
    return {
      id,
      code: p.code,
      nameTh: p.nameTh,
      nameEn: p.nameEn,
      type: { code: p.type, ...AGENCY_TYPE_LABELS[p.type] },
    };
  };
  const byId = new Map(agencies.map((a) => [a.id, a]));
  const lastYear: Map<string, LastYear> = input.lastYear;
  const totals = agencies.map((a) => a.total);
  const summary = scopeSummary(agencies, lastYear);
  const national = framework.rating.nationalTargetShare;
  const indicators = framework.indicators.map((i) => i.code);
  const openData = framework.instruments.find((i) => i.collection === 'open_data');
  const surveys = framework.instruments.filter((i) => i.collection !== 'open_data').map((i) => i.code);
  const heatmapRows = indicatorHeatmap(framework, indicators, agencies);
  const provinces = input.provinces;
  const questionOf = new Map(framework.questions.map((q) => [q.code, q]));
  const itemOf = new Map(framework.oitItems.map((o) => [o.code, o]));
  return {
    year: input.year,
    scope: input.scope,
    publication: {
      id: input.published.publication.id,
      publishAt: input.published.publication.publishAt.toISOString(),
      reason: input.published.publication.reason,
    },
    framework: {
      year: framework.year,
      version: input.published.frameworkVersion,
      passThreshold: framework.rating.passThreshold,
      nationalTargetShare: national ?? null,
    },
    summary: { ...summary, lastYear: { year: input.year - 1, ...summary.lastYear } },
    targets: {
      national:
        national === undefined
          ? null
          : readTarget(totals, { threshold: framework.rating.passThreshold, share: national }),
      own: input.target
        ? {
            ...readTarget(totals, { threshold: input.target.threshold, share: input.target.share }),
            updatedAt: input.target.updatedAt.toISOString(),
          }
        : null,
    },
    canSetTarget: input.canSetTarget,
    ratings: ratingDistribution(
      framework.rating.rules.map((r) => r.code),
      agencies,
      lastYear,
    ).map((r) => ({
      ...ratingWords(framework, r.code),
      passes: framework.rating.rules.find((x) => x.code === r.code)?.passes ?? null,
      count: r.count,
      share: r.share,
      lastYear: r.lastYear,
      change: r.change,
    })),
    heatmap: {
      indicators: framework.indicators.map((i) => ({ code: i.code, name: i.name })),
      provinces: provinces
        ? groupHeatmap(heatmapRows, (id) => input.profiles.get(id)?.provinceCode ?? null).map((g) => ({
            code: g.group,
            name: provinces.get(g.group) ?? { th: g.group, en: null },
            agencies: g.agencies,
            total: g.total,
            cells: g.cells,
            counted: g.counted,
          }))
        : null,
      rows: heatmapRows.map((row) => ({
        agency: agencyOf(row.agencyId),
        total: row.total,
        rating: ratingWords(framework, (byId.get(row.agencyId) as LessonsAgency).ratingCode),
        cells: row.cells,
      })),
    },
    oitItems: openData
      ? failedOitItems(agencies, openData.code, FAILED_ITEMS_SHOWN).map((f) => {
          const item = itemOf.get(f.code);
          return {
            code: f.code,
            indicator: item?.indicator ?? '',
            title: item?.title ?? { th: f.code },
            assessed: f.assessed,
            failed: f.failed,
          };
        })
      : [],
    questions: weakestQuestions(agencies, surveys, framework.rating.passThreshold, WEAK_QUESTIONS_SHOWN).map(
      (f) => {
        const q = questionOf.get(f.code);
        return {
          instrument: f.instrument,
          code: displayCodeOf(framework, f.instrument, f.code) ?? f.code,
          indicator: q?.indicator ?? '',
          text: q?.text ?? { th: f.code },
          assessed: f.assessed,
          failed: f.failed,
          mean: f.mean,
        };
      },
    ),
    topPerformers: topPerformers(agencies, AGENCY_TYPES, TOP_PER_TYPE).map((g) => ({
      type: { code: g.type, ...AGENCY_TYPE_LABELS[g.type] },
      agencies: g.agencyIds.map((id) => {
        const a = byId.get(id) as LessonsAgency;
        return { agency: agencyOf(id), total: a.total, rating: ratingWords(framework, a.ratingCode) };
      }),
    })),
    fell: agenciesThatFell(agencies, lastYear).map((f) => ({
      agency: agencyOf(f.agencyId),
      total: f.total,
      rating: ratingWords(framework, (byId.get(f.agencyId) as LessonsAgency).ratingCode),
      lastYear: {
        total: f.lastYear.total,
        rating: ratingWords(framework, f.lastYear.ratingCode),
        source: f.lastYear.source,
      },
      change: f.change,
      lostPass: f.lostPass,
    })),
  };
}
