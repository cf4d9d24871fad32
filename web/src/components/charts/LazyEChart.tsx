// ECharts loads only when a page first shows a chart: the chart code stays out of the main bundle and out of
// pages without charts. While it loads, the space the chart takes is kept so the page does not jump.
import { lazy, Suspense } from 'react';
import type { EChartProps } from './EChart.tsx';

const EChart = lazy(() => import('./EChart.tsx'));

export type { ChartOption } from './EChart.tsx';

export function LazyEChart(props: EChartProps) {
  const height = props.height ?? 320;
  return (
    <Suspense fallback={<div style={{ width: '100%', height }} aria-hidden />}>
      <EChart {...props} />
    </Suspense>
  );
}
