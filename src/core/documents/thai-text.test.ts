import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  bangkokDay,
  fromThaiDigits,
  thaiDate,
  thaiMonth,
  thaiMonthPeriod,
  thaiScore,
  toThaiDigits,
} from './thai-text.ts';

describe('toThaiDigits', () => {
  it('writes every digit in Thai and leaves other text alone', () => {
    expect(toThaiDigits('คะแนน 97.85 ปี 2566')).toBe('คะแนน ๙๗.๘๕ ปี ๒๕๖๖');
    expect(toThaiDigits('O42, i2, EP4')).toBe('O๔๒, i๒, EP๔');
  });
  it('is idempotent and reversible (property)', () => {
    fc.assert(
      fc.property(fc.string(), (s) => {
        const t = toThaiDigits(s);
        expect(toThaiDigits(t)).toBe(t);
        expect(/[0-9]/.test(t)).toBe(false);
        expect(fromThaiDigits(t)).toBe(fromThaiDigits(s));
        expect(t.length).toBe(s.length);
      }),
    );
  });
});

describe('Buddhist-Era dates', () => {
  it('writes a day and a month in the Buddhist Era', () => {
    expect(thaiDate('2023-02-27')).toBe('27 กุมภาพันธ์ 2566');
    expect(thaiMonth('2026-04')).toBe('เมษายน 2569');
  });
  it('writes periods as agencies do', () => {
    expect(thaiMonthPeriod('2023-02', '2023-02')).toBe('ก.พ. 2566');
    expect(thaiMonthPeriod('2023-01', '2023-02')).toBe('ม.ค. – ก.พ. 2566');
    expect(thaiMonthPeriod('2022-10', '2023-09')).toBe('ต.ค. 2565 – ก.ย. 2566');
  });
  it('refuses a period that ends before it starts, and malformed values', () => {
    expect(() => thaiMonthPeriod('2023-03', '2023-02')).toThrow();
    expect(() => thaiDate('2023-13-01')).toThrow();
    expect(() => thaiDate('2023-02')).toThrow();
  });
  it('takes the calendar day in Bangkok (a UTC evening is the next day there)', () => {
    expect(bangkokDay(new Date('2023-02-26T18:30:00Z'))).toBe('2023-02-27');
  });
  it('prints scores with two decimals, in Thai digits when asked', () => {
    expect(thaiScore(97.8523, false)).toBe('97.85');
    expect(thaiScore(87.85, true)).toBe('๘๗.๘๕');
  });
});
