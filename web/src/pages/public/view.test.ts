import { describe, expect, it } from 'vitest';
import type { AgencyPage, Group } from './api.ts';
import { instrumentState, orderedGroups, shareText, yearToShow } from './view.ts';

const group = (code: string | null, th: string, en: string | null = null): Group => ({
  code,
  th,
  en,
  agencies: 1,
  mean: 80,
  passing: 0,
  sharePassing: 0,
});

describe('public site view rules', () => {
  it('shows the asked year when published, an unpublished year as asked, else the latest', () => {
    expect(yearToShow('2566', [2566, 2567])).toBe(2566);
    expect(yearToShow(undefined, [2566, 2567])).toBe(2567);
    expect(yearToShow('2590', [2567])).toBe(2590);
    expect(yearToShow('abc', [2567])).toBe(2567);
    expect(yearToShow(undefined, [])).toBeNull();
  });

  it('writes shares as percentages', () => {
    expect(shareText(0.8417)).toBe('84.17%');
    expect(shareText(null)).toBe('–');
  });

  it('orders groups by name in the language, "not stated" last', () => {
    const list = [
      group(null, 'ไม่ระบุ', 'Not stated'),
      group('b', 'ภาคใต้', 'South'),
      group('a', 'ภาคกลาง', 'Central'),
    ];
    expect(orderedGroups(list, 'th').map((g) => g.code)).toEqual(['a', 'b', null]);
    expect(orderedGroups(list, 'en').map((g) => g.code)).toEqual(['a', 'b', null]);
  });

  it('says why an instrument has no score: not processed before withheld', () => {
    const base = {
      code: 'IIT',
      name: { th: 'IIT', en: null },
      weight: 30,
      score: null,
      n: null,
      minimum: 3,
      population: 10,
      marginOfError: null,
      notProcessed: null,
      suppressed: null,
    } as unknown as AgencyPage['instruments'][number];
    expect(instrumentState({ ...base, score: 90 }, 'th')).toEqual({ kind: 'shown' });
    expect(
      instrumentState({ ...base, suppressed: { code: 'small_group', th: 'น้อยกว่า 5', en: 'under 5' } }, 'en'),
    ).toEqual({ kind: 'withheld', reason: 'under 5' });
    expect(
      instrumentState(
        {
          ...base,
          notProcessed: { code: 'no_responses', th: 'ไม่มีผู้ตอบ', en: 'No responses' },
          suppressed: { code: 'small_group', th: 'x', en: 'x' },
        } as unknown as AgencyPage['instruments'][number],
        'th',
      ),
    ).toEqual({ kind: 'notProcessed', reason: 'ไม่มีผู้ตอบ' });
  });
});
