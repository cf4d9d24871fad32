// Minimum number of respondents an instrument needs before it is processed. The rule is framework data
// (seed 004: a formula; a published FY2568 manual page: a table by peer group and size), never code.
import type { Framework, SampleRule } from '../framework/schema.ts';
import { FrameworkRuleError, ScoringInputError } from './errors.ts';

type SampleFormula = Extract<SampleRule, { kind: 'formula' }>;

export interface MinimumSampleInput {
  /** The instrument's population: staff with ≥ 1 year of service (IIT) or the estimated users (EIT). */
  population: number;
  /** The agency's peer group and size class, as a table rule's rows name them. */
  peerGroup?: string;
  sizeClass?: string;
}

export function minimumSample(
  framework: Framework,
  instrumentCode: string,
  input: MinimumSampleInput,
): number {
  const { population } = input;
  if (!Number.isSafeInteger(population) || population < 0)
    throw new ScoringInputError(
      'invalid_population',
      `จำนวนประชากรต้องเป็นจำนวนเต็มตั้งแต่ 0 ขึ้นไป (ได้รับ ${population})`,
      `The population must be a whole number of at least 0 (got ${population})`,
      { instrument: instrumentCode, population },
    );
  return minimumFor(framework, instrumentCode, input, []);
}

// `chain` holds the instruments whose minimum is being computed, to catch A → B → A before it overflows;
// the schema rejects only an instrument that refers to itself.
function minimumFor(
  framework: Framework,
  instrumentCode: string,
  input: MinimumSampleInput,
  chain: string[],
): number {
  if (chain.includes(instrumentCode))
    throw new FrameworkRuleError(
      'sample_rule_cycle',
      `เกณฑ์กลุ่มตัวอย่างขั้นต่ำอ้างอิงกันเป็นวง: ${[...chain, instrumentCode].join(' → ')}`,
      `The minimum-sample rules refer to each other in a cycle: ${[...chain, instrumentCode].join(' → ')}`,
      { chain: [...chain, instrumentCode] },
    );
  const instrument = framework.instruments.find((i) => i.code === instrumentCode);
  if (!instrument)
    throw new FrameworkRuleError(
      'unknown_instrument',
      `ไม่พบแบบวัด ${instrumentCode} ในกรอบการประเมินปี ${framework.year}`,
      `Instrument ${instrumentCode} is not in the FY${framework.year} framework`,
      { instrument: instrumentCode, year: framework.year },
    );
  const rule = instrument.sample;
  if (!rule)
    throw new FrameworkRuleError(
      'no_sample_rule',
      `แบบวัด ${instrumentCode} ไม่มีเกณฑ์กลุ่มตัวอย่างขั้นต่ำในกรอบการประเมินปี ${framework.year}`,
      `Instrument ${instrumentCode} has no minimum-sample rule in the FY${framework.year} framework`,
      { instrument: instrumentCode, year: framework.year },
    );
  const nextChain = [...chain, instrumentCode];
  if (rule.kind === 'formula') return applyFormula(framework, rule, input, nextChain);

  const row = tableRow(rule, input);
  if (row) return row.minimum;
  if (rule.otherwise) return applyFormula(framework, rule.otherwise, input, nextChain);
  throw new FrameworkRuleError(
    'no_sample_row',
    `ไม่พบเกณฑ์กลุ่มตัวอย่างขั้นต่ำของแบบวัด ${instrumentCode} สำหรับกลุ่ม "${input.peerGroup ?? '-'}" ขนาด "${input.sizeClass ?? '-'}"`,
    `No minimum-sample row of ${instrumentCode} for peer group "${input.peerGroup ?? '-'}", size "${input.sizeClass ?? '-'}"`,
    { instrument: instrumentCode, peerGroup: input.peerGroup, sizeClass: input.sizeClass },
  );
}

// A row that names the size class beats one that covers the whole peer group, whatever their order:
// tables are written by hand and "SAO, any size" may well come first.
function tableRow(rule: Extract<SampleRule, { kind: 'table' }>, input: MinimumSampleInput) {
  if (input.peerGroup === undefined) return undefined;
  const sameGroup = rule.rows.filter((r) => r.peerGroup === input.peerGroup);
  return (
    sameGroup.find((r) => r.sizeClass !== undefined && r.sizeClass === input.sizeClass) ??
    sameGroup.find((r) => r.sizeClass === undefined)
  );
}

function applyFormula(
  framework: Framework,
  formula: SampleFormula,
  input: MinimumSampleInput,
  chain: string[],
): number {
  const { population } = input;
  if (formula.allBelow !== undefined && population < formula.allBelow) return population;
  if (formula.cap && population > formula.cap.above) return formula.cap.minimum;
  const base =
    formula.of === 'population' ? population : minimumFor(framework, formula.of.minimumOf, input, chain);
  return Math.max(formula.atLeast, ceilOfShare(formula.share, base));
}

// 0.7 × 100 is 70.00000000000001 in binary floating point, and a plain Math.ceil would ask for 71 people.
// Shares are short decimals, so reading the product to 12 significant digits first removes that noise.
function ceilOfShare(share: number, base: number): number {
  return Math.ceil(Number((share * base).toPrecision(12)));
}
