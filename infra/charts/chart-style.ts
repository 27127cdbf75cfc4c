import { type TChartRounding, termMark } from '../../core/charts';

// The look shared by the charts. Sizes are CSS pixels of a 390 px wide phone screen; the PNG is
// drawn at twice that (780 px), the density of most phones, so text stays sharp when shown full width.

export const CHART_WIDTH = 390;
export const PIXEL_RATIO = 2;
export const MARGIN = 16;

export const INK = '#111827';
export const MUTED = '#6b7280';
export const RULE = '#e5e7eb';
export const STRIPE = '#f5f6f8';
export const AVERAGE_LINE = '#2563eb';

// Marks by colour, as parents read a journal: green good, amber so-so, red bad; grey has no number.
// Each with the colour of a digit written on it (contrast ≥ 4.5 : 1 for the light ones).
const MARK_COLOURS: Record<number, { fill: string; ink: string; text: string }> = {
  5: { fill: '#1f9d55', ink: '#ffffff', text: '#15803d' },
  4: { fill: '#9ccc4a', ink: '#1a2e05', text: '#4d7c0f' },
  3: { fill: '#f5b82e', ink: '#422006', text: '#b45309' },
  2: { fill: '#e5484d', ink: '#ffffff', text: '#dc2626' },
  1: { fill: '#a61b22', ink: '#ffffff', text: '#a61b22' },
};
const UNSCORED = { fill: '#cbd0d8', ink: '#374151', text: MUTED };

/** The fill and digit colour of a mark's dot or cell; grey for one without a number. */
export const markColour = (score: number | null) => (score === null ? UNSCORED : MARK_COLOURS[score]);

/** The colour an average is written in: that of the period's mark it earns under the school's rule. */
export const averageColour = (average: number | null, rounding?: TChartRounding): string =>
  average === null ? MUTED : MARK_COLOURS[termMark(average, rounding)].text;
