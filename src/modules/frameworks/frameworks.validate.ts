// Checking a framework file before it is stored, with every problem listed (path + Thai and English
// message) so that an admin can fix them all in one pass. No database: `prongsai framework validate` uses it.
import { createHash } from 'node:crypto';
import { invalid } from '../../core/errors.ts';
import type { Framework } from '../../core/framework/schema.ts';
import { type FrameworkProblem, type Validation, validateFramework } from '../../core/framework/validate.ts';

export type { FrameworkProblem, Validation };
export { validateFramework };

export function frameworkInvalid(problems: FrameworkProblem[]) {
  const n = problems.length;
  return invalid(
    'framework_invalid',
    `กรอบการประเมินไม่ถูกต้อง ${n} รายการ`,
    `The framework is not valid: ${n} problem${n === 1 ? '' : 's'}`,
    { problems },
  );
}

/** The validated framework, or an `invalid` DomainError listing every problem. */
export function assertValidFramework(input: unknown): Framework {
  const result = validateFramework(input);
  if (!result.ok) throw frameworkInvalid(result.problems);
  return result.framework;
}

/** Reads a framework file's text; malformed JSON is reported like any other problem. */
export function parseFrameworkJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch (e) {
    throw invalid(
      'framework_malformed_json',
      `ไฟล์กรอบการประเมินไม่ใช่ JSON ที่ถูกต้อง: ${(e as Error).message}`,
      `The framework file is not valid JSON: ${(e as Error).message}`,
    );
  }
}

/**
 * A fingerprint of a definition that ignores formatting and key order, so that re-indenting a bundled
 * file does not create a new version but changing any value does.
 */
export function definitionSha256(definition: unknown): string {
  return createHash('sha256').update(canonicalJson(definition)).digest('hex');
}

function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}
