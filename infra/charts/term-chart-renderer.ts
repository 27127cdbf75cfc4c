import {
  subjectChartCaption,
  subjectChartIsEmpty,
  type TChartImage,
  type TermChartRenderer,
  termChartCaption,
  termChartIsEmpty,
  ZSubjectChartSchema,
  ZTermChartSchema,
} from '../../core/charts';
import { type ChartWorkersOptions, createChartWorkers } from './chart-workers';

// core's TermChartRenderer over the rendering threads. The chart is checked and its words made
// here, on the caller's thread (both take well under a millisecond); only the drawing goes to a
// thread, and not at all when there are no grades: then the words are the whole answer.

export function createTermChartRenderer(options: ChartWorkersOptions = {}): TermChartRenderer {
  const workers = createChartWorkers(options);
  return {
    async subject(input) {
      const chart = ZSubjectChartSchema.parse(input);
      const caption = subjectChartCaption(chart);
      if (subjectChartIsEmpty(chart)) return { kind: 'empty', caption } satisfies TChartImage;
      return { kind: 'image', caption, ...(await workers.render({ kind: 'subject', chart })) };
    },
    async overview(input) {
      const chart = ZTermChartSchema.parse(input);
      const caption = termChartCaption(chart);
      if (termChartIsEmpty(chart)) return { kind: 'empty', caption } satisfies TChartImage;
      return { kind: 'image', caption, ...(await workers.render({ kind: 'overview', chart })) };
    },
    close: () => workers.close(),
  };
}
