// The overview's charts as ECharts options (pure: no ECharts import, so the chart code loads only with a
// chart). Every figure is also in the table beside the chart.
import type { ChartOption } from '../../components/charts/LazyEChart.tsx';

const COLOURS = ['#2b8a3e', '#5c940d', '#e67700', '#d9480f', '#c92a2a', '#495057'];

/** How many agencies got each rating, one bar each (the framework's order, best first), count on the bar. */
export function ratingBarsOption(ratings: readonly { label: string; count: number }[]): ChartOption {
  return {
    grid: { left: 8, right: 16, top: 24, bottom: 8, containLabel: true },
    xAxis: {
      type: 'category',
      data: ratings.map((r) => r.label),
      axisLabel: { interval: 0, width: 70, overflow: 'break' },
    },
    yAxis: { type: 'value', minInterval: 1 },
    series: [
      {
        type: 'bar',
        data: ratings.map((r, i) => ({ value: r.count, itemStyle: { color: COLOURS[i % COLOURS.length] } })),
        label: { show: true, position: 'top' },
      },
    ],
  };
}
