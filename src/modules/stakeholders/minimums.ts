// Which of a framework's instruments are surveys, which population each draws on, and its minimum sample
// for one agency. The framework decides (collection kind and sample rule); no instrument code is hard-wired.
import type { Framework, Instrument } from '../../core/framework/schema.ts';
import { minimumSample } from '../../core/scoring/index.ts';
import { type ProgressEntry, surveyProgress } from '../../core/surveys/index.ts';

export interface Populations {
  iitPopulation: number | null;
  eitPopulation: number | null;
}
export interface AgencyClass {
  peerGroup: string | null;
  sizeClass: string | null;
}

const SURVEY_COLLECTIONS: readonly Instrument['collection'][] = [
  'internal_staff',
  'external_self',
  'external_assessor',
];

/** Survey instruments in framework order (IIT, EIT1, EIT2 in FY2568). */
export const surveyInstruments = (framework: Framework): Instrument[] =>
  framework.instruments.filter((i) => SURVEY_COLLECTIONS.includes(i.collection) && i.sample !== undefined);

/** Staff answer the IIT; service users (self-response or interviewed) the EIT parts. */
const populationOf = (i: Instrument, p: Populations) =>
  i.collection === 'internal_staff' ? p.iitPopulation : p.eitPopulation;

/**
 * Minimum per survey instrument, null while its population is unknown — or when the framework's table has
 * no row for the agency's peer group and size (shown as "unknown", never a failure of the whole list).
 */
export function minimumsFor(
  framework: Framework,
  agency: AgencyClass,
  populations: Populations,
): Record<string, number | null> {
  const out: Record<string, number | null> = {};
  for (const instrument of surveyInstruments(framework)) {
    const population = populationOf(instrument, populations);
    if (population === null) {
      out[instrument.code] = null;
      continue;
    }
    try {
      out[instrument.code] = minimumSample(framework, instrument.code, {
        population,
        ...(agency.peerGroup === null ? {} : { peerGroup: agency.peerGroup }),
        ...(agency.sizeClass === null ? {} : { sizeClass: agency.sizeClass }),
      });
    } catch {
      out[instrument.code] = null;
    }
  }
  return out;
}

export type InstrumentProgress = ProgressEntry & { name: { th: string; en?: string | undefined } };

/** Counted / minimum per survey instrument, with the instrument's name. Never a score. */
export function progressOf(
  framework: Framework,
  agency: AgencyClass,
  populations: Populations,
  counted: Readonly<Record<string, number>>,
): InstrumentProgress[] {
  const names = new Map(framework.instruments.map((i) => [i.code, i.name]));
  return surveyProgress(minimumsFor(framework, agency, populations), counted).map((e) => ({
    ...e,
    name: names.get(e.instrument) ?? { th: e.instrument },
  }));
}

/** How far behind an agency is: its lowest percent; an unknown minimum counts as not started at all. */
export const lowestPercent = (entries: readonly ProgressEntry[]): number =>
  entries.length === 0 ? 100 : Math.min(...entries.map((e) => (e.percent === null ? -1 : e.percent)));
