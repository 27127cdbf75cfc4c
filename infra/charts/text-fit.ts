import { fontMetrics, type TFontWeight } from './chart-fonts';

const ELLIPSIS = '…';

/** `text` as drawn in `width` pixels: whole when it fits, else cut at a character and ended with an ellipsis. */
export function fitText(text: string, size: number, width: number, weight: TFontWeight = 'regular'): string {
  const m = fontMetrics(weight);
  if (m.width(text, size) <= width) return text;
  const chars = [...text];
  let lo = 0;
  let hi = chars.length;
  // The longest prefix that fits with the ellipsis.
  while (lo < hi) {
    const mid = Math.ceil((lo + hi) / 2);
    if (m.width(chars.slice(0, mid).join('') + ELLIPSIS, size) <= width) lo = mid;
    else hi = mid - 1;
  }
  return lo === 0 ? ELLIPSIS : `${chars.slice(0, lo).join('').trimEnd()}${ELLIPSIS}`;
}

/** `text` broken at spaces into lines no wider than `width`; a word longer than a line is cut to fit. */
export function wrapText(text: string, size: number, width: number, weight: TFontWeight = 'regular'): string[] {
  const m = fontMetrics(weight);
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/).filter(Boolean)) {
    const next = line ? `${line} ${word}` : word;
    if (m.width(next, size) <= width || !line) line = next;
    else {
      lines.push(line);
      line = word;
    }
  }
  if (line) lines.push(line);
  return lines.map((l) => fitText(l, size, width, weight));
}

export const textWidth = (text: string, size: number, weight: TFontWeight = 'regular'): number =>
  fontMetrics(weight).width(text, size);
