import { describe, expect, it } from 'vitest';
import { safeSheetName, sheetData, xlsxFileName } from './xlsx.ts';

describe('sheetData', () => {
  const columns = [
    { header: 'หน่วยงาน', value: (r: { name: string; total: number | null }) => r.name },
    { header: 'คะแนน', value: (r: { name: string; total: number | null }) => r.total },
  ];

  it('puts the headers first and keeps numbers as numbers', () => {
    const sut = sheetData('ผลการประมวลผล', columns, [{ name: 'อบต. ทดสอบ', total: 91.25 }]);
    expect(sut.header).toEqual(['หน่วยงาน', 'คะแนน']);
    expect(sut.rows).toEqual([['อบต. ทดสอบ', 91.25]]);
  });

  it('keeps text that a spreadsheet would run as a formula as text', () => {
    const sut = sheetData('x', columns, [{ name: '=HYPERLINK("http://x")', total: null }]);
    expect(sut.rows[0]?.[0]).toBe('\'=HYPERLINK("http://x")');
    expect(sut.rows[0]?.[1]).toBeNull();
  });

  it('turns a number that is not finite into an empty cell', () => {
    expect(sheetData('x', columns, [{ name: 'a', total: Number.NaN }]).rows[0]?.[1]).toBeNull();
  });

  it('sizes columns from the header and values, within limits', () => {
    const sut = sheetData('x', columns, [{ name: 'ก'.repeat(100), total: 1 }]);
    expect(sut.widths[0]).toBe(60);
    expect(sut.widths[1]).toBe(8);
  });
});

describe('names', () => {
  it('makes sheet names Excel accepts', () => {
    expect(safeSheetName('a/b:c[d]')).toBe('a b c d');
    expect(safeSheetName('x'.repeat(40))).toHaveLength(31);
    expect(safeSheetName(' / ')).toBe('Sheet1');
  });

  it('makes file names without separators, ending in .xlsx', () => {
    expect(xlsxFileName('ผล ปี 2568/ตัวอย่าง')).toBe('ผล-ปี-2568-ตัวอย่าง.xlsx');
    expect(xlsxFileName('')).toBe('table.xlsx');
  });
});
