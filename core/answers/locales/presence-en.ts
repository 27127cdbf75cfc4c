import type { TPresenceState } from '../presence-answer-types';
import { transliterate } from './en-subjects';
import type { TPresenceTexts } from './presence-texts-type';

// English needs no gender: the sentences name the pupil or say "arrived", "left". Names are
// transliterated, as the other English answers do; counts stay digits (a voice reads them well).

const time = (hhmm: string) => hhmm.replace(/^0(\d)/, '$1');
const capital = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);
const many = (n: number, one: string, more: string) => `${n} ${n === 1 ? one : more}`;

function line(state: TPresenceState, when: string): string {
  switch (state.kind) {
    case 'in':
      return state.since === state.arrived
        ? `at school since ${time(state.since)}`
        : `at school since ${time(state.since)}, arrived at ${time(state.arrived)}`;
    case 'came':
      return `arrived at ${time(state.arrived)} ${when}, no way out recorded`;
    case 'left':
      return state.arrived
        ? `left school at ${time(state.left)}, arrived at ${time(state.arrived)}`
        : `left school at ${time(state.left)}`;
    case 'no-pass':
      return `no turnstile passes ${when}`;
    case 'no-data':
      return 'the school does not send turnstile passes';
  }
}

export const PRESENCE_EN: TPresenceTexts = {
  presenceHead: (when) => `School passes ${when}`,
  presenceLine: (state, _gender, when) => line(state, when),
  presenceSpoken(name, state, _gender, when) {
    const who = transliterate(name);
    if (state.kind === 'no-pass') return `No turnstile passes for ${who} ${when}.`;
    if (state.kind === 'no-data') return `${who}'s school does not send turnstile passes.`;
    if (state.kind === 'in') return `${who} has been ${line(state, when)}.`;
    return `${who} ${line(state, when)}.`;
  },
  absencesHead: (period, inSubject) => `Absences${inSubject ? ` ${inSubject}` : ''} ${period}`,
  absenceCounts(absent, late) {
    if (absent === 0 && late === 0) return 'no absences or late arrivals';
    const parts = [];
    if (absent > 0) parts.push(many(absent, 'lesson missed', 'lessons missed'));
    if (late > 0) parts.push(many(late, 'late arrival', 'late arrivals'));
    return parts.join(', ');
  },
  moreSubjects: (n) => `and ${many(n, 'more subject', 'more subjects')}`,
  absencesOwner: (name, period) => `${transliterate(name)}, ${period}`,
  attendedHead: (subject, when) => `${capital(subject)} ${when}`,
  attended: (status) =>
    status === null ? 'not marked yet' : { present: 'present', absent: 'absent', late: 'late' }[status],
  lessonAt: (start) => `at ${time(start)}`,
  noLesson: (inSubject) => `no lesson ${inSubject}`,
  noLessonSpoken: (name, inSubject, when) => `${transliterate(name)} had no lesson ${inSubject} ${when}.`,
  attendedOwner: (name, subject, when) => `${transliterate(name)}, ${subject} ${when}`,
};
