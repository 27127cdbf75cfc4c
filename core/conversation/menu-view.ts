import { type AnswerService, renderAnswer, type TAnswer, type TViewer } from '../answers';
import type { TLang } from '../i18n';
import type { TMenuView } from './actions';
import type { TShownPeriod } from './menus';

export interface TRenderedView {
  html: string;
  shown: TShownPeriod | null;
  /** First names of the viewer's children, in link order: the switcher's buttons. */
  children: string[];
}

/**
 * One menu screen. The core answers for all the viewer's children; the chosen one is picked here
 * by position, so the switcher never needs a second query or a name in callback data.
 */
export async function renderView(
  answers: AnswerService,
  viewer: TViewer,
  view: TMenuView,
  lang: TLang,
  now: Date,
): Promise<TRenderedView> {
  if (view.section === 'results') return resultsView(answers, viewer, view, lang, now);
  const answer = await answers.answer(
    { intent: view.section, date: view.date, dateTo: null, subject: null, child: null },
    viewer,
    now,
  );
  const children = 'sections' in answer ? answer.sections.map((s) => s.student.firstName) : [];
  const picked = pickChild(answer, view.child);
  const shown =
    'period' in answer && view.section !== 'balance' ? { day: answer.period.from, today: answer.period.today } : null;
  return { html: renderAnswer(picked, lang).text, shown, children };
}

/**
 * The results screen: the current period's averages with the mark each rounds to, then the marks
 * fixed for the period before it (the last one finished). Two reads, each with its access-log entry.
 */
async function resultsView(
  answers: AnswerService,
  viewer: TViewer,
  view: TMenuView,
  lang: TLang,
  now: Date,
): Promise<TRenderedView> {
  const base = { date: null, dateTo: null, subject: null, child: null };
  const averages = await answers.answer({ ...base, intent: 'average', term: null }, viewer, now);
  const children = 'sections' in averages ? averages.sections.map((s) => s.student.firstName) : [];
  // Only an answer with sections has marks to add; a refusal or a missing period stands alone.
  if (!('sections' in averages)) return { html: renderAnswer(averages, lang).text, shown: null, children };
  const finals = await answers.answer(
    { ...base, intent: 'final-grades', term: { kind: null, which: 'previous' } },
    viewer,
    now,
  );
  const parts = [averages, finals].map((a) => renderAnswer(pickChild(a, view.child), lang).text);
  return { html: parts.join('\n\n'), shown: null, children };
}

function pickChild(answer: TAnswer, child: number | null): TAnswer {
  if (child === null || !('sections' in answer) || child >= answer.sections.length) return answer;
  switch (answer.kind) {
    case 'grades':
      return { ...answer, sections: [answer.sections[child]] };
    case 'homework':
      return { ...answer, sections: [answer.sections[child]] };
    case 'schedule':
      return { ...answer, sections: [answer.sections[child]] };
    case 'balance':
      return { ...answer, sections: [answer.sections[child]] };
    case 'average':
      return { ...answer, sections: [answer.sections[child]] };
    case 'final-grades':
      return { ...answer, sections: [answer.sections[child]] };
    case 'needed':
      return { ...answer, sections: [answer.sections[child]] };
    case 'topics':
      return { ...answer, sections: [answer.sections[child]] };
    case 'presence':
      return { ...answer, sections: [answer.sections[child]] };
    case 'absences':
      return { ...answer, sections: [answer.sections[child]] };
    case 'attended':
      return { ...answer, sections: [answer.sections[child]] };
    case 'tests':
      return { ...answer, sections: [answer.sections[child]] };
    case 'events':
      return { ...answer, sections: [answer.sections[child]] };
  }
}
