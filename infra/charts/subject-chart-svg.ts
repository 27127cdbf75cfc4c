import { CHART_TEXTS, markGuides, subjectSeries, type TSubjectChart } from '../../core/charts';
import { FONT_FAMILY } from './chart-fonts';
import { AVERAGE_LINE, averageColour, CHART_WIDTH, INK, MARGIN, MUTED, markColour, RULE } from './chart-style';
import { el, px, svgDocument, text } from './svg';
import { fitText, textWidth, wrapText } from './text-fit';
import { timeAxis } from './time-axis';

// One subject over the period: a dot per numeric mark at its height (2–5) and date, sized by its
// weight; the running weighted average as a line through them; the averages at which the term mark
// becomes a "4" and a "5" (by the school's rule) as faint dashed guides. Marks without a number sit on a band under the
// plot, as grey dots with their text, so that they are seen but plainly apart from the average.

const PLOT_TOP = 72;
const PLOT_HEIGHT = 184;
const Y_PAD = 0.45; // marks of 5 and 2 stay clear of the plot's edges
const SAME_DAY_SPREAD = 7; // px between dots of one day, so that two fives on a day are two dots

/** A dot's radius by the mark's weight: 3.5 px for weight 1, up to 10.7 px for weight 5 and more. */
const radius = (weight: number) => 3.5 + 1.8 * (Math.min(weight, 5) - 1);

export function subjectChartSvg(chart: TSubjectChart): { svg: string; width: number; height: number } {
  const t = CHART_TEXTS[chart.lang];
  const series = subjectSeries(chart.subject);
  const W = CHART_WIDTH;
  const left = MARGIN + 14;
  const right = W - MARGIN;
  const body: string[] = [];

  // Header: the subject, who and when; the average in the corner, in its term mark's colour.
  const avgText = series.average === null ? '—' : t.average(series.average);
  const corner = Math.max(textWidth(avgText, 24, 'bold'), textWidth(t.averageLabel, 11)) + 12;
  body.push(
    text(
      { x: MARGIN, y: 30, 'font-size': 19, 'font-weight': 700, fill: INK },
      fitText(t.subject(series.name), 19, W - 2 * MARGIN - corner, 'bold'),
    ),
    text(
      { x: MARGIN, y: 50, 'font-size': 12, fill: MUTED },
      fitText(
        [t.child(chart.childName), chart.period.name, t.dateRange(chart.period.from, chart.period.to)].join(' · '),
        12,
        W - 2 * MARGIN - corner,
      ),
    ),
    text(
      {
        x: right,
        y: 31,
        'font-size': 24,
        'font-weight': 700,
        fill: averageColour(series.average, chart.rounding),
        'text-anchor': 'end',
      },
      avgText,
    ),
    text({ x: right, y: 48, 'font-size': 11, fill: MUTED, 'text-anchor': 'end' }, t.averageLabel),
  );

  const guides = markGuides(chart.rounding);
  // The value axis: 2–5, or 1–5 when there is a one.
  const low = series.points.some((p) => p.score === 1) ? 1 : 2;
  const bottom = PLOT_TOP + PLOT_HEIGHT;
  const y = (v: number) => PLOT_TOP + ((5 + Y_PAD - v) / (5 - low + 2 * Y_PAD)) * PLOT_HEIGHT;
  for (let v = low; v <= 5; v += 1) {
    body.push(
      el('line', { x1: left, x2: right, y1: y(v), y2: y(v), stroke: RULE, 'stroke-width': 1 }),
      text({ x: left - 7, y: y(v) + 4, 'font-size': 11, fill: MUTED, 'text-anchor': 'end' }, String(v)),
    );
  }
  for (const { mark, from } of guides) {
    body.push(
      el('line', {
        x1: left,
        x2: right,
        y1: y(from),
        y2: y(from),
        stroke: markColour(mark).fill,
        'stroke-width': 1.2,
        'stroke-dasharray': '5 4',
        'stroke-opacity': 0.75,
      }),
    );
  }

  const unscored = series.points.filter((p) => p.score === null);
  const bandY = bottom + 12;
  const axisY = unscored.length ? bandY + 20 : bottom;
  const axis = timeAxis(
    chart.period.from,
    chart.period.to,
    series.points.map((p) => p.date),
    left + 4,
    right - 4,
    5,
  );
  body.push(el('line', { x1: left, x2: right, y1: axisY, y2: axisY, stroke: '#d1d5db', 'stroke-width': 1 }));
  axis.ticks.forEach((date, i) => {
    const anchor = i === 0 && axis.ticks.length > 1 ? 'start' : i === axis.ticks.length - 1 && i > 0 ? 'end' : 'middle';
    const x = anchor === 'start' ? left : anchor === 'end' ? right : axis.x(date);
    body.push(
      el('line', {
        x1: axis.x(date),
        x2: axis.x(date),
        y1: axisY,
        y2: axisY + 4,
        stroke: '#d1d5db',
        'stroke-width': 1,
      }),
      text({ x, y: axisY + 17, 'font-size': 11, fill: MUTED, 'text-anchor': anchor }, t.shortDate(date)),
    );
  });

  // Where each mark goes: its day, spread a little when the day has several.
  const perDay = new Map<string, number>();
  for (const p of series.points) perDay.set(p.date, (perDay.get(p.date) ?? 0) + 1);
  const seen = new Map<string, number>();
  const xs = series.points.map((p) => {
    const i = seen.get(p.date) ?? 0;
    seen.set(p.date, i + 1);
    return axis.x(p.date) + (i - ((perDay.get(p.date) ?? 1) - 1) / 2) * SAME_DAY_SPREAD;
  });

  const dots: string[] = [];
  let labelEnd = Number.NEGATIVE_INFINITY;
  series.points.forEach((p, i) => {
    const colour = markColour(p.score);
    if (p.score !== null) {
      dots.push(
        el('circle', {
          cx: xs[i],
          cy: y(p.score),
          r: radius(p.weight),
          fill: colour.fill,
          'fill-opacity': 0.9,
          stroke: '#ffffff',
          'stroke-width': 1.2,
        }),
      );
      return;
    }
    // A grey dot on the band, its text under it where that does not run into the previous one.
    dots.push(el('circle', { cx: xs[i], cy: bandY, r: 3.5, fill: colour.fill, stroke: '#ffffff', 'stroke-width': 1 }));
    const label = fitText(t.mark(p.value), 9, 40);
    const half = textWidth(label, 9) / 2;
    if (xs[i] - half < labelEnd + 3) return;
    labelEnd = xs[i] + half;
    dots.push(text({ x: xs[i], y: bandY + 13, 'font-size': 9, fill: MUTED, 'text-anchor': 'middle' }, label));
  });

  // The running average: one vertex per day (after all of that day's marks), under the dots, so
  // that no mark is hidden; a white casing keeps it apart from the guides.
  const vertices: [number, number][] = [];
  series.points.forEach((p, i) => {
    const next = series.points[i + 1];
    if (p.average === null || next?.date === p.date) return;
    vertices.push([axis.x(p.date), y(p.average)]);
  });
  if (vertices.length > 1) {
    const points = vertices.map(([vx, vy]) => `${px(vx)},${px(vy)}`).join(' ');
    const line = { points, fill: 'none', 'stroke-linejoin': 'round', 'stroke-linecap': 'round' };
    body.push(
      el('polyline', { ...line, stroke: '#ffffff', 'stroke-width': 4.5, 'stroke-opacity': 0.85 }),
      el('polyline', { ...line, stroke: AVERAGE_LINE, 'stroke-width': 2.2 }),
    );
  }
  if (vertices.length) {
    const [cx, cy] = vertices[vertices.length - 1];
    body.push(el('circle', { cx, cy, r: 3.5, fill: AVERAGE_LINE, stroke: '#ffffff', 'stroke-width': 1.5 }));
  }
  body.push(...dots);

  // The guides' labels go on top, at whichever end of their line and side of it has the least drawn
  // where they would be (the right end above the line when nothing is).
  const drawn: [number, number][] = [
    ...vertices,
    ...series.points.flatMap((p, i): [number, number][] => (p.score === null ? [] : [[xs[i], y(p.score)]])),
  ];
  for (const { mark, from } of guides) {
    const label = t.threshold(mark, from);
    const width = textWidth(label, 10);
    const places = [
      { x: right - 2 - width, baseline: y(from) - 4 },
      { x: right - 2 - width, baseline: y(from) + 12 },
      { x: left + 4, baseline: y(from) - 4 },
      { x: left + 4, baseline: y(from) + 12 },
    ];
    const covered = ({ x, baseline }: (typeof places)[number]) =>
      drawn.filter(([dx, dy]) => dx > x - 10 && dx < x + width + 10 && Math.abs(dy - (baseline - 3.5)) < 13).length;
    const place = places.reduce((best, p) => (covered(p) < covered(best) ? p : best));
    body.push(
      text(
        {
          x: place.x,
          y: place.baseline,
          'font-size': 10,
          fill: markColour(mark).text,
          stroke: '#ffffff',
          'stroke-width': 3,
          'paint-order': 'stroke',
        },
        label,
      ),
    );
  }

  const legend = wrapText(t.subjectLegend(unscored.length > 0), 11, W - 2 * MARGIN);
  const legendTop = axisY + 40;
  legend.forEach((line, i) =>
    body.push(text({ x: MARGIN, y: legendTop + i * 15, 'font-size': 11, fill: MUTED }, line)),
  );
  const height = legendTop + (legend.length - 1) * 15 + 14;
  return { svg: svgDocument(W, height, FONT_FAMILY, body), width: W, height };
}
