// Whether an instrument is processed (seed 004, "เงื่อนไขการคำนวณและแสดงผลการประเมิน"): an agency that
// did not register gets nothing processed; otherwise each instrument's own listed conditions must hold.
import type { Instrument } from '../framework/schema.ts';
import type { NotProcessedReason, ProcessingContext } from './engine.ts';
import { problem, type ScoringProblem } from './errors.ts';

/**
 * The first of the instrument's conditions that fails, or undefined when it is processed. Facts the
 * framework needs but the caller did not supply are noted as problems rather than guessed.
 */
export function processingFailure(
  instrument: Instrument,
  context: ProcessingContext,
  responseCount: number,
  problems: ScoringProblem[],
): NotProcessedReason | undefined {
  // Registration gates everything, whether or not an instrument lists it.
  if (!context.registered) return 'registered';
  const code = instrument.code;
  for (const condition of instrument.processing) {
    switch (condition) {
      case 'registered':
        break;
      case 'population_entered': {
        const entered = context.populationEntered[code];
        if (entered === undefined) {
          problems.push(missing(`processing.populationEntered.${code}`, code, 'population'));
          return undefined;
        }
        if (!entered) return condition;
        break;
      }
      case 'minimum_sample': {
        const minimum = context.minimumSample[code];
        if (minimum === undefined || !Number.isSafeInteger(minimum) || minimum < 0) {
          problems.push(missing(`processing.minimumSample.${code}`, code, 'minimum'));
          return undefined;
        }
        if (responseCount < minimum) return condition;
        break;
      }
      case 'answered':
        // For open data, "answered as required" is a fact of the workflow (submitted and approved); for a
        // survey it can only mean that somebody answered.
        if (instrument.collection === 'open_data' ? !context.oitAnswered : responseCount === 0)
          return condition;
        break;
    }
  }
  return undefined;
}

function missing(path: string, instrument: string, what: 'population' | 'minimum'): ScoringProblem {
  return what === 'population'
    ? problem(
        'missing_context',
        path,
        `ไม่ได้ระบุว่าแบบวัด ${instrument} กรอกข้อมูลผู้มีส่วนได้ส่วนเสียแล้วหรือไม่`,
        `Whether the stakeholder data of ${instrument} was entered is not given`,
      )
    : problem(
        'missing_context',
        path,
        `ไม่ได้ระบุจำนวนกลุ่มตัวอย่างขั้นต่ำของแบบวัด ${instrument} (จำนวนเต็มตั้งแต่ 0)`,
        `The minimum sample of ${instrument} (a whole number of at least 0) is not given`,
      );
}
