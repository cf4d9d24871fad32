// Versions stored before the source note had a Thai text (a plain string) stay readable and copyable.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { draftDefinition } from './draft.ts';
import { upgradeDefinition, validateFramework } from './validate.ts';

const fy2568 = JSON.parse(readFileSync(new URL('../../../frameworks/fy2568.json', import.meta.url), 'utf8'));
const storedBefore = { ...fy2568, source: 'Structure from the published methodology.' };

describe('upgradeDefinition', () => {
  it('reads a stored plain-string source note as the note, unchanged in wording', () => {
    const sut = validateFramework(storedBefore);
    expect(sut.ok).toBe(true);
    if (sut.ok) expect(sut.framework.source).toEqual({ th: 'Structure from the published methodology.' });
  });

  it('leaves today’s shape and anything that is not a definition as it is', () => {
    expect(upgradeDefinition(fy2568)).toBe(fy2568);
    expect(upgradeDefinition(null)).toBeNull();
    expect(upgradeDefinition([1])).toEqual([1]);
    const empty = { ...fy2568, source: '  ' };
    expect(upgradeDefinition(empty)).toBe(empty);
    expect(validateFramework(empty).ok).toBe(false);
  });

  it('does not change the stored definition it reads', () => {
    const copy = structuredClone(storedBefore);
    validateFramework(copy);
    expect(copy).toEqual(storedBefore);
  });

  it('gives a draft copied from such a version the note in today’s shape', () => {
    const sut = draftDefinition(storedBefore, 2568, 2569);
    expect(sut.source).toEqual({ th: 'Structure from the published methodology.' });
    expect(validateFramework(fy2568).ok).toBe(true);
  });
});
