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
/** Above this many agencies the page draws no agency heatmap nor table (the XLSX has every agency). */
export const AGENCY_ROWS_SHOWN = 400;

/** A heatmap's rows (best first) and columns in words, and its cells row by row (null: withheld or none). */
export interface HeatmapGrid {
  columns: readonly string[];
  rows: readonly string[];
  cells: readonly (readonly (number | null)[])[];
}

/** The agencies of a scope as a grid: rows by agency code, one column per indicator. */
export function agencyGrid(heatmap: Lessons['heatmap'], indicator: (code: string) => string): HeatmapGrid {
  return {
    columns: heatmap.indicators.map((i) => indicator(i.code)),
    rows: heatmap.rows.map((r) => r.agency.code),
    cells: heatmap.rows.map((r) => r.cells),
  };
}

/**
 * Rows (the first at the top) × indicators (columns), each cell coloured by its score on a 0–100 scale and
 * printed when the grid is small; a withheld cell (a group under 5) is left empty.
 */
export function heatmapOption(grid: HeatmapGrid): ChartOption {
  const data: [number, number, number | '-'][] = [];
  grid.cells.forEach((row, y) => {
    row.forEach((cell, x) => {
      data.push([x, grid.rows.length - 1 - y, cell ?? '-']);
    });
  });
  const labelled = grid.rows.length <= LABELLED_ROWS;
  return {
    grid: { left: 8, right: 8, top: 8, bottom: 56, containLabel: true },
    xAxis: {
      type: 'category',
      data: [...grid.columns],
      splitArea: { show: true },
      axisLabel: { interval: 0 },
    },
    // The first row at the top.
    yAxis: {
      type: 'category',
      data: [...grid.rows].reverse(),
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
