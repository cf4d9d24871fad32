// An entry's before/after as rows of a readable list (field, before, after), never as JSON: nested values are
// flattened to "parent › child", lists joined with commas, booleans and empty values said in words.
import type { Words } from './describe.ts';

export interface FieldRow {
  /** The field's path, e.g. ["scope", "provinces"]. */
  path: string[];
  before: string | null;
  after: string | null;
  changed: boolean;
}

const isRecord = (v: unknown): v is Record<string, unknown> =>
  v !== null && typeof v === 'object' && !Array.isArray(v);

/** Flattens a value to leaf paths; a non-object value is one leaf with an empty path. */
function leaves(value: unknown, path: string[] = [], out = new Map<string, unknown>()): Map<string, unknown> {
  if (isRecord(value) && Object.keys(value).length > 0 && path.length < 4) {
    for (const [k, v] of Object.entries(value)) leaves(v, [...path, k], out);
  } else {
    out.set(JSON.stringify(path), value);
  }
  return out;
}

const YES_NO: Record<'true' | 'false', Words> = {
  true: { th: 'ใช่', en: 'yes' },
  false: { th: 'ไม่ใช่', en: 'no' },
};

/** A leaf value as text in the reader's language. */
export function valueText(value: unknown, lang: 'th' | 'en'): string | null {
  if (value === null || value === undefined) return null;
  if (typeof value === 'boolean') return YES_NO[value ? 'true' : 'false'][lang];
  if (typeof value === 'string' || typeof value === 'number') return String(value);
  if (Array.isArray(value))
    return value.length === 0 ? null : value.map((v) => valueText(v, lang) ?? '–').join(', ');
  if (isRecord(value))
    return Object.entries(value)
      .map(([k, v]) => `${fieldName(k)}: ${valueText(v, lang) ?? '–'}`)
      .join('; ');
  return String(value);
}

/** "submittedBy" / "review_reason" → "submitted by" / "review reason". */
export function fieldName(key: string): string {
  return key
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .replace(/[_.-]+/g, ' ')
    .toLowerCase()
    .trim();
}

/** The rows of the details list: every field in before or after, changed ones first. */
export function fieldRows(before: unknown, after: unknown, lang: 'th' | 'en'): FieldRow[] {
  const b = leaves(before);
  const a = leaves(after);
  const keys = [...new Set([...b.keys(), ...a.keys()])];
  const rows = keys.map((key): FieldRow => {
    const path = JSON.parse(key) as string[];
    const bt = valueText(b.get(key), lang);
    const at = valueText(a.get(key), lang);
    return { path, before: bt, after: at, changed: bt !== at };
  });
  return [...rows.filter((r) => r.changed), ...rows.filter((r) => !r.changed)];
}
