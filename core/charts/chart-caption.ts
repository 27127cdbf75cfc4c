import { subjectSeries } from './chart-series';
import type { TSubjectChart, TTermChart } from './chart-types';
import { CHART_TEXTS } from './locales';

// The message sent with a picture says in words what the picture shows, so a chat's preview, a
// screen reader and a parent who does not open the image all get the point. With no grades at all
// there is no picture, and the same words are the whole answer.

export const subjectChartIsEmpty = (chart: TSubjectChart): boolean => chart.subject.grades.length === 0;

export const termChartIsEmpty = (chart: TTermChart): boolean => chart.subjects.every((s) => s.grades.length === 0);

/** «Алгебра, 2-я четверть: 14 оценок, средний балл 4,21», or «…: оценок пока нет». */
export function subjectChartCaption(chart: TSubjectChart): string {
  const t = CHART_TEXTS[chart.lang];
  const subject = t.subject(chart.subject.name);
  if (subjectChartIsEmpty(chart)) return t.noGrades(subject, chart.period.name);
  const { points, average } = subjectSeries(chart.subject);
  return t.subjectCaption(subject, chart.period.name, points.length, average);
}

/** «Маша, 2-я четверть: 12 предметов, 148 оценок», or «…: оценок пока нет». */
export function termChartCaption(chart: TTermChart): string {
  const t = CHART_TEXTS[chart.lang];
  const child = t.child(chart.childName);
  if (termChartIsEmpty(chart)) return t.noGrades(child, chart.period.name);
  const grades = chart.subjects.reduce((n, s) => n + s.grades.length, 0);
  return t.overviewCaption(child, chart.period.name, chart.subjects.length, grades);
}
