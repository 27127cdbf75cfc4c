import type { TLessonItem } from '../diary/diary-types';
import type { TPeriod } from './answer-types';
import type { TAnswerTexts } from './locales/texts-type';
import type { TSpokenSection } from './spoken-sections';
import { numberStyle, type TVoiceForm } from './voice-form';

// A timetable said aloud. The number said is the number of lessons that take place, and each
// of them is one item; a lesson's test is said as part of it ("английский язык — контрольная"),
// never as an item of its own. Cancelled lessons are not counted: they are said apart, after
// the list ("урок по физике отменён"), or instead of it when nothing else is left that day.
// Topics, rooms and teachers are left to the chat: a voice answer names the lessons only.

/** A pupil's lessons of the answer's period; `lessons` is not empty. */
export function scheduleSection(
  firstName: string,
  lessons: readonly TLessonItem[],
  period: TPeriod,
  l: TAnswerTexts,
  form: TVoiceForm,
): TSpokenSection {
  const s = l.spoken;
  const when = l.when(period);
  const oneDay = period.from === period.to;
  const held = lessons.filter((x) => !x.cancelled);
  const cancelled = cancelledClause(
    lessons.filter((x) => x.cancelled).map((x) => s.cancelledLesson(x.subject, oneDay ? null : x.date)),
    l,
  );
  if (held.length === 0) return sentence(s.allCancelled(firstName, when, cancelled));
  const first = oneDay ? l.texts.firstLessonAt(spokenTime(held[0].start)) : '';
  return {
    prefix: s.schedulePrefix(firstName, when, l.countLessons(held.length, numberStyle(form))),
    items: held.map((x) => s.scheduleItem(x.subject, x.isTest)),
    sep: ', ',
    suffix: clauses([cancelled, first]),
  };
}

/** A teacher's own lessons of the answer's period; `lessons` is not empty. */
export function teacherSection(
  lessons: readonly TLessonItem[],
  period: TPeriod,
  l: TAnswerTexts,
  form: TVoiceForm,
): TSpokenSection {
  const s = l.spoken;
  const when = l.when(period);
  const held = lessons.filter((x) => !x.cancelled);
  const cancelled = cancelledClause(
    lessons
      .filter((x) => x.cancelled)
      .map((x) => s.teacherCancelledLesson(spokenTime(x.start), x.subject, x.className)),
    l,
  );
  if (held.length === 0) return sentence(s.teacherAllCancelled(when, cancelled));
  return {
    prefix: s.teacherPrefix(when, l.countLessons(held.length, numberStyle(form))),
    items: held.map((x) => s.teacherItem(spokenTime(x.start), x.subject, x.className)),
    sep: ', ',
    suffix: clauses([cancelled]),
  };
}

/** "08:30" is read as "ноль восемь тридцать"; "8:30" as "восемь тридцать". */
export function spokenTime(hhmm: string): string {
  return hhmm.replace(/^0(\d)/, '$1');
}

/** The cancelled lessons in one clause, or empty when none is. */
function cancelledClause(names: string[], l: TAnswerTexts): string {
  return names.length === 0 ? '' : l.spoken.cancelled(l.list(names), names.length);
}

/** What follows the list: "; урок по физике отменён; первый в 8:30." */
function clauses(parts: string[]): string {
  const said = parts.filter(Boolean);
  return said.length === 0 ? '.' : `; ${said.join('; ')}.`;
}

function sentence(text: string): TSpokenSection {
  return { prefix: text, items: [], sep: '', suffix: '' };
}
