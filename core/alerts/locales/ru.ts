import type { TItemPayload } from '../alert-types';
import { ruAccusative, ruPrepositional } from './ru-cases';
import { ruComing } from './ru-coming';
import { ruDative } from './ru-dative';
import { ruFinalGradeHead, ruMark, ruPeriod } from './ru-final-grade';
import type { TAlertTexts } from './texts-type';

// Russian alert texts. Kept apart from the answer renderers so alerts stay stable while those evolve.

const rub = (kopecks: number) => `${(kopecks / 100).toFixed(2).replace('.', ',').replace(',00', '')} ₽`;
const ruDate = (iso?: string) => (iso ? iso.split('-').reverse().slice(0, 2).join('.') : '');
/** The verb's past tense for the pupil: «пришла» / «пришёл». */
const past = (p: TItemPayload, feminine: string, masculine: string) => (p.feminine ? feminine : masculine);
const lessonNo = (p: TItemPayload) => (p.lessonNumber ? ` (${p.lessonNumber}-й урок)` : '');

export const ruTexts: TAlertTexts = {
  gradeCreated: (p) => {
    const notes = [p.workType?.toLowerCase(), p.weight && p.weight > 1 ? `вес ${p.weight}` : undefined].filter(Boolean);
    return `${p.value} по ${ruDative(p.subjectName ?? '')}${notes.length ? ` (${notes.join(', ')})` : ''}`;
  },
  gradeChanged: (p) =>
    `оценка по ${ruDative(p.subjectName ?? '')} за ${ruDate(p.date)} исправлена${p.previousValue ? `: ${p.previousValue} → ${p.value}` : ` на ${p.value}`}`,
  gradeDeleted: (p) => `оценка ${p.value} по ${ruDative(p.subjectName ?? '')} за ${ruDate(p.date)} удалена`,
  homework: (p) => `${p.isNew ? 'новое задание' : 'задание изменено'} по ${ruDative(p.subjectName ?? '')} на завтра`,
  lessonCancelled: (p) => `урок ${p.subjectName} ${ruDate(p.date)} в ${p.start} отменён`,
  lessonMoved: (p) =>
    `урок ${p.subjectName} перенесён с ${ruDate(p.previousDate)} ${p.previousStart ?? ''} на ${ruDate(p.date)} ${p.start}`.replace(
      /\s+/g,
      ' ',
    ),
  canteenLow: (p) => `баланс питания ${rub(p.balanceKopecks ?? 0)} — ниже ${rub(p.thresholdKopecks ?? 0)}`,
  finalGrade: (p) => `${ruFinalGradeHead(p)}: ${ruMark(p.value)}${ruPeriod(p)}`,
  finalGradeChanged: (p) =>
    `${ruFinalGradeHead(p)}${ruPeriod(p)} исправлена: ${p.previousValue ? `${ruMark(p.previousValue)} → ` : ''}${ruMark(p.value)}`,
  averageLow: (p) =>
    `средний балл по ${ruDative(p.subjectName ?? '')} опустился до ${(p.average ?? 0).toFixed(2).replace('.', ',')} — ниже четвёрки`,
  arrival: (p) => `${past(p, 'пришла', 'пришёл')} в школу в ${p.time}`,
  departure: (p) => `${past(p, 'ушла', 'ушёл')} из школы в ${p.time}`,
  absence: (p) =>
    p.status === 'late'
      ? `${past(p, 'опоздала', 'опоздал')} на ${ruAccusative(p.subjectName ?? '')}${lessonNo(p)}`
      : `${past(p, 'не была', 'не был')} на ${ruPrepositional(p.subjectName ?? '')}${lessonNo(p)}`,
  noPass: (p) => `ещё не ${past(p, 'прошла', 'прошёл')} в школу, а первый урок начался в ${p.time}`,
  ...ruComing,
  absenceDay: (student, p) => `${student} ${p.sameDay ? 'сегодня' : ruDate(p.date)}`,
  instantHeader: (student, count) => `${student}: новое в дневнике (${count})`,
  digestHeader: (count) => `Сводка за день (${count})`,
  more: (count) => `… и ещё ${count}`,
};
