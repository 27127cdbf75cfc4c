import { readFileSync } from 'node:fs';
import { type FontMetrics, parseFontMetrics } from './font-metrics';

// The one typeface of the charts: PT Sans (ParaType, SIL Open Font License 1.1, see
// docs/third-party.md), drawn for Russian, so Cyrillic is its home script rather than an add-on.
// It ships as TrueType files in an npm package: the renderer loads these two files and never the
// machine's fonts, so a chart comes out the same on every server, with or without fonts installed.

export const FONT_FAMILY = 'PT Sans';

export const FONT_FILES = {
  regular: require.resolve('@expo-google-fonts/pt-sans/400Regular/PTSans_400Regular.ttf'),
  bold: require.resolve('@expo-google-fonts/pt-sans/700Bold/PTSans_700Bold.ttf'),
} as const;

export type TFontWeight = keyof typeof FONT_FILES;

const metrics = new Map<TFontWeight, FontMetrics>();

/** The advance widths of a weight's glyphs, read from its file once per thread. */
export function fontMetrics(weight: TFontWeight): FontMetrics {
  let m = metrics.get(weight);
  if (!m) {
    m = parseFontMetrics(readFileSync(FONT_FILES[weight]));
    metrics.set(weight, m);
  }
  return m;
}
