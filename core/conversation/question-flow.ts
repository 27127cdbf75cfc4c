import { renderAnswer, type TAnswer, type TChannelAction } from '../answers';
import type { TMenuView, TSection } from './actions';
import type { ConsentFlow } from './consent-flow';
import type { ConversationDeps, TOutcome, TTurn } from './conversation-types';
import { renderView } from './menu-view';
import { viewMenu } from './menus';
import { botTexts, html, plain, say } from './replies';

// Questions about the diary, typed in words or asked by the section menus' buttons. Every answer
// is an access to a student's data, so each one waits for a consent that is still current.

/**
 * A question answered, or something the person asked for in words ("подпиши меня на оценки"),
 * which the conversation does as it does the matching command.
 */
export type TAsked = { kind: 'answered'; outcome: TOutcome } | { kind: 'action'; action: TChannelAction };

const SECTION_OF: Partial<Record<TAnswer['kind'], TSection>> = {
  grades: 'grades',
  homework: 'homework',
  schedule: 'schedule',
  balance: 'balance',
};

export function createQuestionFlow(
  deps: Pick<ConversationDeps, 'answers' | 'now'>,
  consent: Pick<ConsentFlow, 'askCode' | 'reconsentNeeded'>,
) {
  async function ask(turn: TTurn, text: string): Promise<TAsked> {
    const answered = (outcome: TOutcome): TAsked => ({ kind: 'answered', outcome });
    const viewer = await turn.viewer();
    if (!viewer) return answered(consent.askCode(turn));
    // Before the question is even answered: an answer is an access to a student's data (and logged as one).
    const gate = await consent.reconsentNeeded(turn, viewer.personId);
    if (gate) return answered(gate);
    const { answer, lang } = await deps.answers.ask(text, viewer, deps.now());
    turn.log.info({ personId: viewer.personId, kind: answer.kind }, 'question answered');
    if (answer.kind === 'action') return { kind: 'action', action: answer.action };
    const section = SECTION_OF[answer.kind];
    const children = 'sections' in answer ? answer.sections.map((s) => s.student.firstName) : [];
    const shown =
      'period' in answer && answer.period.from === answer.period.to
        ? { day: answer.period.from, today: answer.period.today }
        : null;
    const menu = section
      ? viewMenu(
          botTexts(turn),
          { section, date: shown?.day ?? null, child: null },
          section === 'balance' ? null : shown,
          children,
        )
      : undefined;
    return answered(say(html(renderAnswer(answer, lang).text, menu ? { keyboard: { kind: 'view', menu } } : {})));
  }

  async function showView(turn: TTurn, view: TMenuView): Promise<TOutcome> {
    const viewer = await turn.viewer();
    if (!viewer) return say(html(botTexts(turn).settings.notLinked, { inPlace: true }));
    const gate = await consent.reconsentNeeded(turn, viewer.personId);
    if (gate) return gate;
    const rendered = await renderView(deps.answers, viewer, view, turn.lang, deps.now());
    // The day shown becomes explicit, so a later tap on ‹ › moves from it, not from a new "today".
    const pinned = { ...view, date: rendered.shown && view.section !== 'balance' ? rendered.shown.day : view.date };
    return say(
      html(rendered.html, {
        inPlace: true,
        keyboard: { kind: 'view', menu: viewMenu(botTexts(turn), pinned, rendered.shown, rendered.children) },
      }),
    );
  }

  async function mainMenu(turn: TTurn): Promise<TOutcome> {
    if (!(await turn.personId())) return say(plain(botTexts(turn).settings.notLinked));
    return say(html(botTexts(turn).menu.title, { keyboard: { kind: 'main' } }));
  }

  const help = (turn: TTurn): TOutcome => say(html(renderAnswer({ kind: 'help' }, turn.lang).text));

  return { ask, showView, mainMenu, help };
}
