import type { TLang } from '../i18n';
import type { TComingTest, TSchoolEventItem } from '../school-news/coming-types';
import type { TStudentRef } from './answer-types';
import type { TComingAnswer } from './coming-answer-types';
import { escapeHtml as h } from './escape';
import { COMING_EN } from './locales/coming-en';
import { COMING_RU } from './locales/coming-ru';
import type { TComingTexts } from './locales/coming-texts-type';
import type { TAnswerTexts } from './locales/texts-type';
import type { TSpokenSection } from './spoken-sections';
import { hasCyrillic, numberStyle, type TVoiceForm } from './voice-form';

// Tests and school events coming: chat shows a head and a line per test or event, with the topic
// and the online link; a voice says a sentence per student whose items may be dropped ("и ещё 2").
// The day's school events under a timetable are drawn here too (eventLines).

export const COMING_TEXTS: Record<TLang, TComingTexts> = { ru: COMING_RU, en: COMING_EN };

const single = (text: string): TSpokenSection => ({ prefix: text, items: [], sep: '', suffix: '' });

function who(s: TStudentRef, l: TAnswerTexts): string {
  return `<b>${h(l.studentName(s.firstName))}</b>, ${h(s.className)}`;
}

/** A link from school data must not become a javascript: URL in someone's chat. */
function link(url: string | null, words: string): string {
  return url && /^https?:\/\//i.test(url) ? ` · <a href="${h(url).replace(/"/g, '&quot;')}">${h(words)}</a>` : '';
}

function spanOf(answer: TComingAnswer, c: TComingTexts, l: TAnswerTexts): string {
  if (answer.kind === 'tests') return answer.fortnight ? c.fortnight : answer.next ? '' : l.when(answer.period);
  return answer.thisWeek ? c.thisWeek : l.when(answer.period);
}

/** None: in the span, or (a subject's next test) none set at all. */
function noTests(answer: Extract<TComingAnswer, { kind: 'tests' }>, c: TComingTexts, span: string, inSubject: string) {
  return answer.next ? c.noNextTest(inSubject) : c.noTests(span, inSubject);
}

/** «Пт 11 декабря, 2-й урок (9:30): <b>Алгебра</b> — квадратные уравнения». */
function testLine(t: TComingTest, c: TComingTexts, l: TAnswerTexts): string {
  const topic = t.topic ? ` — ${h(t.topic)}` : '';
  return `• ${h(c.testDay(t.date))}, ${h(c.lessonNumber(t.lessonNumber, 'shown'))} (${h(t.start)}): <b>${h(l.subject(t.subject))}</b>${topic}`;
}

/** The day's school events as chat lines; `withDay` for a span of days. */
export function eventLines(events: readonly TSchoolEventItem[], l: TAnswerTexts, withDay: boolean): string[] {
  const c = COMING_TEXTS[l.lang];
  return events.map((e) => {
    const when = [withDay ? c.testDay(e.date) : '', e.start ? c.eventTime(e.start, e.end, 'shown') : '']
      .filter(Boolean)
      .join(', ');
    const place = e.place ? ` · ${h(e.place)}` : '';
    return `• ${when ? `${h(when)} ` : ''}<b>${h(e.title)}</b>${place}${link(e.onlineUrl, c.onlineLink)}`;
  });
}

/** Chat HTML. */
export function comingChat(answer: TComingAnswer, l: TAnswerTexts): string {
  const c = COMING_TEXTS[l.lang];
  const span = spanOf(answer, c, l);
  if (answer.kind === 'tests') {
    const inSubject = answer.subject ? l.inSubject(answer.subject) : '';
    const blocks = answer.sections.map(({ student, tests }) => {
      const lines = tests.length === 0 ? [h(noTests(answer, c, span, inSubject))] : tests.map((t) => testLine(t, c, l));
      return `${who(student, l)}\n${lines.join('\n')}`;
    });
    return `<b>${h(c.testsHead(span, inSubject))}</b>\n\n${blocks.join('\n\n')}`;
  }
  const blocks = answer.sections.map(({ student, events }) => {
    const lines = events.length === 0 ? [h(c.noEvents(span))] : eventLines(events, l, true);
    return `${who(student, l)}\n${lines.join('\n')}`;
  });
  return `<b>${h(c.eventsHead(span))}</b>\n\n${blocks.join('\n\n')}`;
}

/** Spoken sections (spoken-sections.ts), one per student. */
export function comingSpoken(answer: TComingAnswer, l: TAnswerTexts, form: TVoiceForm): TSpokenSection[] {
  const c = COMING_TEXTS[l.lang];
  const span = spanOf(answer, c, l);
  const said = (text: string) => (form === 'spoken-english' && hasCyrillic(text) ? '' : text);
  const day = (date: string) => (form === 'shown' ? c.testDay(date) : c.spokenDay(date));
  if (answer.kind === 'tests') {
    const inSubject = answer.subject ? l.inSubject(answer.subject) : '';
    const lesson = (n: number) => c.lessonNumber(n, form === 'shown' ? 'shown' : 'spoken');
    const item = (t: TComingTest) => {
      const subject = said(l.subject(t.subject)) || l.texts.test;
      const topic = t.topic ? said(t.topic) : '';
      return `${day(t.date)}, ${lesson(t.lessonNumber)} — ${l.lang === 'ru' ? subject.toLowerCase() : subject}${topic ? `: ${topic}` : ''}`;
    };
    return answer.sections.map(({ student, tests }) => {
      if (tests.length === 0) return single(`${noTests(answer, c, span, inSubject)}.`);
      if (answer.next) return single(`${c.nextTestOwner(student.firstName, inSubject)}: ${item(tests[0])}.`);
      return {
        prefix: `${c.testsOwner(student.firstName, span, tests.length, numberStyle(form))}: `,
        items: tests.map(item),
        sep: '; ',
        suffix: '.',
      };
    });
  }
  return answer.sections.map(({ student, events }) => {
    if (events.length === 0) return single(`${c.noEvents(span)}.`);
    return {
      prefix: `${c.eventsOwner(student.firstName, span)}: `,
      items: events.map((e) => {
        const time = e.start ? ` ${c.eventTime(e.start, e.end, form === 'shown' ? 'shown' : 'spoken')}` : '';
        const place = e.place ? said(e.place) : '';
        return `${said(e.title) || c.unreadableEvent} — ${day(e.date)}${time}${place ? `, ${place}` : ''}`;
      }),
      sep: '; ',
      suffix: '.',
    };
  });
}

/** A timetable's school events (chat): empty when the day has none. */
export function dayEventsBlock(events: readonly TSchoolEventItem[], l: TAnswerTexts): string {
  if (events.length === 0) return '';
  return `\n<i>${h(COMING_TEXTS[l.lang].dayEventsHead)}:</i>\n${eventLines(events, l, false).join('\n')}`;
}

/** A timetable's school events said after it: « В школе: Турнир по волейболу с 15:00 до 17:00.» */
export function dayEventsSpoken(events: readonly TSchoolEventItem[], l: TAnswerTexts, form: TVoiceForm): string {
  if (events.length === 0) return '';
  const c = COMING_TEXTS[l.lang];
  const said = (text: string) => (form === 'spoken-english' && hasCyrillic(text) ? '' : text);
  const items = events.map((e) => {
    const time = e.start ? ` ${c.eventTime(e.start, e.end, form === 'shown' ? 'shown' : 'spoken')}` : '';
    return `${said(e.title) || c.unreadableEvent}${time}`;
  });
  return ` ${c.dayEventsHead}: ${l.list(items)}.`;
}
