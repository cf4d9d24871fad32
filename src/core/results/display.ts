// The code a question carries in the report: the one ITAS shows and agencies cite in their own documents
// ("ข้อ i2", "ข้อ ES2", "ข้อ EP4–EP8"), which may differ per instrument where EIT parts 1 and 2 ask the same
// questions.
//
// The rule, in order:
//   1. the framework's own `display` code for that instrument (FY2568 ships them: IIT i1–i15 as seed 004
//      cites them; EIT part 1 ES1–ES9 and part 2 EP1–EP9 — seed 004 cites ES2, EP4, EP5, EP7, EP8 in the
//      order of the questions, three per indicator; which prefix marks which part is our reading: ES for the
//      self-response part 1, EP for the purposive sample the assessors collect in part 2);
//   2. otherwise the question's (or OIT item's) own code. Seed 002 (FY2566) cites I20, I23, I24, E2, E3, E5
//      and O42 — exactly the FY2566 framework's codes — so the rule holds there; for FY2567 (same codes) and
//      for an imported framework without display codes it is an assumption: the code the file gives.
import type { Framework } from '../framework/schema.ts';

/**
 * How `instrument` shows question (or OIT item) `code`; undefined when the instrument does not ask it (an
 * EIT question under IIT, an OIT item under EIT, an unknown code).
 */
export function displayCodeOf(framework: Framework, instrument: string, code: string): string | undefined {
  const inst = framework.instruments.find((i) => i.code === instrument);
  if (!inst) return undefined;
  if (inst.collection === 'open_data') {
    const item = framework.oitItems.find((o) => o.code === code);
    return item && inst.indicators.includes(item.indicator) ? item.code : undefined;
  }
  const question = framework.questions.find((q) => q.code === code);
  if (!question || !inst.indicators.includes(question.indicator)) return undefined;
  return question.display?.[instrument] ?? question.code;
}

/** Every question (or OIT item) the instrument asks → its display code, in the framework's order. */
export function displayCodes(framework: Framework, instrument: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const { code } of [...framework.questions, ...framework.oitItems]) {
    const shown = displayCodeOf(framework, instrument, code);
    if (shown !== undefined) out.set(code, shown);
  }
  return out;
}
