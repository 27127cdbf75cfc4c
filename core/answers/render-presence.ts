import type { TLang } from '../i18n';
import { russianGender as nameGender } from '../i18n/ru-gender';
import type { TStudentRef } from './answer-types';
import { escapeHtml as h } from './escape';
import { PRESENCE_EN } from './locales/presence-en';
import { PRESENCE_RU } from './locales/presence-ru';
import type { TPresenceTexts } from './locales/presence-texts-type';
import type { TAnswerTexts } from './locales/texts-type';
import type { TPresenceAnswer } from './presence-answer-types';
import { TERM_TEXTS } from './render-term';
import { hasCyrillic, numberStyle, type TVoiceForm } from './voice-form';

// The presence and attendance answers: chat shows a head and a block per student; a voice says a
// sentence per student (presence), or a head and items that may be dropped (attendance).

export const PRESENCE_TEXTS: Record<TLang, TPresenceTexts> = { ru: PRESENCE_RU, en: PRESENCE_EN };

type TSection = { prefix: string; items: string[]; sep: string; suffix: string };
const single = (text: string): TSection => ({ prefix: text, items: [], sep: '', suffix: '' });

/** The period of an absences answer: the marking period's name, else its days. */
function periodOf(answer: Extract<TPresenceAnswer, { kind: 'absences' }>, l: TAnswerTexts): string {
  return answer.term ? TERM_TEXTS[l.lang].forPeriod(answer.term) : l.when(answer.period);
}

function who(s: TStudentRef, l: TAnswerTexts): string {
  return `<b>${h(l.studentName(s.firstName))}</b>, ${h(s.className)}`;
}

/** Chat HTML. */
export function presenceChat(answer: TPresenceAnswer, l: TAnswerTexts): string {
  const p = PRESENCE_TEXTS[l.lang];
  const when = l.when(answer.period);
  switch (answer.kind) {
    case 'presence': {
      const blocks = answer.sections.map(
        ({ student, state }) =>
          `${who(student, l)}\n• ${h(p.presenceLine(state, nameGender(student.firstName), when))}`,
      );
      return `<b>${h(p.presenceHead(when))}</b>\n\n${blocks.join('\n\n')}`;
    }
    case 'absences': {
      const head = p.absencesHead(periodOf(answer, l), answer.subject ? l.inSubject(answer.subject) : '');
      const blocks = answer.sections.map((s) => {
        const lines = [`${h(p.absenceCounts(s.absent, s.late, 'digits'))}`];
        // One subject asked about: its counts are the total.
        if (!answer.subject)
          for (const t of s.subjects)
            lines.push(`• ${h(l.subject(t.subject))}: ${h(p.absenceCounts(t.absent, t.late, 'digits'))}`);
        if (!answer.subject && s.more > 0) lines.push(`• ${h(p.moreSubjects(s.more, 'digits'))}`);
        return `${who(s.student, l)}\n${lines.join('\n')}`;
      });
      return `<b>${h(head)}</b>\n\n${blocks.join('\n\n')}`;
    }
    case 'attended': {
      const blocks = answer.sections.map(({ student, lessons }) => {
        const gender = nameGender(student.firstName);
        const lines =
          lessons.length === 0
            ? [h(p.noLesson(l.inSubject(answer.subject)))]
            : lessons.map((x) => `• ${h(x.start)}–${h(x.end)}: <b>${h(p.attended(x.status, gender))}</b>`);
        return `${who(student, l)}\n${lines.join('\n')}`;
      });
      return `<b>${h(p.attendedHead(l.subject(answer.subject), when))}</b>\n\n${blocks.join('\n\n')}`;
    }
  }
}

/** Spoken sections (spoken-sections.ts), one per student. */
export function presenceSpoken(answer: TPresenceAnswer, l: TAnswerTexts, form: TVoiceForm): TSection[] {
  const p = PRESENCE_TEXTS[l.lang];
  const when = l.when(answer.period);
  const numbers = numberStyle(form);
  switch (answer.kind) {
    case 'presence':
      return answer.sections.map(({ student, state }) =>
        single(p.presenceSpoken(student.firstName, state, nameGender(student.firstName), when)),
      );
    case 'absences': {
      const period = periodOf(answer, l);
      const inSubject = answer.subject ? ` ${l.inSubject(answer.subject)}` : '';
      return answer.sections.map((s) => {
        const total = p.absenceCounts(s.absent, s.late, numbers);
        const owner = `${p.absencesOwner(s.student.firstName, period)}${inSubject}`;
        if (answer.subject || s.subjects.length === 0) return single(`${owner}: ${total}.`);
        return {
          prefix: `${owner}: ${total}; `,
          items: s.subjects.map(
            (t) => `${spokenSubject(t.subject, l, form)} — ${p.absenceCounts(t.absent, t.late, numbers)}`,
          ),
          sep: ', ',
          suffix: s.more > 0 ? `, ${p.moreSubjects(s.more, numbers)}.` : '.',
        };
      });
    }
    case 'attended':
      return answer.sections.map(({ student, lessons }) => {
        if (lessons.length === 0) return single(p.noLessonSpoken(student.firstName, l.inSubject(answer.subject), when));
        const owner = p.attendedOwner(student.firstName, spokenSubject(answer.subject, l, form), when);
        const gender = nameGender(student.firstName);
        // One lesson needs no time; a double lesson says which is which.
        if (lessons.length === 1) return single(`${owner}: ${p.attended(lessons[0].status, gender)}.`);
        return {
          prefix: `${owner}: `,
          items: lessons.map((x) => `${p.lessonAt(x.start)} — ${p.attended(x.status, gender)}`),
          sep: '; ',
          suffix: '.',
        };
      });
  }
}

/**
 * A subject as a voice says it mid-sentence: Russian in lower case («математика — 2 пропуска»), and
 * an English voice never reads a Russian name it has no word for.
 */
function spokenSubject(subject: string, l: TAnswerTexts, form: TVoiceForm): string {
  const name = l.subject(subject);
  if (l.lang === 'ru') return name.toLowerCase();
  return form === 'spoken-english' && hasCyrillic(name) ? 'a subject' : name;
}
