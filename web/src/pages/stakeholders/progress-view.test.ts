import { describe, expect, it } from 'vitest';
import { contactFileProblem, countOfMinimum, parsePopulation, progressColor } from './progress-view.ts';

const entry = (counted: number, minimum: number | null, percent: number | null, reached = false) => ({
  instrument: 'IIT',
  counted,
  minimum,
  percent,
  reached,
});

describe('progressColor', () => {
  it('is green once the minimum is reached, grey when it is unknown', () => {
    expect(progressColor(entry(50, 50, 100, true))).toBe('green');
    expect(progressColor(entry(3, null, null))).toBe('gray');
  });

  it('is yellow from half the minimum and red below', () => {
    expect(progressColor(entry(25, 50, 50))).toBe('yellow');
    expect(progressColor(entry(24, 50, 48))).toBe('red');
  });
});

describe('countOfMinimum', () => {
  it('groups thousands and shows an unknown minimum as a dash', () => {
    expect(countOfMinimum(entry(1200, 400, 100, true), 'en')).toBe('1,200 / 400');
    expect(countOfMinimum(entry(3, null, null), 'th')).toBe('3 / –');
  });
});

describe('parsePopulation', () => {
  it('reads Arabic or Thai digits with separators', () => {
    expect(parsePopulation('1,250')).toBe(1250);
    expect(parsePopulation('๑๒๕')).toBe(125);
    expect(parsePopulation(' 30 ')).toBe(30);
  });

  it('treats an empty box as not entered and anything else as invalid', () => {
    expect(parsePopulation('')).toBeNull();
    expect(parsePopulation('-5')).toBe('invalid');
    expect(parsePopulation('12.5')).toBe('invalid');
    expect(parsePopulation('9999999999')).toBe('invalid');
  });
});

describe('contactFileProblem', () => {
  it('accepts CSV and XLSX files within the size limit', () => {
    expect(contactFileProblem({ name: 'list.CSV', size: 100 })).toBeNull();
    expect(contactFileProblem({ name: 'list.xlsx', size: 100 })).toBeNull();
  });

  it('refuses other types and files that are too large', () => {
    expect(contactFileProblem({ name: 'list.xls', size: 100 })).toBe('type');
    expect(contactFileProblem({ name: 'list.csv', size: 50 * 1024 * 1024 })).toBe('size');
  });
});
