import type { TAnswer } from '../answers';
import { resumeChildData, resumeSectionData, type TSection } from './actions';
import type { TKeyboard } from './conversation-types';
import type { TBotTexts } from './locales';
import { sectionLabel, viewMenu } from './menus';

// The buttons under a diary answer in the chat bots: the choices of a question back, or the
// menu of the section the answer is from. The playground shows them too, as each platform lays
// them out, so it lives apart from the conversation that sends them.

const SECTION_OF: Partial<Record<TAnswer['kind'], TSection>> = {
  grades: 'grades',
  homework: 'homework',
  schedule: 'schedule',
  balance: 'balance',
  average: 'results',
  'final-grades': 'results',
};

/** `charts`: the answers can draw term charts, so the results menu offers one. */
export function answerKeyboard(t: TBotTexts, answer: TAnswer, charts: boolean): TKeyboard | undefined {
  if (answer.kind === 'clarify')
    return {
      kind: 'rows',
      rows: [
        answer.choices.map((c) => ({
          label: sectionLabel(t, c as TSection),
          data: resumeSectionData(c as TSection),
        })),
      ],
    };
  if (answer.kind === 'which-child')
    return { kind: 'rows', rows: [answer.children.map((name, i) => ({ label: name, data: resumeChildData(i) }))] };
  const section = SECTION_OF[answer.kind];
  if (!section) return undefined;
  const children = 'sections' in answer ? answer.sections.map((s) => s.student.firstName) : [];
  const shown =
    'period' in answer && answer.period.from === answer.period.to
      ? { day: answer.period.from, today: answer.period.today }
      : null;
  const menu = viewMenu(
    t,
    { section, date: shown?.day ?? null, child: null },
    section === 'balance' ? null : shown,
    children,
    charts,
  );
  return { kind: 'view', menu };
}
