import { describe, expect, it } from 'vitest';
import {
  fiscalYearOf,
  formatCount,
  formatDate,
  formatDateRange,
  formatDateTime,
  formatFileSize,
  formatFiscalYear,
  formatFiscalYearShort,
  formatPercent,
  formatScore,
  toBuddhistYear,
  todayInBangkok,
  toGregorianYear,
} from './format.ts';

describe('Buddhist Era years', () => {
  it('adds and removes 543', () => {
    expect(toBuddhistYear(2025)).toBe(2568);
    expect(toGregorianYear(2568)).toBe(2025);
  });
});

describe('fiscalYearOf', () => {
  it('starts a fiscal year on 1 October', () => {
    expect(fiscalYearOf('2024-09-30')).toBe(2567);
    expect(fiscalYearOf('2024-10-01')).toBe(2568);
    expect(fiscalYearOf('2025-09-30')).toBe(2568);
  });
});

describe('todayInBangkok', () => {
  it('uses Bangkok time, seven hours ahead of UTC', () => {
    expect(todayInBangkok(new Date('2025-09-30T16:59:00Z'))).toBe('2025-09-30');
    expect(todayInBangkok(new Date('2025-09-30T17:00:00Z'))).toBe('2025-10-01');
  });
});

describe('formatFiscalYear', () => {
  it('says ปีงบประมาณ พ.ศ. in Thai and FY…(BE) in English', () => {
    expect(formatFiscalYear(2568, 'th')).toBe('ปีงบประมาณ พ.ศ. 2568');
    expect(formatFiscalYear(2568, 'en')).toBe('FY2568 (BE)');
    expect(formatFiscalYearShort(2568, 'th')).toBe('พ.ศ. 2568');
    expect(formatFiscalYearShort(2568, 'en')).toBe('FY2568');
  });
});

describe('formatDate', () => {
  it('shows a date-only value in the Buddhist Era in Thai', () => {
    expect(formatDate('2025-01-31', 'th')).toBe('31 มกราคม 2568');
  });

  it('shows a Gregorian date with the BE year noted in English', () => {
    expect(formatDate('2025-01-31', 'en')).toBe('31 January 2025 (BE 2568)');
  });

  it('never shifts a date-only value by time zone', () => {
    expect(formatDate('2025-01-01', 'th')).toBe('1 มกราคม 2568');
  });

  it('shows timestamps as the Bangkok calendar day', () => {
    expect(formatDate(new Date('2024-12-31T18:00:00Z'), 'th')).toBe('1 มกราคม 2568');
  });
});

describe('formatDateRange', () => {
  it('joins two dates in Thai', () => {
    expect(formatDateRange('2025-05-01', '2025-06-06', 'th')).toBe('1 พ.ค. 2568 – 6 มิ.ย. 2568');
  });

  it('notes one BE year, or both when the range crosses a year, in English', () => {
    expect(formatDateRange('2025-05-01', '2025-06-06', 'en')).toBe('1 May 2025 – 6 Jun 2025 (BE 2568)');
    expect(formatDateRange('2024-12-01', '2025-01-31', 'en')).toBe('1 Dec 2024 – 31 Jan 2025 (BE 2567–2568)');
  });
});

describe('formatDateTime', () => {
  it('shows Bangkok time with the BE year', () => {
    expect(formatDateTime('2026-11-22T05:46:00Z', 'th')).toContain('2569');
    expect(formatDateTime('2026-11-22T05:46:00Z', 'th')).toContain('12:46');
    expect(formatDateTime('2026-11-22T05:46:00Z', 'en')).toBe('22 Nov 2026, 12:46 (BE 2569)');
  });
});

describe('numbers', () => {
  it('groups thousands', () => {
    expect(formatCount(8317, 'th')).toBe('8,317');
    expect(formatCount(8317, 'en')).toBe('8,317');
  });

  it('reports scores to two decimals and a dash when missing', () => {
    expect(formatScore(95.93)).toBe('95.93');
    expect(formatScore(100)).toBe('100.00');
    expect(formatScore(null)).toBe('–');
  });

  it('shows shares as percentages', () => {
    expect(formatPercent(0.9417)).toBe('94.17%');
  });
});

describe('formatFileSize', () => {
  it('reads bytes, KB and MB (1024-based)', () => {
    expect(formatFileSize(512, 'th')).toBe('512 ไบต์');
    expect(formatFileSize(512, 'en')).toBe('512 bytes');
    expect(formatFileSize(350 * 1024, 'th')).toBe('350 KB');
    expect(formatFileSize(1.5 * 1024 * 1024, 'en')).toBe('1.5 MB');
  });
});
