import { enComing } from './en-coming';
import { enFinalGradeHead, enMark, enPeriod } from './en-final-grade';
import type { TAlertTexts } from './texts-type';

// English alert texts.

const money = (kopecks: number) => `${(kopecks / 100).toFixed(2)} RUB`;

export const enTexts: TAlertTexts = {
  gradeCreated: (p) => {
    const notes = [p.workType?.toLowerCase(), p.weight && p.weight > 1 ? `weight ${p.weight}` : undefined].filter(
      Boolean,
    );
    return `${p.value} in ${p.subjectName}${notes.length ? ` (${notes.join(', ')})` : ''}`;
  },
  gradeChanged: (p) =>
    `${p.subjectName} grade of ${p.date} corrected${p.previousValue ? `: ${p.previousValue} → ${p.value}` : ` to ${p.value}`}`,
  gradeDeleted: (p) => `${p.subjectName} grade ${p.value} of ${p.date} removed`,
  homework: (p) => `${p.isNew ? 'new' : 'changed'} ${p.subjectName} homework for tomorrow`,
  lessonCancelled: (p) => `${p.subjectName} lesson on ${p.date} at ${p.start} cancelled`,
  lessonMoved: (p) =>
    `${p.subjectName} lesson moved from ${p.previousDate ?? ''} ${p.previousStart ?? ''} to ${p.date} ${p.start}`.replace(
      /\s+/g,
      ' ',
    ),
  canteenLow: (p) => `canteen balance ${money(p.balanceKopecks ?? 0)} is below ${money(p.thresholdKopecks ?? 0)}`,
  finalGrade: (p) => `${enFinalGradeHead(p)}: ${enMark(p.value)}${enPeriod(p)}`,
  finalGradeChanged: (p) =>
    `${enFinalGradeHead(p)}${enPeriod(p)} corrected: ${p.previousValue ? `${enMark(p.previousValue)} → ` : ''}${enMark(p.value)}`,
  averageLow: (p) => `${p.subjectName} average dropped to ${(p.average ?? 0).toFixed(2)} — below a 4`,
  arrival: (p) => `arrived at school at ${p.time}`,
  departure: (p) => `left school at ${p.time}`,
  absence: (p) =>
    `${p.status === 'late' ? 'was late for' : 'missed'} ${p.subjectName}${p.lessonNumber ? ` (lesson ${p.lessonNumber})` : ''}`,
  noPass: (p) => `has not come through the school gate yet, and the first lesson began at ${p.time}`,
  ...enComing,
  absenceDay: (student, p) => `${student} ${p.sameDay ? 'today' : `on ${p.date}`}`,
  instantHeader: (student, count) => `${student}: ${count} diary updates`,
  digestHeader: (count) => `Daily summary (${count})`,
  more: (count) => `… and ${count} more`,
};
