import { line } from 'd3-shape';

export interface Series {
  name: string;
  /** One value per label; null where there is nothing to plot. */
  values: (number | null)[];
}

const COLOURS = ['#1d70b8', '#d4351c', '#00703c', '#6f72af'];

/**
 * A line chart of percentages (0–100), laid out for the `lineChart` macro (views/charts.njk) to draw as inline SVG:
 * readable without JavaScript, labelled for screen readers, and always shown beside a table of the same numbers. The
 * layout is worked out here; the macro escapes every label.
 */
export function lineChart(options: {
  title: string;
  id: string;
  labels: string[];
  series: Series[];
  target?: number;
}) {
  const width = 640;
  const height = 240;
  const pad = { left: 40, right: 12, top: 12, bottom: 36 };
  const x = (i: number) =>
    pad.left +
    (options.labels.length <= 1 ? 0 : (i * (width - pad.left - pad.right)) / (options.labels.length - 1));
  const y = (v: number) => pad.top + ((100 - v) * (height - pad.top - pad.bottom)) / 100;
  return {
    id: options.id,
    title: options.title,
    width,
    height,
    viewHeight: height + 18,
    left: pad.left,
    right: width - pad.right,
    grid: [0, 25, 50, 75, 100].map((v) => ({ y: y(v), label: `${v}%` })),
    target: options.target === undefined ? null : y(options.target),
    labels: options.labels.map((l, i) => ({ x: x(i), text: l.slice(2) })),
    lines: options.series.map((s, i) => ({
      name: s.name,
      colour: COLOURS[i % COLOURS.length]!,
      path:
        line<number | null>()
          .defined((v) => v !== null)
          .x((_v, j) => x(j))
          .y((v) => y(v as number))(s.values) ?? '',
    })),
  };
}

/**
 * A bar chart of counts, laid out for the `barChart` macro (views/charts.njk) to draw as inline SVG, one bar a label,
 * each bar's number above it: readable without JavaScript, labelled for screen readers, and always shown beside a
 * table of the same numbers. The layout is worked out here; the macro escapes every label.
 */
export function barChart(options: { title: string; id: string; labels: string[]; values: number[] }) {
  const width = 640;
  const height = 220;
  const pad = { left: 12, right: 12, top: 20, bottom: 36 };
  const max = Math.max(1, ...options.values);
  const slot = (width - pad.left - pad.right) / Math.max(1, options.values.length);
  return {
    id: options.id,
    title: options.title,
    width,
    height,
    baseline: { x1: pad.left, x2: width - pad.right, y: height - pad.bottom },
    bars: options.values.map((value, i) => {
      const h = ((height - pad.top - pad.bottom) * value) / max;
      const x = pad.left + i * slot + slot * 0.15;
      return {
        x,
        y: height - pad.bottom - h,
        width: slot * 0.7,
        height: h,
        middle: x + slot * 0.35,
        value: value.toLocaleString('en-GB'),
        label: options.labels[i] ?? '',
        labelY: height - 14,
      };
    }),
  };
}
