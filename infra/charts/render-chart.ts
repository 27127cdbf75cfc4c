import type { TSubjectChart, TTermChart } from '../../core/charts';
import { rasterise, type TPng } from './rasterise';
import { subjectChartSvg } from './subject-chart-svg';
import { termGridSvg } from './term-grid-svg';

/** What a rendering thread is asked to draw; the chart has passed its schema. */
export type TChartJob = { kind: 'subject'; chart: TSubjectChart } | { kind: 'overview'; chart: TTermChart };

/** The SVG of a job: a step of its own so that tests can read what will be drawn. */
export function chartSvg(job: TChartJob): string {
  return job.kind === 'subject' ? subjectChartSvg(job.chart).svg : termGridSvg(job.chart).svg;
}

/** Draws a job on the calling thread: tens of milliseconds, so the server calls it in a worker (chart-workers.ts). */
export function renderChart(job: TChartJob): TPng {
  return rasterise(chartSvg(job));
}
