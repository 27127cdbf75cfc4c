import type { TLang } from '../i18n';
import type { TStudentRef } from './answer-types';
import { escapeHtml as h } from './escape';
import { TERM_EN } from './locales/term-en';
import { TERM_RU } from './locales/term-ru';
import type { TTermTexts } from './locales/term-texts-type';
import type { TAnswerTexts } from './locales/texts-type';
import type { TMark } from './needed-grades';
import type { TSubjectNeed, TTermAnswer } from './term-answer-types';
import { hasCyrillic, type TVoiceForm } from './voice-form';

// The term-results answers as a head and a block of lines per student: chat shows them as HTML,
// a voice reads the same lines. What is shown has digits, what is spoken has words; English speech
// never reads Russian free text (a lesson topic is named by its dates instead).

export const TERM_TEXTS: Record<TLang, TTermTexts> = { ru: TERM_RU, en: TERM_EN };

export interface TTermBlock {
  student: TStudentRef;
  lines: string[];
}

export interface TTermView {
  head: string;
  blocks: TTermBlock[];
}

type TForm = TVoiceForm | 'chat';

const numbersOf = (form: TForm) => (form === 'chat' || form === 'shown' ? 'digits' : 'words');

/** A mark as shown («4») or said ("четвёрка", "a four"). */
function markName(mark: TMark, l: TAnswerTexts, t: TTermTexts, form: TForm): string {
  return form === 'chat' || form === 'shown' ? t.mark(mark) : l.gradeCount(mark, 1, 'words');
}

function needLine(n: TSubjectNeed, l: TAnswerTexts, t: TTermTexts, form: TForm): string {
  const numbers = numbersOf(form);
  const target = markName(n.target, l, t, form);
  const o = n.outcome;
  const fives = (count: number) => (count === 1 ? t.oneFive(numbers) : l.gradeCount('5', count, numbers));
  const lessons = n.lessonsLeft === null ? null : l.countLessons(n.lessonsLeft, numbers);
  const body =
    o.kind === 'already'
      ? t.already(target)
      : o.kind === 'out-of-reach'
        ? `${t.outOfReach(target)}; ${t.lessonsLeft(lessons)}`
        : `${t.reach(
            target,
            fives(o.fives),
            o.heavy ? { fives: fives(o.heavy.fives), weight: o.heavy.weight } : null,
          )}; ${t.lessonsLeft(lessons)}`;
  return `${l.subject(n.subject)}: ${body}`;
}

/** A head and blocks; one sentence for `no-such-period`. */
export function termView(answer: TTermAnswer, l: TAnswerTexts, form: TForm): TTermView | string {
  const t = TERM_TEXTS[l.lang];
  const numbers = numbersOf(form);
  if (answer.kind === 'no-such-period') return t.noSuchPeriod(answer.periodKind, answer.number);
  switch (answer.kind) {
    case 'average':
      return {
        head: t.averageHead(t.forPeriod(answer.term)),
        blocks: answer.sections.map(({ student, subjects }) => ({
          student,
          lines:
            subjects.length === 0
              ? [t.noGrades]
              : subjects.map(
                  (s) =>
                    `${l.subject(s.subject)}: ${t.averageOf(s.average, s.count, numbers)}${
                      s.mark ? `, ${t.roundsTo(markName(s.mark, l, t, form))}` : ''
                    }`,
                ),
        })),
      };
    case 'final-grades': {
      // No period named: the head names it when every mark shown is of one period, else each mark does.
      const shown = answer.sections.flatMap((s) => s.marks.map((m) => m.period));
      const one =
        answer.term ??
        (shown.every((p) => p.start === shown[0]?.start && p.end === shown[0]?.end) ? (shown[0] ?? null) : null);
      return {
        head: t.finalHead(one ? t.forPeriod(one) : null),
        blocks: answer.sections.map(({ student, marks }) => ({
          student,
          lines:
            marks.length === 0
              ? [t.noFinal]
              : marks.map((m) => {
                  const value = t.finalValue(m.value);
                  // Another period's mark (none named) says which it is.
                  const which = one ? '' : ` (${t.forPeriod(m.period)})`;
                  const said =
                    form !== 'chat' && form !== 'shown' && /^[1-5]$/.test(m.value)
                      ? l.gradeCount(m.value, 1, 'words')
                      : value;
                  return `${l.subject(m.subject)}: ${said}${which}`;
                }),
        })),
      };
    }
    case 'needed':
      return {
        head: t.neededHead(t.forPeriod(answer.term)),
        blocks: answer.sections.map(({ student, subjects }) => ({
          student,
          lines: subjects.length === 0 ? [t.noGrades] : subjects.map((n) => needLine(n, l, t, form)),
        })),
      };
    case 'topics':
      return {
        head: t.topicsHead(t.forPeriod(answer.term)),
        blocks: answer.sections.map(({ student, topics }) => ({
          student,
          lines:
            topics.length === 0
              ? [t.noTopics]
              : topics.map((x) => {
                  const topic = form === 'spoken-english' && hasCyrillic(x.topic) ? null : x.topic;
                  const dates = l.list(x.dates.map((d) => l.shortDate(d)));
                  return `${l.subject(x.subject)}, ${t.topic(topic, x.average, dates)}`;
                }),
        })),
      };
  }
}

/** Chat HTML: the head in bold, a block per student. */
export function termChat(answer: TTermAnswer, l: TAnswerTexts): string {
  const view = termView(answer, l, 'chat');
  if (typeof view === 'string') return h(view);
  const blocks = view.blocks.map(
    (b) =>
      `<b>${h(l.studentName(b.student.firstName))}</b>, ${h(b.student.className)}\n${b.lines.map((x) => `• ${h(x)}`).join('\n')}`,
  );
  return `<b>${h(view.head)}</b>\n\n${blocks.join('\n\n')}`;
}

/** Spoken sections (spoken-sections.ts): the head opens the first student's, each line an item that may be dropped. */
export function termSpoken(
  answer: TTermAnswer,
  l: TAnswerTexts,
  form: TVoiceForm,
): { prefix: string; items: string[]; sep: string; suffix: string }[] {
  const view = termView(answer, l, form);
  if (typeof view === 'string') return [{ prefix: view, items: [], sep: '', suffix: '' }];
  return view.blocks.map((b, i) => ({
    prefix: `${i === 0 ? `${view.head}. ` : ''}${l.studentName(b.student.firstName)}: `,
    items: b.lines,
    sep: '; ',
    suffix: '.',
  }));
}
