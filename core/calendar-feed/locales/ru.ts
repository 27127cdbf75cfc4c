import type { TFeedTexts } from './texts-type';

export const ruFeedTexts: TFeedTexts = {
  calendarName: (firstName) => `Дневник: ${firstName}`,
  subject: (name) => name,
  test: (subject, topic) => (topic ? `Контрольная: ${subject} — ${topic}` : `Контрольная: ${subject}`),
  lesson: (subject) => subject,
  homework: (subject) => `Домашнее задание: ${subject}`,
  topic: (topic) => `Тема: ${topic}`,
  online: 'Онлайн',
  onlineLink: (url) => `Ссылка для подключения: ${url}`,
};
