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
  }
}
