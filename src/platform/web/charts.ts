import { line } from 'd3-shape';

export interface Series {
  name: string;
  /** One value per label; null where there is nothing to plot. */
  values: (number | null)[];
}

const COLOURS = ['#1d70b8', '#d4351c', '#00703c', '#6f72af'];

/**
 * A line chart as inline SVG: readable without JavaScript, labelled for screen readers, and always shown beside a
 * table of the same numbers. Values are percentages (0–100).
 */
export function lineChartSvg(options: {
  title: string;
  labels: string[];
  series: Series[];
  target?: number;
}): string {
  const width = 640;
  const height = 240;
  const pad = { left: 40, right: 12, top: 12, bottom: 36 };
  const x = (i: number) =>
    pad.left +
    (options.labels.length <= 1 ? 0 : (i * (width - pad.left - pad.right)) / (options.labels.length - 1));
  const y = (v: number) => pad.top + ((100 - v) * (height - pad.top - pad.bottom)) / 100;
  const esc = (t: string) =>
    t.replace(/[<>&"]/g, (c) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', '"': '&quot;' })[c]!);
  const grid = [0, 25, 50, 75, 100]
    .map(
      (v) =>
        `<line x1="${pad.left}" x2="${width - pad.right}" y1="${y(v)}" y2="${y(v)}" stroke="#b1b4b6" stroke-width="1"/><text x="${pad.left - 6}" y="${y(v) + 4}" text-anchor="end" font-size="12">${v}%</text>`,
    )
    .join('');
  const target =
    options.target === undefined
      ? ''
      : `<line x1="${pad.left}" x2="${width - pad.right}" y1="${y(options.target)}" y2="${y(options.target)}" stroke="#505a5f" stroke-dasharray="4 4"/>`;
  const labels = options.labels
    .map(
      (l, i) =>
        `<text x="${x(i)}" y="${height - 12}" text-anchor="middle" font-size="11">${esc(l.slice(2))}</text>`,
    )
    .join('');
  const paths = options.series
    .map((s, i) => {
      const path = line<number | null>()
        .defined((v) => v !== null)
        .x((_v, j) => x(j))
        .y((v) => y(v as number))(s.values);
      return `<path d="${path ?? ''}" fill="none" stroke="${COLOURS[i % COLOURS.length]}" stroke-width="3"/>`;
    })
    .join('');
  const legend = options.series
    .map((s, i) => `<tspan fill="${COLOURS[i % COLOURS.length]}" dx="${i ? 16 : 0}">■ ${esc(s.name)}</tspan>`)
    .join('');
  return `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${width} ${height + 18}" width="100%" role="img" aria-labelledby="chart-title"><title id="chart-title">${esc(options.title)}</title>${grid}${target}${paths}${labels}<text x="${pad.left}" y="${height + 14}" font-size="12">${legend}</text></svg>`;
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
