import type { TGradeItem } from '../diary/diary-types';
import { missingLines, reminderTexts } from '../reminders';
import type { TAnswer } from './answer-types';
import type { TAnswerTexts } from './locales/texts-type';

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

export function spokenSections(answer: TAnswer, l: TAnswerTexts): TSpokenSection[] {
  const s = l.spoken;
  switch (answer.kind) {
    case 'grades': {
      const when = l.when(answer.period);
      return answer.sections.map(({ student, grades, average }) => {
        if (grades.length === 0) return single(s.noGrades(student.firstName, when, named(answer.subject, l)));
        return {
          prefix: s.gradesPrefix(student.firstName, when),
          items: gradePhrases(grades, l),
          sep: ', ',
          suffix: average !== null && grades.length > 1 ? `; ${l.average(average)}.` : '.',
        };
      });
    }
    case 'homework': {
      const when = l.when(answer.period);
      return answer.sections.map(({ student, homework }) => {
        if (homework.length === 0) return single(s.noHomework(student.firstName, when, named(answer.subject, l)));
        return {
          prefix: s.homeworkPrefix(student.firstName, when),
          items: homework.map((x) => s.homeworkItem(x.subject, trimSentence(x.text))),
          sep: '; ',
          suffix: '.',
        };
      });
    }
    case 'schedule': {
      const when = l.when(answer.period);
      return answer.sections.map(({ student, lessons }) => {
        if (lessons.length === 0) return single(s.noLessons(student.firstName, when));
        const first = lessons.find((x) => !x.cancelled) ?? lessons[0];
        return {
          prefix: s.schedulePrefix(student.firstName, when, l.countLessons(lessons.length)),
          items: lessons.map((x) => s.scheduleItem(x.subject, x)),
          sep: ', ',
          suffix:
            answer.period.from === answer.period.to ? `; ${l.texts.firstLessonAt(spokenTime(first.start))}.` : '.',
        };
      });
    }
    case 'teacher-schedule': {
      const when = l.when(answer.period);
      if (answer.lessons.length === 0) return [single(l.texts.noLessons(when))];
      return [
        {
          prefix: s.teacherPrefix(when, l.countLessons(answer.lessons.length)),
          items: answer.lessons.map((x) => s.teacherItem(spokenTime(x.start), x.subject, x.className)),
          sep: ', ',
          suffix: '.',
        },
      ];
    }
    case 'balance':
      return answer.sections.map(({ student, canteen }) =>
        single(
          canteen.balanceKopecks === null
            ? s.noBalance(student.firstName)
            : s.balance(student.firstName, l.moneySpoken(canteen.balanceKopecks)),
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
    case 'no-person':
      return [single(l.texts.noPerson)];
    case 'slow-down':
      return [single(l.texts.slowDown)];
    case 'journal': {
      const t = reminderTexts(l.lang);
      if (answer.lessons.length === 0) return [single(t.allFilled(answer.days))];
      return [single(`${t.unfilledHead(answer.lessons.length)}. ${missingLines(answer.lessons, l.lang).join('; ')}.`)];
    }
    case 'snoozed':
      return [
        single(reminderTexts(l.lang).snoozed(reminderTexts(l.lang).dateTime(answer.untilDate, answer.untilTime))),
      ];
    case 'not-teacher':
      return [single(reminderTexts(l.lang).notTeacher)];
  }
}

/** "пятёрка и две четвёрки по математике": grades grouped by subject, best first. */
function gradePhrases(grades: readonly TGradeItem[], l: TAnswerTexts): string[] {
  const bySubject = new Map<string, Map<string, number>>();
  for (const g of grades) {
    const counts = bySubject.get(g.subject) ?? new Map<string, number>();
    counts.set(g.value, (counts.get(g.value) ?? 0) + 1);
    bySubject.set(g.subject, counts);
  }
  return [...bySubject].map(([subject, counts]) => {
    const values = [...counts].sort((a, b) => b[0].localeCompare(a[0]));
    return `${l.list(values.map(([value, n]) => l.gradeCount(value, n)))} ${l.inSubject(subject)}`;
  });
}

/** "08:30" is read as "ноль восемь тридцать"; "8:30" as "восемь тридцать". */
function spokenTime(hhmm: string): string {
  return hhmm.replace(/^0(\d)/, '$1');
}

/** Homework texts may be paragraphs; the voice says only the first sentence. */
function trimSentence(text: string): string {
  const first = text.split(/(?<=[.!?])\s+(?=[A-ZА-ЯЁ])/)[0].replace(/[.!?]+$/, '');
  return first.length > 160 ? `${first.slice(0, 157)}…` : first;
}
