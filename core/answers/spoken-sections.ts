import type { TGradeItem } from '../diary/diary-types';
import { missingLines, reminderTexts } from '../reminders';
import type { TAnswer } from './answer-types';
import { emptySpoken } from './empty-wording';
import { transliterate } from './locales/en-subjects';
import type { TAnswerTexts } from './locales/texts-type';
import { comingSpoken, dayEventsSpoken } from './render-coming';
import { presenceSpoken } from './render-presence';
import { termSpoken } from './render-term';
import { homeworkSection } from './spoken-homework';
import { scheduleSection, teacherSection } from './spoken-lessons';
import { numberStyle, type TNumberStyle, type TVoiceForm } from './voice-form';

/**
 * A spoken answer as parts that can be shortened: a prefix, items (which may be dropped from
 * the end, "и ещё 3") and a suffix. One section per student; the voice pauses between them.
 */
export interface TSpokenSection {
  prefix: string;
  items: string[];
  sep: string;
  suffix: string;
}

/** The subject a question named, worded to follow "no grades", or empty. */
export const named = (subject: string | null, l: TAnswerTexts) => (subject ? l.inSubject(subject) : '');

const single = (text: string): TSpokenSection => ({ prefix: text, items: [], sep: '', suffix: '' });

/** The answer's sections in one form: shown (Alice `text`), spoken (Alice `tts`) or spoken in English (Alexa). */
export function spokenSections(answer: TAnswer, l: TAnswerTexts, form: TVoiceForm): TSpokenSection[] {
  const s = l.spoken;
  switch (answer.kind) {
    case 'grades': {
      const when = l.when(answer.period);
      return answer.sections.map(({ student, grades, average, emptyReason }) => {
        if (grades.length === 0)
          return single(
            emptySpoken(student.firstName, { part: 'grades', reason: emptyReason, when, subject: answer.subject }, l),
          );
        return {
          prefix: s.gradesPrefix(student.firstName, when),
          items: gradePhrases(grades, l, numberStyle(form)),
          sep: ', ',
          suffix: average !== null && grades.length > 1 ? `; ${l.average(average)}.` : '.',
        };
      });
    }
    case 'homework': {
      const when = l.when(answer.period);
      return answer.sections.map(({ student, homework, emptyReason }) => {
        if (homework.length === 0)
          return single(
            emptySpoken(student.firstName, { part: 'homework', reason: emptyReason, when, subject: answer.subject }, l),
          );
        return homeworkSection(student.firstName, homework, answer.period, l, form);
      });
    }
    case 'schedule': {
      const when = l.when(answer.period);
      return answer.sections.map(({ student, lessons, emptyReason, events }) => {
        const day = dayEventsSpoken(events ?? [], l, form);
        if (lessons.length === 0)
          return single(
            `${emptySpoken(student.firstName, { part: 'lessons', reason: emptyReason, when, subject: answer.subject }, l)}${day}`,
          );
        const section = scheduleSection(student.firstName, lessons, answer.period, l, form);
        return day ? { ...section, suffix: `${section.suffix}${day}` } : section;
      });
    }
    case 'teacher-schedule': {
      const when = l.when(answer.period);
      if (answer.lessons.length === 0)
        return [single(answer.dayOff ? l.texts.dayOff(when, 'lessons') : l.texts.noLessons(when))];
      return [teacherSection(answer.lessons, answer.period, l, form)];
    }
    case 'balance':
      return answer.sections.map(({ student, canteen }) =>
        single(
          canteen.balanceKopecks === null
            ? s.noBalance(student.firstName)
            : s.balance(
                student.firstName,
                form === 'shown' ? l.money(canteen.balanceKopecks) : l.moneySpoken(canteen.balanceKopecks),
              ),
        ),
      );
    case 'help':
      return [single(l.texts.helpSpoken)];
    case 'action':
      return [single(l.texts.action[answer.action])];
    case 'unknown':
      return [single(l.texts.unknown)];
    case 'not-linked':
      return [single(l.texts.notLinked)];
    case 'refused':
      return [single(l.texts.refused)];
    case 'ask-child':
      return [single(l.texts.askChild)];
    case 'clarify':
      return [single(l.texts.clarify(named(answer.subject, l)))];
    case 'which-child':
      return [
        single(
          l.texts.whichChild(
            l.list(
              answer.children.map((c) => l.studentName(c)),
              'or',
            ),
          ),
        ),
      ];
    case 'no-person':
      return [single(l.texts.noPerson)];
    case 'slow-down':
      return [single(l.texts.slowDown)];
    case 'journal': {
      const t = reminderTexts(l.lang);
      const numbers = numberStyle(form);
      if (answer.lessons.length === 0) return [single(t.allFilled(answer.days, numbers))];
      const lines = missingLines(answer.lessons, l.lang, numbers).join('; ');
      // Class names ("5А") and subjects without an English name are names: English speech reads them in Latin letters.
      const said = form === 'spoken-english' ? transliterate(lines) : lines;
      return [single(`${t.unfilledHead(answer.lessons.length, numbers)}. ${said}.`)];
    }
    case 'snoozed':
      return [
        single(reminderTexts(l.lang).snoozed(reminderTexts(l.lang).dateTime(answer.untilDate, answer.untilTime))),
      ];
    case 'not-teacher':
      return [single(reminderTexts(l.lang).notTeacher)];
    case 'average':
    case 'final-grades':
    case 'needed':
    case 'topics':
    case 'no-such-period':
      return termSpoken(answer, l, form);
    case 'presence':
    case 'absences':
    case 'attended':
      return presenceSpoken(answer, l, form);
    case 'tests':
    case 'events':
      return comingSpoken(answer, l, form);
  }
}

/** "пятёрка и две четвёрки по математике": grades grouped by subject, best first. */
function gradePhrases(grades: readonly TGradeItem[], l: TAnswerTexts, numbers: TNumberStyle): string[] {
  const bySubject = new Map<string, Map<string, number>>();
  for (const g of grades) {
    const counts = bySubject.get(g.subject) ?? new Map<string, number>();
    counts.set(g.value, (counts.get(g.value) ?? 0) + 1);
    bySubject.set(g.subject, counts);
  }
  return [...bySubject].map(([subject, counts]) => {
    const values = [...counts].sort((a, b) => b[0].localeCompare(a[0]));
    return `${l.list(values.map(([value, n]) => l.gradeCount(value, n, numbers)))} ${l.inSubject(subject)}`;
  });
}
