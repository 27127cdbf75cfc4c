import { dayAndMonth, isoWeekday } from '../../calendar/civil-date';
import { declineRuName } from '../../nlu/name-forms';
import type { TComingTexts } from './coming-texts-type';
import { numberWords, plural } from './ru-numbers';

const SHORT_WEEKDAYS = ['Пн', 'Вт', 'Ср', 'Чт', 'Пт', 'Сб', 'Вс'];
const WEEKDAY_IN = ['в понедельник', 'во вторник', 'в среду', 'в четверг', 'в пятницу', 'в субботу', 'в воскресенье'];
const MONTH_GEN = [
  'января',
  'февраля',
  'марта',
  'апреля',
  'мая',
  'июня',
  'июля',
  'августа',
  'сентября',
  'октября',
  'ноября',
  'декабря',
];
// «вторым уроком»: the instrumental ordinal is how a lesson's place in the day is said.
const ORDINAL_INSTR = ['первым', 'вторым', 'третьим', 'четвёртым', 'пятым', 'шестым', 'седьмым', 'восьмым', 'девятым'];

const dayMonth = (iso: string) => {
  const { day, month } = dayAndMonth(iso);
  return `${day} ${MONTH_GEN[month - 1]}`;
};
const time = (hhmm: string) => hhmm.replace(/^0(\d)/, '$1');
const genitive = (name: string) => declineRuName(name)[0] ?? name;
const spaced = (...parts: string[]) => parts.filter(Boolean).join(' ');

export const COMING_RU: TComingTexts = {
  fortnight: 'в ближайшие две недели',
  thisWeek: 'на этой неделе',
  testsHead: (span, inSubject) => spaced('Контрольные', inSubject, span),
  noTests: (span, inSubject) => `${spaced('Контрольных', inSubject, span)} нет`,
  noNextTest: (inSubject) => `${spaced('Контрольных', inSubject)} пока не назначено`,
  testDay: (date) => `${SHORT_WEEKDAYS[isoWeekday(date) - 1]} ${dayMonth(date)}`,
  spokenDay: (date) => `${WEEKDAY_IN[isoWeekday(date) - 1]}, ${dayMonth(date)}`,
  lessonNumber: (n, form) => (form === 'shown' ? `${n}-й урок` : `${ORDINAL_INSTR[n - 1] ?? `${n}-м`} уроком`),
  testsOwner: (name, span, count, numbers) =>
    `У ${genitive(name)} ${span} ${numbers === 'words' ? numberWords(count, 'f') : count} ${plural(count, ['контрольная', 'контрольные', 'контрольных'])}`,
  nextTestOwner: (name, inSubject) => spaced('Следующая контрольная', inSubject, `у ${genitive(name)}`),
  topic: 'тема',
  eventsHead: (span) => `Мероприятия ${span}`,
  noEvents: (span) => `Мероприятий ${span} нет`,
  eventsOwner: (name, span) => `У ${genitive(name)} ${span}`,
  eventTime: (start, end, form) =>
    end && form === 'shown'
      ? `${time(start)}–${time(end)}`
      : end
        ? `с ${time(start)} до ${time(end)}`
        : `в ${time(start)}`,
  unreadableEvent: 'мероприятие',
  onlineLink: 'онлайн-трансляция',
  dayEventsHead: 'В школе',
};
