// Plain-language descriptions of framework rules (sample sizes, rating conditions), in the UI language.
import type { Framework, SampleRule } from '@server/core/framework/schema.ts';
import { agencyTypeWords, sizeClassWords } from '../../lib/agency-words.ts';
import { formatPercent, type Lang } from '../../lib/format.ts';

type T = (key: string, params?: Record<string, unknown>) => string;
type Formula = Extract<SampleRule, { kind: 'formula' }>;
type RatingRule = Framework['rating']['rules'][number];

function describeFormula(f: Formula, t: T): string {
  const parts: string[] = [];
  const share = formatPercent(f.share, f.share * 100 === Math.round(f.share * 100) ? 0 : 2);
  parts.push(
    f.of === 'population'
      ? t('frameworks.sample.shareOfPopulation', { share })
      : t('frameworks.sample.shareOfMinimum', { share, instrument: f.of.minimumOf }),
  );
  parts.push(t('frameworks.sample.atLeast', { n: f.atLeast }));
  if (f.allBelow !== undefined) parts.push(t('frameworks.sample.allBelow', { n: f.allBelow }));
  if (f.cap) parts.push(t('frameworks.sample.cap', { above: f.cap.above, n: f.cap.minimum }));
  return parts.join('; ');
}

/** "20% of the population; at least 30; everyone when fewer than 30; 400 when more than 2,000". */
export function describeSampleRule(rule: SampleRule | undefined, t: T, lang: Lang): string {
  if (!rule) return t('frameworks.sample.none');
  if (rule.kind === 'formula') return describeFormula(rule, t);
  const rows = rule.rows
    .map(
      (r) =>
        `${agencyTypeWords(r.peerGroup, lang)}${r.sizeClass ? ` (${sizeClassWords(r.sizeClass, lang)})` : ''}: ${r.minimum}`,
    )
    .join(', ');
  const table = t('frameworks.sample.table', { rows });
  return rule.otherwise
    ? `${table}; ${t('frameworks.sample.otherwise')} ${describeFormula(rule.otherwise, t)}`
    : table;
}

/** "total ≥ 95 and every instrument ≥ 95", or "otherwise" for the catch-all last rule. */
export function describeRatingRule(rule: RatingRule, t: T): string {
  const parts: string[] = [];
  if (rule.totalAtLeast !== undefined)
    parts.push(t('frameworks.rating.totalAtLeast', { n: rule.totalAtLeast }));
  if (rule.everyInstrumentAtLeast !== undefined)
    parts.push(t('frameworks.rating.everyAtLeast', { n: rule.everyInstrumentAtLeast }));
  if (rule.someInstrumentBelow !== undefined)
    parts.push(t('frameworks.rating.someBelow', { n: rule.someInstrumentBelow }));
  return parts.length ? parts.join(t('frameworks.rating.and')) : t('frameworks.rating.otherwise');
}

/** The instruments that score an indicator (EIT parts 1 and 2 share theirs). */
export function instrumentsOf(framework: Framework, indicatorCode: string): string[] {
  return framework.instruments.filter((i) => i.indicators.includes(indicatorCode)).map((i) => i.code);
}

/** True when the indicator is scored by an open-data (OIT) instrument. */
export function isOpenDataIndicator(framework: Framework, indicatorCode: string): boolean {
  return framework.instruments.some(
    (i) => i.collection === 'open_data' && i.indicators.includes(indicatorCode),
  );
}
