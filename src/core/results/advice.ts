// Which questions the assessors' advice may cite (issue 10 §3): advice is written on the IIT or on the EIT
// (parts 1 and 2 ask the same questions), citing a question by the code ITAS shows — i2, ES2, EP4 in FY2568,
// I20 or E2 in FY2566. A code is accepted when an instrument of that survey asks the question of the
// agency's type under that display code; case is ignored ("I2" for "i2") and the framework's spelling stored.
import type { AgencyType } from '../../shared/agency-types.ts';
import type { Framework, Instrument, Localized } from '../framework/schema.ts';
import { appliesTo } from '../scoring/index.ts';
import type { AdviceInstrument } from './details.ts';
import { displayCodeOf } from './display.ts';

/** The framework collections each advice instrument covers. */
export const ADVICE_COLLECTIONS: Record<AdviceInstrument, readonly Instrument['collection'][]> = {
  IIT: ['internal_staff'],
  EIT: ['external_self', 'external_assessor'],
};

export interface CitableQuestion {
  displayCode: string;
  code: string;
  /** The framework instruments that show the question under this display code. */
  instruments: string[];
  indicator: string;
  text: Localized;
}

/** Per advice instrument, the questions it may cite for an agency of this type, in framework order. */
export function citableQuestions(
  framework: Framework,
  agencyType: AgencyType,
): Record<AdviceInstrument, CitableQuestion[]> {
  const out: Record<AdviceInstrument, CitableQuestion[]> = { IIT: [], EIT: [] };
  for (const group of ['IIT', 'EIT'] as const) {
    const byDisplay = new Map<string, CitableQuestion>();
    const instruments = framework.instruments.filter((i) => ADVICE_COLLECTIONS[group].includes(i.collection));
    // Part 1's codes first (ES1…ES9), then part 2's (EP1…EP9): the order agencies read them in ITAS.
    for (const inst of instruments)
      for (const q of framework.questions) {
        if (!appliesTo(q, agencyType)) continue;
        const shown = displayCodeOf(framework, inst.code, q.code);
        if (shown === undefined) continue;
        const known = byDisplay.get(shown);
        if (known) known.instruments.push(inst.code);
        else
          byDisplay.set(shown, {
            displayCode: shown,
            code: q.code,
            instruments: [inst.code],
            indicator: q.indicator,
            text: q.text,
          });
      }
    out[group] = [...byDisplay.values()];
  }
  return out;
}

/** The cited question (matched ignoring case), or undefined when the survey does not ask it of the agency. */
export function citedQuestion(
  citable: Record<AdviceInstrument, CitableQuestion[]>,
  instrument: AdviceInstrument,
  displayCode: string,
): CitableQuestion | undefined {
  const wanted = displayCode.toLowerCase();
  return citable[instrument].find((q) => q.displayCode.toLowerCase() === wanted);
}
