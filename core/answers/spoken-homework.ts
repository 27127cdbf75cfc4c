import type { THomeworkItem } from '../diary/diary-types';
import type { TPeriod } from './answer-types';
import type { TAnswerTexts } from './locales/texts-type';
import type { TSpokenSection } from './spoken-sections';
import { hasCyrillic, type TVoiceForm } from './voice-form';

// Homework said aloud: the subject and the first sentence of the task, with the day it is due
// when the answer spans several days. Teachers write tasks in Russian, and Alexa speaks English
// only: read there, "Прочитать с. 106" is spelled letter by letter, and a transliteration
// ("Prochitat s. 106") is no English either. So an English voice says that the task is written
// in Russian and where to read it; the card Alexa shows next to it has the text as written.

/** A student's homework of the answer's period; `homework` is not empty. */
export function homeworkSection(
  firstName: string,
  homework: readonly THomeworkItem[],
  period: TPeriod,
  l: TAnswerTexts,
  form: TVoiceForm,
): TSpokenSection {
  const s = l.spoken;
  const oneDay = period.from === period.to;
  const unread = (x: THomeworkItem) => form === 'spoken-english' && hasCyrillic(x.text);
  const items = homework.map((x) => {
    const due = oneDay ? null : x.dueDate;
    return unread(x) ? s.homeworkInRussian(x.subject, due) : s.homeworkItem(x.subject, trimSentence(x.text), due);
  });
  return {
    prefix: s.homeworkPrefix(firstName, l.when(period)),
    items,
    sep: '; ',
    suffix: homework.some(unread) ? `. ${s.readInRussianWhere}` : '.',
  };
}

/** Homework texts may be paragraphs; the voice says only the first sentence. */
function trimSentence(text: string): string {
  const first = text.split(/(?<=[.!?])\s+(?=[A-ZА-ЯЁ])/)[0].replace(/[.!?]+$/, '');
  return first.length > 160 ? `${first.slice(0, 157)}…` : first;
}
