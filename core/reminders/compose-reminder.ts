import type { TNumberStyle } from '../answers/voice-form';
import { reminderTexts } from './locales';
import { MISSING_ORDER, type TJournalLesson, type TMissing } from './reminder-types';

// A teacher's reminders → one message: a line per kind of gap ("3 урока без темы: 5А математика
// 2 декабря, …"), lessons in date order. A lesson lacking two things appears in both lines.

/** Telegram allows 4096 characters, VK 9000: stay under the smaller. */
const MAX_CHARS = 3800;
/** Lessons named per line before "and N more": a long list helps nobody. */
const MAX_PER_LINE = 8;

export function groupByMissing(lessons: readonly TJournalLesson[]): { missing: TMissing; lessons: TJournalLesson[] }[] {
  const sorted = [...lessons].sort(
    (a, b) => (a.date + a.start).localeCompare(b.date + b.start) || a.className.localeCompare(b.className),
  );
  return MISSING_ORDER.map((missing) => ({
    missing,
    lessons: sorted.filter((l) => l.missing.includes(missing)),
  })).filter((g) => g.lessons.length > 0);
}

/**
 * The lines of the list (without the header), as a reminder and the "не заполнены" answer both
 * show them; `numbers` 'words' where a voice says them.
 */
export function missingLines(
  lessons: readonly TJournalLesson[],
  locale: string,
  numbers: TNumberStyle = 'digits',
): string[] {
  const t = reminderTexts(locale);
  return groupByMissing(lessons).map(({ missing, lessons: group }) => {
    const named = group.slice(0, MAX_PER_LINE).map((l) => t.lesson(l.className, l.subject, l.date));
    const rest = group.length - named.length;
    return `${t.group(missing, group.length, numbers)}: ${named.join(', ')}${rest > 0 ? `, ${t.more(rest, numbers)}` : ''}`;
  });
}

export function composeReminder(lessons: readonly TJournalLesson[], locale: string): string {
  let text = reminderTexts(locale).header;
  for (const line of missingLines(lessons, locale)) {
    const next = `${text}\n• ${line}`;
    if (next.length > MAX_CHARS) break;
    text = next;
  }
  return text;
}
