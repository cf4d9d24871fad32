import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { frameworkDiff } from './diff.ts';
import { draftDefinition } from './draft.ts';
import { ZValidFramework } from './schema.ts';

const raw = (year: number) => JSON.parse(readFileSync(`frameworks/fy${year}.json`, 'utf8'));

describe('what changed from last year', () => {
  it('finds nothing but the calendar in a fresh copy of FY2568 for FY2569', () => {
    const before = ZValidFramework.parse(raw(2568));
    const after = ZValidFramework.parse(draftDefinition(raw(2568), 2568, 2569));
    const changes = frameworkDiff(before, after);
    expect(new Set(changes.map((c) => c.section))).toEqual(new Set(['calendar']));
    // The first stage (the measures of the year) moves by a whole year, both ends.
    expect(changes[0]?.fields).toEqual([
      { field: 'start', before: '2024-10-01', after: '2025-10-01' },
      { field: 'end', before: '2025-04-30', after: '2026-04-30' },
    ]);
  });

  it('names changed weights and texts, and pairs items through the crosswalk', () => {
    const before = ZValidFramework.parse(raw(2568));
    const next = draftDefinition(raw(2568), 2568, 2569) as ReturnType<typeof raw>;
    next.instruments[0].weight = 35;
    next.instruments[3].weight = 35;
    next.questions[0].text.th = 'ข้อความใหม่';
    next.questions[1].code = 'i99';
    next.crosswalk.codes = next.crosswalk.codes.map((p: { from: string; to: string }) =>
      p.from === 'i2' ? { from: 'i2', to: 'i99' } : p,
    );
    next.oitItems.pop();
    const changes = frameworkDiff(before, ZValidFramework.parse(next)).filter(
      (c) => c.section !== 'calendar',
    );
    expect(changes).toContainEqual(
      expect.objectContaining({
        section: 'instruments',
        code: 'IIT',
        kind: 'changed',
        fields: [{ field: 'weight', before: '30', after: '35' }],
      }),
    );
    expect(changes).toContainEqual(
      expect.objectContaining({
        section: 'questions',
        code: 'i1',
        fields: [expect.objectContaining({ field: 'text.th', after: 'ข้อความใหม่' })],
      }),
    );
    expect(changes).toContainEqual(
      expect.objectContaining({
        section: 'questions',
        code: 'i99',
        kind: 'changed',
        continues: ['i2'],
        fields: [],
      }),
    );
    expect(changes).toContainEqual(expect.objectContaining({ section: 'oitItems', kind: 'removed' }));
  });

  it('moves the calendar by whole years and keeps 29 February possible', async () => {
    const { shiftIsoDate } = await import('./draft.ts');
    expect(shiftIsoDate('2024-02-29', 1)).toBe('2025-02-28');
    expect(shiftIsoDate('2023-02-28', 1)).toBe('2024-02-28');
    expect(shiftIsoDate('2025-10-01', 1)).toBe('2026-10-01');
  });
});
