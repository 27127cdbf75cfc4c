import type { TComposedMessage, TItemGroup } from './alert-types';
import { alertTexts } from './locales';
import { NEWS_KINDS, PRESENCE_KINDS, renderItem } from './render-item';

// Due items of one chat → one message: a single line for one alert, a short list for several.

/** Telegram allows 4096 characters, VK 9000: stay under the smaller. */
export const MAX_MESSAGE_CHARS = 4000;
const MAX_LINES = 30;

export function composeMessage(group: TItemGroup): TComposedMessage {
  const texts = alertTexts(group.locale);
  const items = [...group.items].sort((a, b) => a.ingestedAt.getTime() - b.ingestedAt.getTime());
  const ingestedAt = items[0].ingestedAt;
  const itemIds = items.map((i) => i.id);
  const instant = group.groupKey.startsWith('i:');
  if (items.length === 1) {
    const only = items[0];
    const name = only.payload.studentName;
    const line = renderItem(texts, only.kind, only.payload);
    if (NEWS_KINDS.has(only.kind))
      return { chatId: group.chatId, itemIds, ingestedAt, text: line.slice(0, MAX_MESSAGE_CHARS) };
    const text = !PRESENCE_KINDS.has(only.kind)
      ? `${name}: ${line}`
      : only.kind === 'attendance.absence' && group.groupKey.startsWith('a:')
        ? `${texts.absenceDay(name, only.payload)}: ${line}`
        : `${name} ${line}`;
    return { chatId: group.chatId, itemIds, ingestedAt, text };
  }
  // A pupil's day of absences (plan-absence.ts) is one sentence: «Варвара сегодня: не была на …, опоздала на …».
  if (group.groupKey.startsWith('a:')) {
    const byLesson = [...items].sort((a, b) => (a.payload.start ?? '').localeCompare(b.payload.start ?? ''));
    const lines = byLesson.map((i) => renderItem(texts, i.kind, i.payload));
    const text = `${texts.absenceDay(items[0].payload.studentName, items[0].payload)}: ${lines.join(', ')}`;
    return { chatId: group.chatId, itemIds, ingestedAt, text: text.slice(0, MAX_MESSAGE_CHARS) };
  }
  // An instant group is one student: name them once in the header.
  const lines = items.map((i) =>
    instant
      ? renderItem(texts, i.kind, i.payload)
      : `${i.payload.studentName}: ${renderItem(texts, i.kind, i.payload)}`,
  );
  const header = instant
    ? texts.instantHeader(items[0].payload.studentName, items.length)
    : texts.digestHeader(items.length);
  let text = header;
  let shown = 0;
  for (const line of lines) {
    const next = `${text}\n• ${line}`;
    if (shown >= MAX_LINES || next.length > MAX_MESSAGE_CHARS - 40) break;
    text = next;
    shown++;
  }
  if (shown < lines.length) text += `\n${texts.more(lines.length - shown)}`;
  return { chatId: group.chatId, itemIds, ingestedAt, text };
}
