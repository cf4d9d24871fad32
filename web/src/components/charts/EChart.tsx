// One ECharts chart as a React component. Only the parts the app draws are registered (bars, lines, and the
// heatmap of lessons learned with its colour scale; tree-shaken
// `echarts/core` imports), and this file is only ever loaded lazily (`LazyEChart`), so ECharts stays out of
// the main bundle. The SVG renderer prints sharply on paper and in the browser's PDF.
//
// Every bar and point carries its value as a label, so there is no tooltip (and no legend: one series each),
// which also keeps the chunk small.
//
// Accessibility: the chart is an image (`role="img"`) named by `description`; the same figures are always in
// a table next to it (the caller's job), so nothing is only in the picture.
import {
  BarChart,
  type BarSeriesOption,
  HeatmapChart,
  type HeatmapSeriesOption,
  LineChart,
  type LineSeriesOption,
} from 'echarts/charts';
import {
  GridComponent,
  type GridComponentOption,
  MarkLineComponent,
  type MarkLineComponentOption,
  VisualMapComponent,
  type VisualMapComponentOption,
} from 'echarts/components';
import * as echarts from 'echarts/core';
import { SVGRenderer } from 'echarts/renderers';
import { useEffect, useRef } from 'react';

echarts.use([
  BarChart,
  LineChart,
  HeatmapChart,
  GridComponent,
  MarkLineComponent,
  VisualMapComponent,
  SVGRenderer,
]);

export type ChartOption = echarts.ComposeOption<
  | BarSeriesOption
  | LineSeriesOption
  | HeatmapSeriesOption
  | GridComponentOption
  | MarkLineComponentOption
  | VisualMapComponentOption
>;

/** The app's font in every chart (ECharts draws its own text and does not inherit the page's font). */
const FONT = 'Sarabun, "Noto Sans Thai", Tahoma, sans-serif';

export interface EChartProps {
  option: ChartOption;
  /** What the chart shows, in words, for screen readers (the figures are in the table beside it). */
  description: string;
  /** CSS height; the width follows the container. */
  height?: number | string;
  'data-testid'?: string;
}

export default function EChart({ option, description, height = 320, ...rest }: EChartProps) {
  const ref = useRef<HTMLDivElement>(null);
  const chart = useRef<echarts.EChartsType | null>(null);

  useEffect(() => {
    const el = ref.current;
    if (!el) return;
    const instance = echarts.init(el, null, { renderer: 'svg' });
    chart.current = instance;
    // The container changes width with the window, the navigation drawer and the printed page.
    const resize = () => instance.resize();
    const observer = new ResizeObserver(resize);
    observer.observe(el);
    // Printing lays the page out at paper width without always telling ResizeObserver.
    window.addEventListener('beforeprint', resize);
    window.addEventListener('afterprint', resize);
    return () => {
      observer.disconnect();
      window.removeEventListener('beforeprint', resize);
      window.removeEventListener('afterprint', resize);
      instance.dispose();
      chart.current = null;
    };
  }, []);

  useEffect(() => {
    // No animation: a chart printed or read mid-animation shows wrong bars.
    chart.current?.setOption(
      { animation: false, textStyle: { fontFamily: FONT }, ...option },
      { notMerge: true },
    );
  }, [option]);

  return (
    <div
      ref={ref}
      role="img"
      aria-label={description}
      data-testid={rest['data-testid']}
      className="echart"
      style={{ width: '100%', height }}
    />
  );
}
