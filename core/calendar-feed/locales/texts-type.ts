/** The words inside a calendar feed, per language (the person's own): entry titles and the calendar's name. */
export interface TFeedTexts {
  /** The calendar's name as a calendar app lists it: «Дневник: Маша». */
  calendarName(firstName: string): string;
  /** The subject's name as the reader knows it (English for 'en'). */
  subject(name: string): string;
  /** «Контрольная: Алгебра — Квадратные уравнения» */
  test(subject: string, topic: string | null): string;
  /** A lesson's title; `topic` goes into its description. */
  lesson(subject: string): string;
  /** «Домашнее задание: Алгебра» */
  homework(subject: string): string;
  /** The description line of a lesson's topic: «Тема: …» */
  topic(topic: string): string;
  /** The location of an online lesson without a room. */
  online: string;
  /** The description line of an online link. */
  onlineLink(url: string): string;
}
