import type { TChartImage, TSubjectChart, TTermChart } from './chart-types';

/**
 * Draws a child's term results as PNG pictures for the chats and the playground; implemented in
 * infra/charts/ (an SVG rasterised by resvg in a worker thread). The input is checked first: a
 * chart that breaks its schema is refused with the schema's error. A chart with no grades at all
 * comes back as text only.
 */
export interface TermChartRenderer {
  /** One subject's marks over the period with its running weighted average. */
  subject(chart: TSubjectChart): Promise<TChartImage>;
  /** Every subject of the period as a compact grid, one row each. */
  overview(chart: TTermChart): Promise<TChartImage>;
  /** Stops the rendering threads; the process can exit without it (idle threads do not hold it). */
  close(): Promise<void>;
}
