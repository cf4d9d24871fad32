// Partial updates (PATCH bodies): one rule for "this request changes nothing". An empty patch is refused by
// its schema (a 400 that says so); a patch whose every field already holds the sent value is answered
// without a write and without an audit entry, so repeating a request cannot fill the audit trail.
import { isDeepStrictEqual } from 'node:util';
import type { z } from 'zod';

/** A PATCH body schema that refuses `{}` (and a body of only undefined fields). */
export function nonEmptyPatch<T extends z.ZodObject>(schema: T) {
  return schema.refine((patch) => Object.values(patch).some((v) => v !== undefined), {
    message: 'Nothing to change: send at least one field',
  });
}

/** Whether applying `patch` to `current` would change any field (null and a missing value are the same). */
export function changesAnything(patch: Record<string, unknown>, current: Record<string, unknown>): boolean {
  return Object.entries(patch).some(
    ([key, value]) => value !== undefined && !isDeepStrictEqual(value ?? null, current[key] ?? null),
  );
}
