import type { TNameGender } from '../../i18n/ru-gender';
import { declineRuName } from '../../nlu/name-forms';
import type { TPresenceState } from '../presence-answer-types';
import type { TPresenceTexts } from './presence-texts-type';
import { numberWords, plural } from './ru-numbers';

/** "08:05" → "8:05": how a time is written and read in a sentence. */
const time = (hhmm: string) => hhmm.replace(/^0(\d)/, '$1');
/** A past-tense verb in the gender of the name; null: none (the sentence is worded without it). */
const verb = (gender: TNameGender, m: string, f: string) => (gender === 'f' ? f : gender === 'm' ? m : null);
const genitive = (name: string) => declineRuName(name)[0] ?? name;
const capital = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

/** «одно опоздание»: numberWords knows masculine and feminine; a neuter noun takes «одно». */
function count(n: number, forms: [string, string, string], numbers: 'digits' | 'words', neuter = false): string {
  const said = numbers === 'words' ? numberWords(n, 'm') : String(n);
  return `${neuter ? said.replace(/один$/, 'одно') : said} ${plural(n, forms)}`;
}

function line(state: TPresenceState, gender: TNameGender, when: string): string {
  const came = verb(gender, 'пришёл', 'пришла');
  const arrived = (at: string) => (came ? `${came} в ${time(at)}` : `вход в ${time(at)}`);
  switch (state.kind) {
    case 'in':
      return state.since === state.arrived
        ? `в школе с ${time(state.since)}`
        : `в школе с ${time(state.since)}, ${arrived(state.arrived)}`;
    case 'came':
      return `${when} ${arrived(state.arrived)}, выхода не отмечено`;
    case 'left': {
      const went = verb(gender, 'ушёл', 'ушла');
      const left = went ? `${went} из школы в ${time(state.left)}` : `выход из школы в ${time(state.left)}`;
      return state.arrived ? `${left}, ${arrived(state.arrived)}` : left;
    }
    case 'no-pass':
      return `${when} проходов через турникет нет`;
    case 'no-data':
      return 'школа не передаёт данные о проходах';
  }
}

export const PRESENCE_RU: TPresenceTexts = {
  presenceHead: (when) => `Проходы ${when}`,
  presenceLine: line,
  presenceSpoken(name, state, gender, when) {
    if (state.kind === 'no-pass') return `У ${genitive(name)} ${when} проходов через турникет нет.`;
    if (state.kind === 'no-data') return `О проходах ${genitive(name)} школа данных не передаёт.`;
    const said = line(state, gender, when);
    // Without a verb the facts follow a colon: «Саша: вход в 8:05».
    return gender === null && state.kind !== 'in' ? `${name}: ${said}.` : `${name} ${said}.`;
  },
  absencesHead: (period, inSubject) => `Пропуски${inSubject ? ` ${inSubject}` : ''} ${period}`,
  absenceCounts(absent, late, numbers) {
    if (absent === 0 && late === 0) return 'пропусков и опозданий нет';
    const parts = [];
    if (absent > 0) parts.push(count(absent, ['пропуск', 'пропуска', 'пропусков'], numbers));
    if (late > 0) parts.push(count(late, ['опоздание', 'опоздания', 'опозданий'], numbers, true));
    return parts.join(', ');
  },
  moreSubjects: (n, numbers) => `и ещё ${count(n, ['предмет', 'предмета', 'предметов'], numbers)}`,
  absencesOwner: (name, period) => `У ${genitive(name)} ${period}`,
  attendedHead: (subject, when) => `${capital(subject)} ${when}`,
  attended(status, gender) {
    if (status === null) return 'отметки ещё нет';
    if (gender === null) return { present: 'присутствие', absent: 'отсутствие', late: 'опоздание' }[status];
    const f = gender === 'f';
    return { present: f ? 'была' : 'был', absent: f ? 'не была' : 'не был', late: f ? 'опоздала' : 'опоздал' }[status];
  },
  lessonAt: (start) => `в ${time(start)}`,
  noLesson: (inSubject) => `урока ${inSubject} нет`,
  noLessonSpoken: (name, inSubject, when) => `У ${genitive(name)} ${when} урока ${inSubject} нет.`,
  attendedOwner: (name, subject, when) => `${name}, ${subject.toLowerCase()} ${when}`,
};
