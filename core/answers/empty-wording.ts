import type { TEmptyReason } from './answer-types';
import type { TAnswerTexts, TEmptyPart } from './locales/texts-type';

// The sentence for a student's section that shows nothing: the reason when the answer knows one
// (core/answers/empty-reasons.ts), else "nothing yet" for the days and subject asked about.

export interface TEmptySection {
  part: TEmptyPart;
  reason: TEmptyReason | undefined;
  /** The answer's worded days ("сегодня", "в субботу, 5 декабря"). */
  when: string;
  /** The subject a question named, or null. */
  subject: string | null;
}

/** The subject worded to follow "no grades", or empty. */
const inSubject = (subject: string | null, l: TAnswerTexts) => (subject ? l.inSubject(subject) : '');

/** Under the student's name in a chat answer. */
export function emptyChatText(e: TEmptySection, l: TAnswerTexts): string {
  if (e.reason === 'day-off') return l.texts.dayOff(e.when, e.part);
  if (e.reason === 'subject-not-taught' && e.subject) return l.texts.notTaught(e.subject);
  if (e.part === 'grades') return l.texts.noGrades(e.when, inSubject(e.subject, l));
  if (e.part === 'homework') return l.texts.noHomework(e.when, inSubject(e.subject, l));
  return l.texts.noLessons(e.when);
}

/** A whole spoken sentence, naming the student. */
export function emptySpoken(firstName: string, e: TEmptySection, l: TAnswerTexts): string {
  const s = l.spoken;
  if (e.reason === 'day-off') return s.dayOff(firstName, e.when, e.part);
  if (e.reason === 'subject-not-taught' && e.subject) return s.notTaught(firstName, e.subject);
  if (e.part === 'grades') return s.noGrades(firstName, e.when, inSubject(e.subject, l));
  if (e.part === 'homework') return s.noHomework(firstName, e.when, inSubject(e.subject, l));
  return s.noLessons(firstName, e.when);
}
