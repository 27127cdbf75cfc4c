import { EN_SUBJECTS, transliterate } from '../../answers/locales/en-subjects';
import type { TFeedTexts } from './texts-type';

// Names as the English answers write them (core/answers/locales/en.ts).
export const enFeedTexts: TFeedTexts = {
  calendarName: (firstName) => `Diary: ${transliterate(firstName)}`,
  subject: (name) => EN_SUBJECTS[name] ?? transliterate(name),
  test: (subject, topic) => (topic ? `Test: ${subject} — ${topic}` : `Test: ${subject}`),
  lesson: (subject) => subject,
  homework: (subject) => `Homework: ${subject}`,
  topic: (topic) => `Topic: ${topic}`,
  online: 'Online',
  onlineLink: (url) => `Join online: ${url}`,
};
