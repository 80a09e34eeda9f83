import type { ChartOptions } from 'chart.js';
import type { ChartPalette } from '../../composables/useChartTheme';

/**
 * The axis of weeks (or months) the adherence and spasm charts share: the
 * same labels and the same fixed widths of the axes on both sides, so the two
 * charts line up period under period and a person can compare a week's
 * sessions with its nights.
 */
export const AXIS_WIDTH = 60;

/** One axis's options, as deeply optional as Chart.js takes them inside a chart's options. */
type ScaleOptions = NonNullable<ChartOptions<'bar'>['scales']>[string];

const fixWidth = (scale: { width: number }) => {
  scale.width = AXIS_WIDTH;
};

/**
 * Labels are all about the same width ("12 Nov", "Mar 2024"): measuring a few
 * tells Chart.js how many fit, without formatting and measuring hundreds (a
 * time axis over a year has a candidate tick every day).
 */
export const LABELS_MEASURED = 12;

/** The x axis: one category per period, labels thinned out by Chart.js when there are many. */
export function periodScale(palette: ChartPalette): ScaleOptions {
  return {
    type: 'category',
    grid: { display: false },
    border: { color: palette.border },
    ticks: { color: palette.muted, autoSkip: true, autoSkipPadding: 16, maxRotation: 0, sampleSize: LABELS_MEASURED },
  };
}

/**
 * A y axis of fixed width, on the left or right. It has no title (the legend names each series and its side, which leaves a narrow window room for the plot); `title` is kept for reports that want one.
 */
export function valueScale(palette: ChartPalette, position: 'left' | 'right', options: { min: number; max: number; stepSize?: number; title?: string; format?: (value: number) => string }): ScaleOptions {
  return {
    type: 'linear',
    position,
    min: options.min,
    max: options.max,
    afterFit: fixWidth,
    grid: { color: palette.border, drawOnChartArea: position === 'left' },
    border: { color: palette.border },
    title: { display: Boolean(options.title), text: options.title ?? '', color: palette.muted },
    ticks: {
      color: palette.muted,
      ...(options.stepSize ? { stepSize: options.stepSize } : {}),
      ...(options.format ? { callback: (value: number | string) => options.format!(Number(value)) } : {}),
    },
  };
}

/** An empty axis on the side a chart has none, keeping the plot area the same width as its neighbour's. */
export function spacerScale(position: 'left' | 'right'): ScaleOptions {
  return { type: 'linear', position, display: true, afterFit: fixWidth, grid: { display: false }, border: { display: false }, ticks: { display: false } };
}

/** The canvas draws no legend (ProgressLegend does, as text); tooltips show each series' shape. */
export const chartPlugins = { legend: { display: false }, tooltip: { usePointStyle: true } } as const;
