// What the public sees: the licence, the publication, groups of agencies (the breakdowns) and one agency's
// page, built from the agency report (results' presentReport: the same figures as the agency's own report)
// with the disclosure rule applied (core/results/disclosure.ts: groups under 5 responses never shown).
import { indicatorSuppressed, suppressedInstruments } from '../../core/results/disclosure.ts';
import { round2 } from '../../core/results/report-rules.ts';
import type { AgencyReport, PublicPublication } from '../results/index.ts';
import type {
  AgencyPage,
  Group,
  Licence,
  PublicAgency,
  PublicPublicationInfo,
} from './public-results.schema.ts';

/** Chosen for the open data: an international licence anyone can read, needing only attribution. */
export const LICENCE: Licence = {
  id: 'CC-BY-4.0',
  name: 'Creative Commons Attribution 4.0 International (CC BY 4.0)',
  url: 'https://creativecommons.org/licenses/by/4.0/',
  attribution: {
    th: 'ที่มา: ผลการประเมินคุณธรรมและความโปร่งใสในการดำเนินงานของหน่วยงานภาครัฐ (ITA) สำนักงาน ป.ป.ช.',
    en: 'Source: Integrity and Transparency Assessment (ITA) results, Office of the NACC',
  },
};

export const publicationInfo = (p: PublicPublication): PublicPublicationInfo => ({
  id: p.id,
  publishAt: p.publishAt.toISOString(),
  correction: p.supersedes === null ? null : { supersedes: p.supersedes, reason: p.reason },
});

/** Mean of totals, two decimals; null for none. */
export const meanOf = (totals: readonly number[]): number | null =>
  totals.length === 0 ? null : round2(totals.reduce((a, b) => a + b, 0) / totals.length);

/** A share (0–1) to four decimals; null of nothing. */
const share = (part: number, whole: number) =>
  whole === 0 ? null : Math.round((part / whole) * 10_000) / 10_000;

export interface Scored {
  total: number;
  passes: boolean;
}

/** One group of a breakdown. */
export function groupOf(
  key: { code: string | null; th: string; en: string | null },
  members: readonly Scored[],
): Group {
  const passing = members.filter((m) => m.passes).length;
  return {
    ...key,
    agencies: members.length,
    mean: meanOf(members.map((m) => m.total)),
    passing,
    sharePassing: share(passing, members.length),
  };
}

export { share };

/** The public page of one agency: its report, minus what is private, with small groups withheld. */
export function presentAgencyPage(
  report: AgencyReport,
  agency: PublicAgency,
  publication: PublicPublication,
  checkpoint: AgencyPage['checkpoint'],
  licence: Licence,
): AgencyPage {
  const suppressed = suppressedInstruments(report.instruments);
  return {
    year: report.year,
    publication: publicationInfo(publication),
    checkpoint,
    licence,
    agency,
    total: report.total,
    rating: report.rating,
    passes: report.passes,
    passThreshold: report.passThreshold,
    instruments: report.instruments.map((i) => {
      const s = suppressed.get(i.code) ?? null;
      const small = s?.code === 'small_group';
      return {
        code: i.code,
        name: i.name,
        weight: i.weight,
        score: s ? null : i.score,
        n: small ? null : i.n,
        minimum: i.minimum,
        population: i.population,
        marginOfError: s ? null : i.marginOfError,
        notProcessed: i.notProcessed,
        suppressed: s,
      };
    }),
    indicators: report.indicators.map((ind) => {
      const hidden = indicatorSuppressed(ind.instruments, suppressed);
      return {
        order: ind.order,
        code: ind.code,
        name: ind.name,
        instruments: ind.instruments,
        score: hidden ? null : ind.score,
        threshold: ind.threshold,
        passes: hidden ? null : ind.passes,
        suppressed: hidden,
      };
    }),
    oitItems: report.oitItems.map((item) => ({
      code: item.code,
      displayCode: item.displayCode,
      title: item.title,
      indicator: item.indicator,
      subIndicator: item.subIndicator,
      score: item.score,
      componentsFound: item.components.some((c) => c.found === null)
        ? null
        : item.components.filter((c) => c.found).length,
      components: item.components.length,
    })),
    history: report.history.map((h) => ({ year: h.year, total: h.total, rating: h.rating })),
  };
}
