// The public face of core/charts: the data a term chart is drawn from, its shaping and words,
// and the port a renderer implements (infra/charts/). Outside core, import only from here.

export {
  subjectChartCaption,
  subjectChartIsEmpty,
  termChartCaption,
  termChartIsEmpty,
} from './chart-caption';
export type { TermChartRenderer } from './chart-port';
export {
  DEFAULT_ROUNDING,
  gradeScore,
  markGuides,
  roundAverage,
  subjectSeries,
  type TChartPoint,
  type TSubjectSeries,
  termMark,
} from './chart-series';
export {
  type TChartGrade,
  type TChartImage,
  type TChartPeriod,
  type TChartRounding,
  type TChartSubject,
  type TSubjectChart,
  type TTermChart,
  ZSubjectChartSchema,
  ZTermChartSchema,
} from './chart-types';
export { CHART_TEXTS, type TChartTexts } from './locales';
