// The report's two charts as ECharts options (pure: no ECharts import, so this file and its tests stay out of
// the chart chunk). Every figure is also in a table beside the chart; the chart is for looking, not reading.
import type { ChartOption } from '../../../components/charts/LazyEChart.tsx';

const PASS = '#2b8a3e';
const FAIL = '#c92a2a';
const THRESHOLD = '#495057';

/**
 * A label broken into lines of at most `perLine` characters between Thai words (Intl.Segmenter: ECharts
 * itself would break Thai mid-word, even between a consonant and its vowel). A word longer than a line
 * keeps a line of its own.
 */
export function wrapLabel(text: string, perLine: number): string {
  const words = [...new Intl.Segmenter('th', { granularity: 'word' }).segment(text)].map((s) => s.segment);
  const lines: string[] = [];
  let line = '';
  for (const word of words) {
    if (line && (line + word).trim().length > perLine) {
      lines.push(line.trim());
      line = word.trimStart();
    } else line += word;
  }
  if (line.trim()) lines.push(line.trim());
  return lines.join('\n');
}

export interface IndicatorBar {
  /** The indicator's name as the report's table writes it. */
  label: string;
  score: number | null;
}

/**
 * Indicator scores as horizontal bars (long Thai names read best on the left, also at 360 px) against the
 * pass threshold, a dashed line named in words; a bar is green when it passes and red when not, and its
 * score is printed at its end, so the colour is never the only sign.
 */
export function indicatorBarsOption(
  bars: readonly IndicatorBar[],
  threshold: number,
  thresholdLabel: string,
  /** Characters per line of the names on the left: fewer on a phone, where long names wrap; 0: no wrapping. */
  perLine = 0,
): ChartOption {
  // ECharts draws the first category at the bottom; the report's order reads from the top.
  const ordered = [...bars].reverse();
  return {
    grid: { left: 8, right: 48, top: 24, bottom: 8, containLabel: true },
    xAxis: { type: 'value', min: 0, max: 100 },
    yAxis: {
      type: 'category',
      data: ordered.map((b) => (perLine > 0 ? wrapLabel(b.label, perLine) : b.label)),
      axisLabel: perLine > 0 ? { lineHeight: 14 } : { width: 180, overflow: 'truncate' },
    },
    series: [
      {
        type: 'bar',
        // An indicator without a score draws no bar and is labelled "–" (the table says why).
        data: ordered.map((b) => ({
          value: b.score ?? 0,
          itemStyle: { color: b.score !== null && b.score >= threshold ? PASS : FAIL },
          ...(b.score === null ? { label: { formatter: '–' } } : {}),
        })),
        label: { show: true, position: 'right', formatter: (p) => (Number(p.value) || 0).toFixed(2) },
        markLine: {
          symbol: 'none',
          silent: true,
          lineStyle: { type: 'dashed', color: THRESHOLD, width: 2 },
          label: { formatter: thresholdLabel, position: 'end' },
          data: [{ xAxis: threshold }],
        },
      },
    ],
  };
}

export interface YearPoint {
  /** The year as the axis prints it ("2568"). */
  label: string;
  total: number;
}

/** Totals year by year with the pass threshold; each point carries its value so the line reads without colour. */
export function yearLineOption(
  points: readonly YearPoint[],
  threshold: number,
  names: { total: string; threshold: string },
): ChartOption {
  const lowest = Math.min(threshold, ...points.map((p) => p.total));
  return {
    grid: { left: 8, right: 24, top: 32, bottom: 8, containLabel: true },
    xAxis: { type: 'category', data: points.map((p) => p.label), boundaryGap: true },
    // Starting the axis near the lowest figure keeps year-to-year changes of a few points visible.
    yAxis: { type: 'value', min: Math.max(0, Math.floor((lowest - 5) / 5) * 5), max: 100 },
    series: [
      {
        name: names.total,
        type: 'line',
        data: points.map((p) => p.total),
        symbol: 'circle',
        symbolSize: 8,
        lineStyle: { width: 3 },
        label: { show: true, position: 'top', formatter: (p) => (Number(p.value) || 0).toFixed(2) },
        markLine: {
          symbol: 'none',
          silent: true,
          lineStyle: { type: 'dashed', color: THRESHOLD, width: 2 },
          label: { formatter: names.threshold, position: 'insideEndTop' },
          data: [{ yAxis: threshold }],
        },
      },
    ],
  };
}
