import { dayAndMonth, daysBetween, isoWeekday } from '../../calendar/civil-date';
import { declineRuName } from '../../nlu/name-forms';
import type { TPeriod } from '../answer-types';
import { isRoomNumber } from './rooms';
import { numberWords, plural, type TGender } from './ru-numbers';
import { RU_SUBJECT_DATIVE } from './ru-subjects';
import type { TAnswerTexts, TEmptyPart } from './texts-type';

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
const RELATIVE: Record<number, string> = {
  [-2]: 'позавчера',
  [-1]: 'вчера',
  0: 'сегодня',
  1: 'завтра',
  2: 'послезавтра',
};

const GRADE_FORMS: Record<string, { forms: [string, string, string]; gender: TGender }> = {
  '5': { forms: ['пятёрка', 'пятёрки', 'пятёрок'], gender: 'f' },
  '4': { forms: ['четвёрка', 'четвёрки', 'четвёрок'], gender: 'f' },
  '3': { forms: ['тройка', 'тройки', 'троек'], gender: 'f' },
  '2': { forms: ['двойка', 'двойки', 'двоек'], gender: 'f' },
  '1': { forms: ['единица', 'единицы', 'единиц'], gender: 'f' },
  зачёт: { forms: ['зачёт', 'зачёта', 'зачётов'], gender: 'm' },
  незачёт: { forms: ['незачёт', 'незачёта', 'незачётов'], gender: 'm' },
};

function dayMonth(iso: string): string {
  const { day, month } = dayAndMonth(iso);
  return `${day} ${MONTH_GEN[month - 1]}`;
}

function when(period: TPeriod): string {
  if (period.from !== period.to) return `с ${dayMonth(period.from)} по ${dayMonth(period.to)}`;
  const offset = daysBetween(period.today, period.from);
  return RELATIVE[offset] ?? `${WEEKDAY_IN[isoWeekday(period.from) - 1]}, ${dayMonth(period.from)}`;
}

function rubles(kopecks: number): { rub: number; kop: number; sign: string } {
  const abs = Math.abs(kopecks);
  return { rub: Math.floor(abs / 100), kop: abs % 100, sign: kopecks < 0 ? '−' : '' };
}

export const ru: TAnswerTexts = {
  lang: 'ru',
  when,
  shortDate: dayMonth,
  subject: (name) => name,
  inSubject: subjectIn,
  gradeCount(value, count, numbers) {
    const g = GRADE_FORMS[value];
    if (!g) return count === 1 ? `оценка «${value}»` : `${count} × «${value}»`;
    if (count === 1) return g.forms[0];
    return `${numbers === 'words' ? numberWords(count, g.gender) : count} ${plural(count, g.forms)}`;
  },
  ownerOf: genitive,
  studentName: (firstName) => firstName,
  money(kopecks) {
    const { rub, kop, sign } = rubles(kopecks);
    return `${sign}${rub.toLocaleString('ru-RU')}${kop ? `,${String(kop).padStart(2, '0')}` : ''} ₽`;
  },
  moneySpoken(kopecks) {
    const { rub, kop, sign } = rubles(kopecks);
    const head = `${sign ? 'минус ' : ''}${numberWords(rub, 'm')} ${plural(rub, ['рубль', 'рубля', 'рублей'])}`;
    return kop ? `${head} ${numberWords(kop, 'f')} ${plural(kop, ['копейка', 'копейки', 'копеек'])}` : head;
  },
  list(items, joiner = 'and') {
    if (items.length <= 1) return items.join('');
    return `${items.slice(0, -1).join(', ')} ${joiner === 'or' ? 'или' : 'и'} ${items[items.length - 1]}`;
  },
  average: (value) => `средний балл ${String(Math.round(value * 100) / 100).replace('.', ',')}`,
  countLessons: (n, numbers) =>
    `${numbers === 'words' ? numberWords(n, 'm') : n} ${plural(n, ['урок', 'урока', 'уроков'])}`,
  andMore: (n, numbers) => `и ещё ${numbers === 'words' ? numberWords(n, 'm') : n}`,
  texts: {
    help: 'Я отвечаю на вопросы о школьном дневнике:\n• «Какие оценки сегодня?»\n• «Что задали на завтра?»\n• «Расписание на пятницу»\n• «Сколько денег на карте?»\nМожно назвать ребёнка: «оценки у Маши». «Подпиши на оценки» включит уведомления.',
    helpSpoken:
      'Спросите, например: какие оценки сегодня, что задали на завтра, какое расписание в пятницу или сколько денег на карте.',
    unknown:
      'Я не понял вопрос. Я умею рассказывать об оценках, домашнем задании, расписании и балансе школьной карты. Например: «что задали на завтра?»',
    notLinked: 'Пока к вам не привязан ни один ученик. Введите код из письма школы, чтобы подключить дневник.',
    refused:
      'Я могу рассказать только о детях, которые привязаны к вам. Чтобы добавить ребёнка, введите код из письма школы.',
    askChild: 'Назовите ученика, например: «оценки у Маши сегодня».',
    clarify: (inSubject) => `Что показать${inSubject ? ` ${inSubject}` : ''}: оценки или домашнее задание?`,
    whichChild: (names) => `О ком из детей спросить: ${names}?`,
    noPerson: 'Сначала подключите дневник: введите код из письма школы.',
    slowDown: 'Слишком много вопросов подряд. Подождите минуту и спросите снова, пожалуйста.',
    action: {
      subscribe: 'Включаю уведомления; о чём именно присылать, можно выбрать в настройках.',
      unsubscribe: 'Отключаю уведомления.',
      settings: 'Открываю настройки уведомлений.',
      link: 'Проверяю код и подключаю дневник.',
      forget: 'Удаляю ваши данные: связи с учениками, подписки и чаты.',
      calendar: 'Ссылку на календарь уроков я пришлю в чате: напишите /calendar в Telegram или ВКонтакте.',
    },
    noGrades: (w, s) => `${capital(w)} ${pre(s)}оценок пока нет.`,
    noHomework: (w, s) => `${capital(w)} ${pre(s)}ничего не задано.`,
    noLessons: (w) => `${capital(w)} уроков нет.`,
    dayOff: (w, part) => `${capital(dayClause(w))} выходной — ${NOTHING[part]}.`,
    notTaught: (subject) => `В расписании класса нет уроков ${subjectIn(subject)}.`,
    noBalance: 'о школьной карте пока нет данных',
    gradesHead: (w) => `Оценки ${w}`,
    homeworkHead: (w) => `Задания ${w === 'сегодня' || w === 'завтра' ? `на ${w}` : w}`,
    scheduleHead: (w) => `Расписание ${w === 'сегодня' || w === 'завтра' ? `на ${w}` : w}`,
    teacherHead: (w) => `Ваши уроки ${w}`,
    balance: (amount) => `на карте ${amount}`,
    recentSpending: 'Последние операции',
    test: 'контрольная',
    cancelled: 'отменён',
    online: 'онлайн',
    room: (room) => (isRoomNumber(room) ? `каб. ${room}` : room),
    firstLessonAt: (time) => `первый в ${time}`,
    weight: (n) => `вес ${n}`,
  },
  spoken: {
    gradesPrefix: (name, w) => `${genitive(name)} ${w}: `,
    noGrades: (name, w, s) => `${genitive(name)} ${pre(s)}${w} оценок пока нет.`,
    homeworkPrefix: (name, w) => `${genitive(name)} ${onDay(w)} задано: `,
    homeworkItem: (subject, text, due) => `${subjectIn(subject)}${due ? ` на ${dayMonth(due)}` : ''} — ${text}`,
    homeworkInRussian: (subject, due) =>
      `${subjectIn(subject)}${due ? ` на ${dayMonth(due)}` : ''} — задание записано по-русски`,
    readInRussianWhere: 'Текст задания — в чате Дневника.',
    noHomework: (name, w, s) => `${genitive(name)} ${pre(s)}${onDay(w)} ничего не задано.`,
    schedulePrefix: (name, w, lessons) => `${genitive(name)} ${w} ${lessons}: `,
    scheduleItem: (subject, isTest) => `${subject.toLowerCase()}${isTest ? ' — контрольная' : ''}`,
    cancelledLesson: (subject, date) => `урок ${subjectIn(subject)}${date ? ` ${dayMonth(date)}` : ''}`,
    teacherCancelledLesson: (start, subject, cls) => `урок ${subjectIn(subject)} в ${cls} в ${start}`,
    cancelled: (lessons, count) => `${lessons} ${count === 1 ? 'отменён' : 'отменены'}`,
    allCancelled: (name, w, cancelled) => `${genitive(name)} ${w} уроков нет: ${cancelled}.`,
    teacherAllCancelled: (w, cancelled) => `${capital(w)} у вас уроков нет: ${cancelled}.`,
    noLessons: (name, w) => `${genitive(name)} ${w} уроков нет.`,
    dayOff: (name, w, part) => `${genitive(name)} ${dayClause(w)} выходной — ${NOTHING[part]}.`,
    notTaught: (name, subject) => `${genitive(name)} в расписании нет уроков ${subjectIn(subject)}.`,
    teacherPrefix: (w, lessons) => `${capital(w)} у вас ${lessons}: `,
    teacherItem: (start, subject, cls) => `в ${start} ${subject.toLowerCase()} в ${cls}`,
    balance: (name, amount) => `${genitive(name)} на карте ${amount}.`,
    noBalance: (name) => `${genitive(name)} о школьной карте пока нет данных.`,
  },
  stress: {
    Дарья: 'Д+арья',
    Дарьи: 'Д+арьи',
    Никита: 'Ник+ита',
    Никиты: 'Ник+иты',
    Полина: 'Пол+ина',
    Полины: 'Пол+ины',
    Кирилл: 'Кир+илл',
    Кирилла: 'Кир+илла',
    Артём: 'Арт+ём',
    Артёма: 'Арт+ёма',
    замок: 'з+амок',
    оценки: 'оц+енки',
    средний: 'ср+едний',
  },
};

function genitive(firstName: string): string {
  return `У ${declineRuName(firstName)[0] ?? firstName}`;
}

function subjectIn(name: string): string {
  return `по ${RU_SUBJECT_DATIVE[name] ?? name.toLowerCase()}`;
}

/** "сегодня" → "на сегодня", "в среду, 2 декабря" → "на среду, 2 декабря". */
function onDay(w: string): string {
  if (w.startsWith('с ')) return w;
  return `на ${w.replace(/^(в|во) /, '')}`;
}

/** What there is not on a day off. */
const NOTHING: Record<TEmptyPart, string> = {
  grades: 'оценок нет',
  homework: 'ничего не задано',
  lessons: 'уроков нет',
};

/** The days before "выходной": a date in the middle of a sentence is set off by commas. */
function dayClause(w: string): string {
  return w.includes(',') ? `${w},` : w;
}

/** A worded part followed by a space, or nothing when it is empty. */
function pre(part: string): string {
  return part ? `${part} ` : '';
}

function capital(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}
