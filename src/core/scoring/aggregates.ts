// Checks scores given as aggregates (imported or published results) and resolves instrument aliases.
// Every problem is collected, so that an import of a whole province reports all of an agency's errors.
import { type Framework, ZProcessingCondition } from '../framework/schema.ts';
import type { AggregatesInput, NotProcessedReason } from './engine.ts';
import { invalidScoringInput, problem, type ScoringProblem } from './errors.ts';

export interface ValidAggregates {
  /** Instrument scores given directly (aliases expanded); empty when indicators were given. */
  instruments: Record<string, number>;
  indicators?: Record<string, number>;
  notProcessed: Record<string, NotProcessedReason>;
}

/**
 * Parts of one instrument: instruments that score the same indicators and whose codes differ only by a
 * trailing number (EIT1, EIT2 → "EIT"), when the stem is not an instrument itself. Published results often
 * give one EIT score for both parts; a framework with a single EIT simply has no such alias.
 */
export function instrumentAliases(framework: Framework): Map<string, string[]> {
  const codes = new Set(framework.instruments.map((i) => i.code));
  const byStem = new Map<string, typeof framework.instruments>();
  for (const inst of framework.instruments) {
    const stem = inst.code.replace(/[0-9]+$/, '');
    if (stem === inst.code || codes.has(stem)) continue;
    byStem.set(stem, [...(byStem.get(stem) ?? []), inst]);
  }
  const aliases = new Map<string, string[]>();
  for (const [stem, parts] of byStem) {
    const indicators = (i: (typeof parts)[number]) => [...i.indicators].sort().join(',');
    const first = parts[0];
    if (parts.length >= 2 && first && parts.every((p) => indicators(p) === indicators(first)))
      aliases.set(
        stem,
        parts.map((p) => p.code),
      );
  }
  return aliases;
}

export function validateAggregates(framework: Framework, input: AggregatesInput): ValidAggregates {
  const problems: ScoringProblem[] = [];
  const notProcessed = resolveNotProcessed(framework, input.notProcessed ?? {}, problems);
  const processed = framework.instruments.filter((i) => notProcessed[i.code] === undefined);
  const given = input as { indicators?: unknown; instruments?: unknown };

  const result: ValidAggregates = { instruments: {}, notProcessed };
  if ((given.indicators === undefined) === (given.instruments === undefined)) {
    problems.push(
      problem(
        'input_shape',
        '',
        'ต้องระบุคะแนนรายตัวชี้วัด หรือคะแนนรายแบบวัด อย่างใดอย่างหนึ่ง',
        'Give either indicator scores or instrument scores, not both or neither',
      ),
    );
  } else if (input.indicators !== undefined) {
    const known = new Set(framework.indicators.map((i) => i.code));
    for (const [code, score] of Object.entries(input.indicators)) {
      if (!known.has(code))
        problems.push(
          problem(
            'unknown_indicator',
            `indicators.${code}`,
            `ไม่พบตัวชี้วัด ${code} ในกรอบการประเมิน`,
            `Unknown indicator ${code}`,
          ),
        );
      else checkScore(score, `indicators.${code}`, problems);
    }
    const needed = new Set(processed.flatMap((i) => i.indicators));
    for (const code of needed)
      if (!(code in input.indicators))
        problems.push(missingScore(`indicators.${code}`, `ตัวชี้วัด ${code}`, `indicator ${code}`));
    result.indicators = input.indicators;
  } else if (input.instruments !== undefined) {
    const instruments = expandAliases(framework, input.instruments, 'instruments', problems);
    for (const [code, score] of Object.entries(instruments)) {
      checkScore(score, `instruments.${code}`, problems);
      if (notProcessed[code] !== undefined)
        problems.push(
          problem(
            'ambiguous_instrument',
            `instruments.${code}`,
            `แบบวัด ${code} มีคะแนนแต่ถูกระบุว่าไม่ประมวลผล`,
            `Instrument ${code} has a score but is marked as not processed`,
          ),
        );
    }
    for (const inst of processed)
      if (!(inst.code in instruments))
        problems.push(
          missingScore(`instruments.${inst.code}`, `แบบวัด ${inst.code}`, `instrument ${inst.code}`),
        );
    result.instruments = instruments;
  }
  if (problems.length > 0) throw invalidScoringInput(problems);
  return result;
}

function resolveNotProcessed(
  framework: Framework,
  given: Record<string, string>,
  problems: ScoringProblem[],
): Record<string, NotProcessedReason> {
  const reasons = expandAliases(framework, given, 'notProcessed', problems);
  const out: Record<string, NotProcessedReason> = {};
  for (const [code, reason] of Object.entries(reasons)) {
    const parsed = ZProcessingCondition.safeParse(reason);
    if (parsed.success) out[code] = parsed.data;
    else
      problems.push(
        problem(
          'unknown_reason',
          `notProcessed.${code}`,
          `เหตุผลที่ไม่ประมวลผล "${reason}" ไม่ถูกต้อง`,
          `"${reason}" is not a reason for not processing (${ZProcessingCondition.options.join(', ')})`,
        ),
      );
  }
  // Not registered means nothing was processed, whatever else the import says.
  if (Object.values(out).includes('registered'))
    for (const inst of framework.instruments) out[inst.code] = 'registered';
  return out;
}

/** Keys are instrument codes or aliases of their parts; an alias gives every part the same value. */
function expandAliases<T>(
  framework: Framework,
  given: Record<string, T>,
  path: string,
  problems: ScoringProblem[],
): Record<string, T> {
  const aliases = instrumentAliases(framework);
  const codes = framework.instruments.map((i) => i.code);
  const out: Record<string, T> = {};
  for (const [key, value] of Object.entries(given)) {
    const parts = aliases.get(key) ?? (codes.includes(key) ? [key] : undefined);
    if (!parts) {
      problems.push(
        problem(
          'unknown_instrument',
          `${path}.${key}`,
          `ไม่พบแบบวัด ${key} ในกรอบการประเมินปี ${framework.year} (มี ${codes.join(', ')})`,
          `Instrument ${key} is not in the FY${framework.year} framework (it has ${codes.join(', ')})`,
        ),
      );
      continue;
    }
    for (const part of parts) {
      if (part in out)
        problems.push(
          problem(
            'ambiguous_instrument',
            `${path}.${key}`,
            `แบบวัด ${part} ถูกระบุซ้ำ (${key})`,
            `Instrument ${part} is given twice (as ${key} and as its part or alias)`,
          ),
        );
      out[part] = value;
    }
  }
  return out;
}

function checkScore(score: unknown, path: string, problems: ScoringProblem[]) {
  if (typeof score !== 'number' || !Number.isFinite(score) || score < 0 || score > 100)
    problems.push(
      problem(
        'score_out_of_range',
        path,
        `คะแนน ${path} ต้องเป็นตัวเลขตั้งแต่ 0 ถึง 100 (ได้รับ ${String(score)})`,
        `Score ${path} must be a number from 0 to 100 (got ${String(score)})`,
      ),
    );
}

function missingScore(path: string, th: string, en: string): ScoringProblem {
  return problem('missing_score', path, `ไม่มีคะแนน${th}`, `No score for ${en}`);
}
