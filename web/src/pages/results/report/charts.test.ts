import { describe, expect, it } from 'vitest';
import { indicatorBarsOption, wrapLabel, yearLineOption } from './charts.ts';

type Series = {
  data: { value: number; itemStyle: { color: string } }[] | number[];
  markLine: { data: Record<string, number>[] };
};
const seriesOf = (o: unknown) => (o as { series: Series[] }).series[0] as Series;

describe('indicatorBarsOption', () => {
  const bars = [
    { label: 'การปฏิบัติหน้าที่', score: 98.22 },
    { label: 'การป้องกันการทุจริต', score: 80 },
    { label: 'การเปิดเผยข้อมูล', score: null },
  ];

  it('lists the first indicator at the top and draws the threshold line', () => {
    const o = indicatorBarsOption(bars, 85, 'เกณฑ์ 85') as { yAxis: { data: string[] } };
    expect(o.yAxis.data).toEqual(['การเปิดเผยข้อมูล', 'การป้องกันการทุจริต', 'การปฏิบัติหน้าที่']);
    expect(seriesOf(o).markLine.data).toEqual([{ xAxis: 85 }]);
  });

  it('colours passing bars apart from failing and unscored ones', () => {
    const data = seriesOf(indicatorBarsOption(bars, 85, 'เกณฑ์ 85')).data as {
      value: number;
      itemStyle: { color: string };
    }[];
    const [none, fail, pass] = data.map((d) => d.itemStyle.color);
    expect(pass).not.toBe(fail);
    expect(none).toBe(fail);
    expect(data.map((d) => d.value)).toEqual([0, 80, 98.22]);
  });
});

describe('yearLineOption', () => {
  it('starts the axis below the lowest figure and the threshold', () => {
    const o = yearLineOption(
      [
        { label: '2566', total: 78.71 },
        { label: '2567', total: 95.33 },
      ],
      85,
      { total: 'คะแนนรวม', threshold: 'เกณฑ์ 85' },
    ) as { yAxis: { min: number; max: number } };
    expect(o.yAxis).toMatchObject({ min: 70, max: 100 });
    expect(seriesOf(o).markLine.data).toEqual([{ yAxis: 85 }]);
  });
});

describe('wrapLabel', () => {
  it('breaks Thai names between words, never inside one', () => {
    const wrapped = wrapLabel('การใช้ทรัพย์สินของทางราชการ', 14);
    expect(wrapped.replaceAll('\n', '')).toBe('การใช้ทรัพย์สินของทางราชการ');
    const lines = wrapped.split('\n');
    expect(lines.length).toBeGreaterThan(1);
    for (const line of lines) expect(line.length).toBeLessThanOrEqual(14);
    // No line starts with a combining vowel or tone mark (a word cut in two).
    for (const line of lines) expect(line).not.toMatch(/^[\u0E31\u0E34-\u0E3A\u0E47-\u0E4E]/u);
  });

  it('keeps short names on one line', () => {
    expect(wrapLabel('การใช้อำนาจ', 14)).toBe('การใช้อำนาจ');
  });
});
