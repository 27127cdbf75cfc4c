import type { TCanteenInfo, TGradeItem, TLessonItem } from '../diary/diary-types';
import { missingLines, reminderTexts } from '../reminders';
import type { TAnswer, TStudentRef } from './answer-types';
import { emptyChatText, type TEmptySection } from './empty-wording';
import { escapeHtml as h } from './escape';
import type { TAnswerTexts } from './locales/texts-type';
import { comingChat, dayEventsBlock } from './render-coming';
import { presenceChat } from './render-presence';
import { termChat } from './render-term';
import { named } from './spoken-sections';

/** Chat text (Telegram HTML, also plain enough for VK): the whole answer, with details a voice leaves out. */
export function renderChat(answer: TAnswer, l: TAnswerTexts): string {
  switch (answer.kind) {
    case 'grades': {
      const when = l.when(answer.period);
      const blocks = answer.sections.map(({ student, grades, average, emptyReason }) => {
        if (grades.length === 0)
          return emptyBlock(student, { part: 'grades', reason: emptyReason, when, subject: answer.subject }, l);
        const multiDay = answer.period.from !== answer.period.to;
        const lines = grades.map((g) => gradeLine(g, l, multiDay));
        if (average !== null) lines.push(`<i>${h(capital(l.average(average)))}</i>`);
        return `${who(student, l)}\n${lines.join('\n')}`;
      });
      return `<b>${h(l.texts.gradesHead(when))}</b>\n\n${blocks.join('\n\n')}`;
    }
    case 'homework': {
      const when = l.when(answer.period);
      const multiDay = answer.period.from !== answer.period.to;
      const blocks = answer.sections.map(({ student, homework, emptyReason }) => {
        if (homework.length === 0)
          return emptyBlock(student, { part: 'homework', reason: emptyReason, when, subject: answer.subject }, l);
        const lines = homework.map(
          (hw) =>
            `• ${multiDay ? `${h(l.shortDate(hw.dueDate))}, ` : ''}<b>${h(l.subject(hw.subject))}</b>: ${h(hw.text)}`,
        );
        return `${who(student, l)}\n${lines.join('\n')}`;
      });
      return `<b>${h(l.texts.homeworkHead(when))}</b>\n\n${blocks.join('\n\n')}`;
    }
    case 'schedule': {
      const when = l.when(answer.period);
      const blocks = answer.sections.map(({ student, lessons, emptyReason, events }) => {
        const day = dayEventsBlock(events ?? [], l);
        if (lessons.length === 0)
          return `${emptyBlock(student, { part: 'lessons', reason: emptyReason, when, subject: answer.subject }, l)}${day}`;
        return `${who(student, l)}\n${lessonLines(lessons, l, answer.period.from !== answer.period.to, false)}${day}`;
      });
      return `<b>${h(l.texts.scheduleHead(when))}</b>\n\n${blocks.join('\n\n')}`;
    }
    case 'teacher-schedule': {
      const when = l.when(answer.period);
      if (answer.lessons.length === 0)
        return h(answer.dayOff ? l.texts.dayOff(when, 'lessons') : l.texts.noLessons(when));
      return `<b>${h(l.texts.teacherHead(when))}</b>\n${lessonLines(answer.lessons, l, answer.period.from !== answer.period.to, true)}`;
    }
    case 'balance':
      return answer.sections.map(({ student, canteen }) => balanceBlock(student, canteen, l)).join('\n\n');
    case 'action':
      return h(l.texts.action[answer.action]);
    case 'help':
      return h(l.texts.help);
    case 'unknown':
      return h(l.texts.unknown);
    case 'not-linked':
      return h(l.texts.notLinked);
    case 'refused':
      return h(l.texts.refused);
    case 'ask-child':
      return h(l.texts.askChild);
    case 'clarify':
      return h(l.texts.clarify(named(answer.subject, l)));
    case 'which-child':
      return h(
        l.texts.whichChild(
          l.list(
            answer.children.map((c) => l.studentName(c)),
            'or',
          ),
        ),
      );
    case 'no-person':
      return h(l.texts.noPerson);
    case 'slow-down':
      return h(l.texts.slowDown);
    case 'journal': {
      const t = reminderTexts(l.lang);
      if (answer.lessons.length === 0) return h(t.allFilled(answer.days));
      return `<b>${h(t.unfilledHead(answer.lessons.length))}</b>\n${missingLines(answer.lessons, l.lang)
        .map((line) => `• ${h(line)}`)
        .join('\n')}`;
    }
    case 'snoozed':
      return h(reminderTexts(l.lang).snoozed(reminderTexts(l.lang).dateTime(answer.untilDate, answer.untilTime)));
    case 'not-teacher':
      return h(reminderTexts(l.lang).notTeacher);
    case 'average':
    case 'final-grades':
    case 'needed':
    case 'topics':
    case 'no-such-period':
      return termChat(answer, l);
    case 'presence':
    case 'absences':
    case 'attended':
      return presenceChat(answer, l);
    case 'tests':
    case 'events':
      return comingChat(answer, l);
  }
}

/** A student with nothing to show, and why when the answer knows. */
function emptyBlock(s: TStudentRef, e: TEmptySection, l: TAnswerTexts): string {
  return `${who(s, l)}\n${h(emptyChatText(e, l))}`;
}

function who(s: TStudentRef, l: TAnswerTexts): string {
  return `<b>${h(l.studentName(s.firstName))}</b>, ${h(s.className)}`;
}

function gradeLine(g: TGradeItem, l: TAnswerTexts, withDate: boolean): string {
  const details = [g.workType, g.weight !== 1 ? l.texts.weight(g.weight) : null].filter(Boolean).join(', ');
  const date = withDate ? `${h(l.shortDate(g.date))}, ` : '';
  const comment = g.comment ? ` — <i>${h(g.comment)}</i>` : '';
  return `• ${date}${h(l.subject(g.subject))}: <b>${h(g.value)}</b>${details ? ` (${h(details)})` : ''}${comment}`;
}

function lessonLines(lessons: TLessonItem[], l: TAnswerTexts, withDate: boolean, forTeacher: boolean): string {
  return lessons
    .map((x) => {
      const parts = [forTeacher ? `${h(x.className)} ${h(l.subject(x.subject))}` : h(l.subject(x.subject))];
      if (x.room) parts.push(h(l.texts.room(x.room)));
      if (!forTeacher) parts.push(h(x.teacherName));
      if (x.isTest) parts.push(`<b>${h(l.texts.test)}</b>`);
      // A link from school data must not become a javascript: URL in someone's chat.
      if (x.onlineUrl && /^https?:\/\//i.test(x.onlineUrl))
        parts.push(`<a href="${h(x.onlineUrl).replace(/"/g, '&quot;')}">${h(l.texts.online)}</a>`);
      const time = `${withDate ? `${h(l.shortDate(x.date))} ` : ''}${h(x.start)}–${h(x.end)}`;
      const line = `${time} ${parts.join(' · ')}`;
      return x.cancelled ? `<s>${line}</s> ${h(l.texts.cancelled)}` : line;
    })
    .join('\n');
}

function balanceBlock(student: TStudentRef, canteen: TCanteenInfo, l: TAnswerTexts): string {
  if (canteen.balanceKopecks === null) return `${who(student, l)}: ${h(l.texts.noBalance)}`;
  const head = `${who(student, l)}: ${h(l.texts.balance(l.money(canteen.balanceKopecks)))}`;
  if (canteen.recent.length === 0) return head;
  const lines = canteen.recent.map(
    (t) => `• ${h(l.shortDate(t.date))}${t.description ? ` ${h(t.description)}` : ''}: ${h(l.money(t.amountKopecks))}`,
  );
  return `${head}\n${h(l.texts.recentSpending)}:\n${lines.join('\n')}`;
}

function capital(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}
