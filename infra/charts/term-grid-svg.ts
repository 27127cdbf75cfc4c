import { CHART_TEXTS, subjectSeries, type TTermChart } from '../../core/charts';
import { FONT_FAMILY } from './chart-fonts';
import { averageColour, CHART_WIDTH, INK, MARGIN, MUTED, markColour, STRIPE } from './chart-style';
import { el, px, svgDocument, text } from './svg';
import { fitText, textWidth } from './text-fit';

// Every subject of the period on one phone screen: a row each with the subject's name, its marks
// as small coloured cells in the order they were given, and the average. The cells share one
// pitch across rows, so that rows line up and a longer row means more marks. A row that does not
// fit on one line wraps: cells narrower than MIN_PITCH could no longer be told apart on a phone.
// Past MAX_LINES the cells narrow instead, down to a strip of colour, so that the picture stays
// within what the chats take (Telegram's sendPhoto: width + height ≤ 10,000 px, ratio ≤ 20).

const HEADER = 86;
const NAME_SIZE = 12.5;
const MIN_PITCH = 5.5;
const MAX_PITCH = 16;
const MAX_LINES = 3;
const DIGITS_FROM = 10; // a cell this wide (CSS px) has room for a digit still legible on a phone

/** A rectangle with rounded corners as path data. */
function cellPath(x: number, y: number, width: number, height: number): string {
  const r = px(Math.min(3, width / 4, height / 4));
  const h = px(width - 2 * Number(r));
  const v = px(height - 2 * Number(r));
  return `M${px(x + Number(r))} ${px(y)}h${h}a${r} ${r} 0 0 1 ${r} ${r}v${v}a${r} ${r} 0 0 1 -${r} ${r}h-${h}a${r} ${r} 0 0 1 -${r} -${r}v-${v}a${r} ${r} 0 0 1 ${r} -${r}z`;
}

export function termGridSvg(chart: TTermChart): { svg: string; width: number; height: number } {
  const t = CHART_TEXTS[chart.lang];
  const W = CHART_WIDTH;
  const rows = chart.subjects.map((s) => ({ name: t.subject(s.name), series: subjectSeries(s) }));
  const body: string[] = [];

  body.push(
    text(
      { x: MARGIN, y: 30, 'font-size': 19, 'font-weight': 700, fill: INK },
      fitText(t.child(chart.childName), 19, W - 2 * MARGIN, 'bold'),
    ),
    text(
      { x: MARGIN, y: 50, 'font-size': 12, fill: MUTED },
      fitText(`${chart.period.name} · ${t.dateRange(chart.period.from, chart.period.to)}`, 12, W - 2 * MARGIN),
    ),
  );
  // The key: what each colour means, and the averages' column.
  let keyX = MARGIN;
  for (const score of [5, 4, 3, 2, null]) {
    const colour = markColour(score);
    body.push(el('rect', { x: keyX, y: 62, width: 14, height: 14, rx: 3, fill: colour.fill }));
    if (score !== null) {
      body.push(
        text(
          { x: keyX + 7, y: 73, 'font-size': 10, 'font-weight': 700, fill: colour.ink, 'text-anchor': 'middle' },
          String(score),
        ),
      );
      keyX += 18;
    } else {
      body.push(text({ x: keyX + 19, y: 73.5, 'font-size': 11, fill: MUTED }, t.unscoredKey));
    }
  }
  body.push(text({ x: W - MARGIN, y: 73.5, 'font-size': 11, fill: MUTED, 'text-anchor': 'end' }, t.averageColumn));

  // Columns: names as wide as the longest needs, within limits; the averages; the cells between.
  const nameWidth = Math.min(132, Math.max(64, ...rows.map((r) => textWidth(r.name, NAME_SIZE))));
  const avgWidth = Math.max(textWidth(t.averageColumn, 11), textWidth('4,44', 13.5, 'bold'));
  const cellsLeft = MARGIN + nameWidth + 8;
  const cellsWidth = W - MARGIN - avgWidth - 8 - cellsLeft;
  const most = Math.max(1, ...rows.map((r) => r.series.points.length));
  const lines = Math.min(MAX_LINES, Math.ceil((most * MIN_PITCH) / cellsWidth));
  const perLine = Math.ceil(most / lines);
  const pitch = Math.min(MAX_PITCH, cellsWidth / perLine);
  const gap = pitch >= 10 ? 2 : pitch >= 4 ? 1 : 0;
  const cell = pitch - gap;
  // Lines keep at least MIN_PITCH of height: narrowed cells become bars rather than specks.
  const lineHeight = Math.max(pitch, MIN_PITCH);
  const cellHeight = lineHeight - Math.max(gap, 1);

  // The cells of one colour are one path: a 20 × 60 grid is then a handful of elements for resvg
  // to parse instead of 1,200 (a quarter of the parsing time).
  const cells = new Map<string, string>();
  const digits: string[] = [];
  let top = HEADER;
  rows.forEach((row, i) => {
    const points = row.series.points;
    const rowLines = Math.max(1, Math.ceil(points.length / perLine));
    const height = Math.max(26, rowLines * lineHeight + 8);
    if (i % 2 === 0) body.push(el('rect', { x: MARGIN / 2, y: top, width: W - MARGIN, height, rx: 4, fill: STRIPE }));
    const middle = top + height / 2;
    body.push(
      text({ x: MARGIN, y: middle + 4.3, 'font-size': NAME_SIZE, fill: INK }, fitText(row.name, NAME_SIZE, nameWidth)),
      text(
        {
          x: W - MARGIN,
          y: middle + 4.6,
          'font-size': 13.5,
          'font-weight': 700,
          fill: averageColour(row.series.average, chart.rounding),
          'text-anchor': 'end',
        },
        row.series.average === null ? '—' : t.average(row.series.average),
      ),
    );
    const blockTop = middle - (rowLines * lineHeight - (lineHeight - cellHeight)) / 2;
    points.forEach((p, j) => {
      const x = cellsLeft + (j % perLine) * pitch;
      const y = blockTop + Math.floor(j / perLine) * lineHeight;
      const colour = markColour(p.score);
      cells.set(colour.fill, (cells.get(colour.fill) ?? '') + cellPath(x, y, cell, cellHeight));
      if (cell >= DIGITS_FROM) {
        // A mark without a number shows its first letter: «з» for зачёт, «н» for н/а.
        const label = p.score === null ? [...t.mark(p.value)][0] : String(p.score);
        const size = cell * 0.72;
        digits.push(
          text(
            {
              x: x + cell / 2,
              y: y + cell / 2 + size * 0.36,
              'font-size': size,
              'font-weight': 700,
              fill: colour.ink,
              'text-anchor': 'middle',
            },
            label,
          ),
        );
      }
    });
    top += height;
  });

  for (const [fill, d] of cells) body.push(el('path', { d, fill }));
  body.push(...digits);
  const height = top + 12;
  return { svg: svgDocument(W, height, FONT_FAMILY, body), width: W, height };
}
