/**
 * Every text of the term charts, per language: the message under a picture and the labels in it.
 * Numbers are digits; an average is shown with two decimals, as the journals show it.
 */
export interface TChartTexts {
  /** The subject's name as the reader knows it (English for 'en'). */
  subject(name: string): string;
  /** The child's first name as the answers write it. */
  child(firstName: string): string;
  /** A mark as written in the picture: «зачёт» stays, "pass" in English. */
  mark(value: string): string;
  /** "4,21" / "4.21" */
  average(value: number): string;
  /** "12 ноя" / "12 Nov": an axis label. */
  shortDate(iso: string): string;
  /** "1 сен – 27 окт" */
  dateRange(from: string, to: string): string;

  /** «Алгебра, 2-я четверть: 14 оценок, средний балл 4,21» */
  subjectCaption(subject: string, period: string, grades: number, average: number | null): string;
  /** «Маша, 2-я четверть: 12 предметов, 148 оценок» */
  overviewCaption(child: string, period: string, subjects: number, grades: number): string;
  /** «Алгебра, 2-я четверть: оценок пока нет» — said instead of a picture. */
  noGrades(title: string, period: string): string;

  /** Under the average in a subject chart's corner. */
  averageLabel: string;
  /** Over the averages' column of the grid. */
  averageColumn: string;
  /** A threshold guide: «"5" от 4,5». */
  threshold(mark: number, from: number): string;
  /** The legend of a subject chart; `unscored` when some marks are not averaged. */
  subjectLegend(unscored: boolean): string;
  /** The legend key of the grid's grey cells. */
  unscoredKey: string;
}
