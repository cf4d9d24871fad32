import { describe, expect, it } from 'vitest';
import type { Lessons } from '../../api/lessons.ts';
import {
  agencyGrid,
  chooseScope,
  heatmapHeight,
  heatmapOption,
  LABELLED_ROWS,
  newestYear,
  percentOf,
} from './lessons-view.ts';

const scopes = [
  {
    key: 'province:TH-47',
    kind: 'province' as const,
    code: 'TH-47',
    name: { th: 'สกลนคร', en: 'Sakon Nakhon' },
  },
  { key: 'ministry:MOI', kind: 'ministry' as const, code: 'MOI', name: { th: 'มหาดไทย', en: null } },
];

const agency = (code: string) => ({
  id: code,
  code,
  nameTh: code,
  nameEn: null,
  type: { code: 'sao', th: 'อบต.', en: null },
});
const heatmap = (rows: number): Lessons['heatmap'] => ({
  provinces: null,
  indicators: [
    { code: '1', name: { th: 'หนึ่ง' } },
    { code: '9', name: { th: 'เก้า' } },
  ],
  rows: Array.from({ length: rows }, (_, i) => ({
    agency: agency(`A${i}`),
    total: 100 - i,
    rating: { code: 'pass', th: 'ผ่าน', en: null },
    cells: [i === 0 ? null : 90 - i, 100],
  })),
});

describe('chooseScope', () => {
  it('keeps the scope asked for only when it is offered, else the first, else none', () => {
    expect(chooseScope(scopes, 'ministry:MOI')).toBe('ministry:MOI');
    expect(chooseScope(scopes, 'province:TH-10')).toBe('province:TH-47');
    expect(chooseScope(scopes, null)).toBe('province:TH-47');
    expect(chooseScope([], 'nation')).toBeNull();
  });
});

describe('newestYear and percentOf', () => {
  it('picks the newest published year and writes shares as percentages', () => {
    expect(newestYear([{ year: 2566 }, { year: 2567 }, { year: 2565 }])).toBe(2567);
    expect(newestYear([])).toBeNull();
    expect(percentOf(0.8417)).toBe('84.17');
    expect(percentOf(null)).toBe('–');
  });
});

describe('heatmapOption', () => {
  const indicator = (c: string) => `ตัวที่ ${c}`;

  it('puts the best agency at the top, one cell per agency × indicator, withheld cells empty', () => {
    const sut = heatmapOption(agencyGrid(heatmap(3), indicator)) as {
      yAxis: { data: string[] };
      xAxis: { data: string[] };
      series: { data: [number, number, number | '-'][]; label: { show: boolean } }[];
    };
    expect(sut.xAxis.data).toEqual(['ตัวที่ 1', 'ตัวที่ 9']);
    expect(sut.yAxis.data).toEqual(['A2', 'A1', 'A0']);
    const cells = sut.series[0]?.data ?? [];
    expect(cells).toHaveLength(6);
    // A0 (top row, y = 2) has its first indicator withheld.
    expect(cells).toContainEqual([0, 2, '-']);
    expect(cells).toContainEqual([0, 1, 89]);
    expect(sut.series[0]?.label.show).toBe(true);
  });

  it('prints no scores in the cells of a large scope (the table has them) and keeps the height bounded', () => {
    const sut = heatmapOption(agencyGrid(heatmap(LABELLED_ROWS + 1), indicator)) as {
      series: { label: { show: boolean } }[];
    };
    expect(sut.series[0]?.label.show).toBe(false);
    expect(heatmapHeight(1)).toBe(220);
    expect(heatmapHeight(10_000)).toBe(2400);
  });
});
