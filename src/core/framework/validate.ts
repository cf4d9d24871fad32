// Checking a framework, every problem listed as `{ path, th, en }` (messages.ts) so that an admin can fix
// them all in one pass: the same function behind the import, the draft saves and the authoring screen.

import { describeIssues, type FrameworkProblem, pathString } from './messages.ts';
import type { Framework } from './schema.ts';
import { ZValidFramework } from './schema.ts';

export type { FrameworkProblem };
export type Validation = { ok: true; framework: Framework } | { ok: false; problems: FrameworkProblem[] };

export function validateFramework(input: unknown): Validation {
  const parsed = ZValidFramework.safeParse(upgradeDefinition(input));
  if (parsed.success) return { ok: true, framework: parsed.data };
  return { ok: false, problems: describeIssues(parsed.error.issues, input) };
}

/**
 * A stored definition in the format of its time, brought to today's: the source note was a single (English)
 * string until it became `{ th, en }`; such a note is kept as written, in the one required field. Anything
 * else is returned as it is (the schema then says what is wrong). Stored versions are never rewritten.
 */
export function upgradeDefinition(input: unknown): unknown {
  if (typeof input !== 'object' || input === null || Array.isArray(input)) return input;
  const source = (input as { source?: unknown }).source;
  if (typeof source !== 'string' || source.trim() === '') return input;
  return { ...input, source: { th: source } };
}

/** What a draft is written against: its fiscal year and the codes of the year its crosswalk comes from. */
export interface AuthoringContext {
  year: number;
  previous?: { year: number; codes: ReadonlySet<string> };
}

/** Bangkok fiscal year YYYY (BE) runs from 1 October of the year before to 30 September (as ISO dates). */
export function fiscalYearDates(year: number): { first: string; last: string } {
  const ce = year - 543;
  return { first: `${ce - 1}-10-01`, last: `${ce}-09-30` };
}

/**
 * Checks a new version must also pass that stored versions were never held to (so that no stored version
 * becomes unreadable): the draft's year, the calendar inside the fiscal year and in order, and a crosswalk
 * whose codes exist on both sides.
 */
export function authoringProblems(f: Framework, ctx: AuthoringContext): FrameworkProblem[] {
  const problems: FrameworkProblem[] = [];
  const add = (path: (string | number)[], th: string, en: string) =>
    problems.push({ path: pathString(path), th, en });
  if (f.year !== ctx.year)
    add(
      ['year'],
      `ปีงบประมาณของร่างนี้คือ ${ctx.year} เปลี่ยนเป็น ${f.year} ไม่ได้`,
      `This draft is for fiscal year ${ctx.year}; it cannot become ${f.year}`,
    );
  const { first, last } = fiscalYearDates(ctx.year);
  f.calendar.forEach((stage, i) => {
    if (stage.start < first || stage.end > last)
      add(
        ['calendar', i, stage.start < first ? 'start' : 'end'],
        `ขั้นตอน "${stage.name.th}" ต้องอยู่ในปีงบประมาณ ${ctx.year}`,
        `The stage "${stage.name.en ?? stage.name.th}" must lie within fiscal year ${ctx.year}`,
      );
    const before = f.calendar[i - 1];
    if (before && stage.start < before.start)
      add(
        ['calendar', i, 'start'],
        `ขั้นตอน "${stage.name.th}" เริ่มก่อนขั้นตอนก่อนหน้า "${before.name.th}" เรียงตามลำดับเวลา`,
        `The stage "${stage.name.en ?? stage.name.th}" starts before the stage above it; keep stages in date order`,
      );
  });
  const walk = f.crosswalk;
  if (walk) {
    const own = new Set([...f.questions.map((q) => q.code), ...f.oitItems.map((o) => o.code)]);
    if (ctx.previous && walk.fromYear !== ctx.previous.year)
      add(
        ['crosswalk', 'fromYear'],
        `การเทียบข้อต้องเทียบกับปี ${ctx.previous.year} ที่ร่างนี้คัดลอกมา`,
        `The crosswalk must compare with ${ctx.previous.year}, the year this draft was copied from`,
      );
    walk.codes.forEach((pair, i) => {
      if (!own.has(pair.to))
        add(
          ['crosswalk', 'codes', i, 'to'],
          `ไม่มีข้อ ${pair.to} ในกรอบปีนี้`,
          `There is no item ${pair.to} in this year's framework`,
        );
      if (ctx.previous && walk.fromYear === ctx.previous.year && !ctx.previous.codes.has(pair.from))
        add(
          ['crosswalk', 'codes', i, 'from'],
          `ไม่มีข้อ ${pair.from} ในกรอบปี ${ctx.previous.year}`,
          `There is no item ${pair.from} in the ${ctx.previous.year} framework`,
        );
    });
  }
  return problems;
}

/** A draft's full check: the framework's own, then (when those pass) the authoring checks. */
export function validateDraft(input: unknown, ctx: AuthoringContext): Validation {
  const result = validateFramework(input);
  if (!result.ok) return result;
  const more = authoringProblems(result.framework, ctx);
  return more.length === 0 ? result : { ok: false, problems: more };
}
