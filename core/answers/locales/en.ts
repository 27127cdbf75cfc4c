import { dayAndMonth, daysBetween, isoWeekday } from '../../calendar/civil-date';
import type { TPeriod } from '../answer-types';
import { EN_SUBJECTS, transliterate } from './en-subjects';
import { englishRoom } from './rooms';
import type { TAnswerTexts, TEmptyPart } from './texts-type';

const GRADE_NAMES: Record<string, [string, string]> = {
  '5': ['a five', 'fives'],
  '4': ['a four', 'fours'],
  '3': ['a three', 'threes'],
  '2': ['a two', 'twos'],
  '1': ['a one', 'ones'],
  зачёт: ['a pass', 'passes'],
  незачёт: ['a fail', 'fails'],
};
const SMALL = [
  'zero',
  'one',
  'two',
  'three',
  'four',
  'five',
  'six',
  'seven',
  'eight',
  'nine',
  'ten',
  'eleven',
  'twelve',
];
const RELATIVE: Record<number, string> = { [-1]: 'yesterday', 0: 'today', 1: 'tomorrow' };

function count(n: number): string {
  return SMALL[n] ?? String(n);
}

const MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];
const WEEKDAYS = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'];

/** "December 4" (or "Dec 4" when short). */
function monthDay(iso: string, short = false): string {
  const { day, month } = dayAndMonth(iso);
  const name = MONTHS[month - 1];
  return `${short ? name.slice(0, 3) : name} ${day}`;
}

function when(period: TPeriod): string {
  if (period.from !== period.to) return `from ${monthDay(period.from)} to ${monthDay(period.to)}`;
  const offset = daysBetween(period.today, period.from);
  return RELATIVE[offset] ?? `on ${WEEKDAYS[isoWeekday(period.from) - 1]}, ${monthDay(period.from)}`;
}

export const en: TAnswerTexts = {
  lang: 'en',
  when,
  shortDate: (date) => monthDay(date, true),
  subject: (name) => EN_SUBJECTS[name] ?? transliterate(name),
  inSubject: (name) => `in ${EN_SUBJECTS[name] ?? transliterate(name)}`,
  gradeCount(value, n, numbers) {
    const names = GRADE_NAMES[value] ?? [`a ${value}`, `${value}s`];
    return n === 1 ? names[0] : `${numbers === 'words' ? count(n) : n} ${names[1]}`;
  },
  ownerOf: (firstName) => `${transliterate(firstName)} has`,
  studentName: (firstName) => transliterate(firstName),
  money(kopecks) {
    const sign = kopecks < 0 ? '−' : '';
    const abs = Math.abs(kopecks);
    return `${sign}${Math.floor(abs / 100).toLocaleString('en-US')}${abs % 100 ? `.${String(abs % 100).padStart(2, '0')}` : ''} RUB`;
  },
  moneySpoken(kopecks) {
    const abs = Math.abs(kopecks);
    const rub = Math.floor(abs / 100);
    const head = `${kopecks < 0 ? 'minus ' : ''}${rub} ${rub === 1 ? 'rouble' : 'roubles'}`;
    return abs % 100 ? `${head} ${abs % 100} kopecks` : head;
  },
  list(items, joiner = 'and') {
    if (items.length <= 1) return items.join('');
    return `${items.slice(0, -1).join(', ')} ${joiner === 'or' ? 'or' : 'and'} ${items[items.length - 1]}`;
  },
  average: (value) => `average ${Math.round(value * 100) / 100}`,
  countLessons: (n, numbers) => `${numbers === 'words' ? count(n) : n} ${n === 1 ? 'lesson' : 'lessons'}`,
  andMore: (n, numbers) => `and ${numbers === 'words' ? count(n) : n} more`,
  texts: {
    help: 'I answer questions about the school diary:\n• "Any grades today?"\n• "What homework is due tomorrow?"\n• "Timetable for Friday"\n• "What is the canteen balance?"\nYou can name a child: "Masha\'s grades". "Notify me about grades" turns alerts on.',
    helpSpoken:
      'Ask me, for example: any grades today, what homework is due tomorrow, what is the timetable on Friday, or what is the canteen balance.',
    unknown:
      'Sorry, I did not get that. I can tell you about grades, homework, the timetable and the canteen balance. For example: "what homework is due tomorrow?"',
    notLinked: 'No student is linked to you yet. Enter the code from the school letter to connect the diary.',
    refused:
      'I can only tell you about the children linked to you. To add a child, enter the code from the school letter.',
    askChild: 'Name the student, for example: "Masha\'s grades today".',
    clarify: (inSubject) => `What should I show${inSubject ? ` ${inSubject}` : ''}: grades or homework?`,
    whichChild: (names) => `Which child do you mean: ${names}?`,
    noPerson: 'Connect the diary first: enter the code from the school letter.',
    slowDown: 'That is a lot of questions in a row. Please wait a minute and ask again.',
    action: {
      subscribe: 'Turning alerts on; choose which ones in settings.',
      unsubscribe: 'Turning alerts off.',
      settings: 'Opening the alert settings.',
      link: 'Checking the code and connecting the diary.',
      forget: 'Deleting your data: links to students, subscriptions and chats.',
      calendar: 'The lesson calendar link comes in a chat: send /calendar in Telegram or VK.',
    },
    noGrades: (w, s) => `No grades ${pre(s)}${w} yet.`,
    noHomework: (w, s) => `No homework ${pre(s)}${w}.`,
    noLessons: (w) => `No lessons ${w}.`,
    dayOff: (w, part) => `It's a day off ${w} — ${NOTHING[part]}.`,
    notTaught: (subject) =>
      `There are no ${EN_SUBJECTS[subject] ?? transliterate(subject)} lessons in the class timetable.`,
    noBalance: 'no canteen data yet',
    gradesHead: (w) => `Grades ${w}`,
    homeworkHead: (w) => `Homework ${w === 'today' || w === 'tomorrow' ? `for ${w}` : w}`,
    scheduleHead: (w) => `Timetable ${w === 'today' || w === 'tomorrow' ? `for ${w}` : w}`,
    teacherHead: (w) => `Your lessons ${w}`,
    balance: (amount) => `canteen balance ${amount}`,
    recentSpending: 'Recent transactions',
    test: 'test',
    cancelled: 'cancelled',
    online: 'online',
    room: englishRoom,
    firstLessonAt: (time) => `the first one at ${time}`,
    weight: (n) => `weight ${n}`,
  },
  spoken: {
    gradesPrefix: (name, w) => `${capital(w)}, ${transliterate(name)} got `,
    noGrades: (name, w, s) => `${transliterate(name)} has no grades ${pre(s)}${w} yet.`,
    homeworkPrefix: (name, w) =>
      `${transliterate(name)}'s homework ${w === 'today' || w === 'tomorrow' ? `for ${w}` : w}: `,
    homeworkItem: (subject, text, due) => `${subjectName(subject)}${dueOn(due)}: ${text}`,
    homeworkInRussian: (subject, due) => `${subjectName(subject)}${dueOn(due)}: the task is written in Russian`,
    readInRussianWhere: 'You can read the Russian text on the card in the Alexa app, or in the Diary chat.',
    noHomework: (name, w, s) =>
      `${transliterate(name)} has no homework ${pre(s)}${w === 'today' || w === 'tomorrow' ? `for ${w}` : w}.`,
    schedulePrefix: (name, w, lessons) => `${transliterate(name)} has ${lessons} ${w}: `,
    scheduleItem: (subject, isTest) => `${subjectName(subject)}${isTest ? ' with a test' : ''}`,
    cancelledLesson: (subject, date) => `${subjectName(subject)}${date ? ` on ${monthDay(date)}` : ''}`,
    teacherCancelledLesson: (start, subject, cls) => `${subjectName(subject)} with ${transliterate(cls)} at ${start}`,
    cancelled: (lessons, count) => `${lessons} ${count === 1 ? 'is' : 'are'} cancelled`,
    allCancelled: (name, w, cancelled) => `${transliterate(name)} has no lessons ${w}: ${cancelled}.`,
    teacherAllCancelled: (w, cancelled) => `${capital(w)} you have no lessons: ${cancelled}.`,
    noLessons: (name, w) => `${transliterate(name)} has no lessons ${w}.`,
    dayOff: (name, w, part) => `It's a day off for ${transliterate(name)} ${w} — ${NOTHING[part]}.`,
    notTaught: (name, subject) =>
      `${transliterate(name)} has no ${EN_SUBJECTS[subject] ?? transliterate(subject)} lessons in the timetable.`,
    teacherPrefix: (w, lessons) => `${capital(w)} you have ${lessons}: `,
    teacherItem: (start, subject, cls) =>
      `${EN_SUBJECTS[subject] ?? transliterate(subject)} with ${transliterate(cls)} at ${start}`,
    balance: (name, amount) => `${transliterate(name)}'s canteen balance is ${amount}.`,
    noBalance: (name) => `There is no canteen data for ${transliterate(name)} yet.`,
  },
  stress: {},
};

/** What there is not on a day off. */
const NOTHING: Record<TEmptyPart, string> = { grades: 'no grades', homework: 'no homework', lessons: 'no lessons' };

/** A subject as an English voice says it: its English name, or its own name in Latin letters. */
function subjectName(subject: string): string {
  return EN_SUBJECTS[subject] ?? transliterate(subject);
}

/** ", due December 4" for homework of an answer spanning several days. */
function dueOn(due: string | null): string {
  return due ? `, due ${monthDay(due)}` : '';
}

/** A worded part followed by a space, or nothing when it is empty. */
function pre(part: string): string {
  return part ? `${part} ` : '';
}

function capital(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}
