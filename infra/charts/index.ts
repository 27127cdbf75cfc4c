// Term charts as PNG pictures: core/charts' TermChartRenderer drawn with resvg in worker threads.
export { type ChartWorkers, type ChartWorkersOptions, createChartWorkers } from './chart-workers';
export type { TPng } from './rasterise';
export { chartSvg, renderChart, type TChartJob } from './render-chart';
export { createTermChartRenderer } from './term-chart-renderer';
