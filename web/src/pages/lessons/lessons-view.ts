// Rules of the lessons-learned page that are not drawing: which scope is shown, and the heatmap as an
// ECharts option (pure: no ECharts import, so this file and its tests stay out of the chart chunk). The
// figures themselves come from the API; every figure of the chart is also in the table beside it.
import type { Lessons, ScopeOption } from '../../api/lessons.ts';
import type { ChartOption } from '../../components/charts/LazyEChart.tsx';

/** The scope asked for in the address when the reader may choose it, else the first one offered (or none). */
export function chooseScope(options: readonly ScopeOption[], asked: string | null): string | null {
  if (asked !== null && options.some((o) => o.key === asked)) return asked;
  return options[0]?.key ?? null;
}

/** The newest year with published results, or null. */
export function newestYear(years: readonly { year: number }[]): number | null {
  return years.reduce<number | null>((best, y) => (best === null || y.year > best ? y.year : best), null);
}

/** A share 0–1 as a Thai reader writes it: "ร้อยละ 84.17" is the caller's; this gives "84.17". */
export const percentOf = (share: number | null): string => (share === null ? '–' : (share * 100).toFixed(2));

/** Colours of the scale: below the pass mark red, around it yellow, full marks green. */
const SCALE = ['#c92a2a', '#f59f00', '#fab005', '#74b816', '#2b8a3e'];
/** Above this many agencies the cells carry no printed score (they would not fit); the table has them. */
export const LABELLED_ROWS = 30;

export interface HeatmapWords {
  indicator: (code: string) => string;
}

/**
 * Agencies (rows, best total at the top) × indicators (columns), each cell coloured by its score on a 0–100
 * scale and printed when the table is small; a withheld cell (a group under 5) is left empty and grey.
 */
export function heatmapOption(heatmap: Lessons['heatmap'], words: HeatmapWords): ChartOption {
  const agencies = heatmap.rows.map((r) => r.agency.code);
  const data: [number, number, number | '-'][] = [];
  heatmap.rows.forEach((row, y) => {
    row.cells.forEach((cell, x) => {
      data.push([x, heatmap.rows.length - 1 - y, cell ?? '-']);
    });
  });
  const labelled = heatmap.rows.length <= LABELLED_ROWS;
  return {
    grid: { left: 8, right: 8, top: 8, bottom: 56, containLabel: true },
    xAxis: {
      type: 'category',
      data: heatmap.indicators.map((i) => words.indicator(i.code)),
      splitArea: { show: true },
      axisLabel: { interval: 0 },
    },
    yAxis: {
      type: 'category',
      // The first row (best total) at the top.
      data: [...agencies].reverse(),
      splitArea: { show: true },
      axisLabel: { interval: 0 },
    },
    visualMap: {
      min: 0,
      max: 100,
      calculable: false,
      orient: 'horizontal',
      left: 'center',
      bottom: 0,
      itemHeight: 120,
      inRange: { color: SCALE },
      outOfRange: { color: '#dee2e6' },
      text: ['100', '0'],
    },
    series: [
      {
        type: 'heatmap',
        data,
        label: { show: labelled, formatter: (p) => formatCell((p.value as unknown[])[2]) },
        emphasis: { disabled: true },
      },
    ],
  };
}

const formatCell = (v: unknown) => (typeof v === 'number' ? v.toFixed(0) : '');

/** The chart's height: a row per agency, within what a page can hold. */
export const heatmapHeight = (rows: number) => Math.min(2400, Math.max(220, 90 + rows * 26));
