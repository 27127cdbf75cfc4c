import {
  renderAnswer,
  type TAsked as TAnswered,
  type TChannelAction,
  type TChartRequest,
  type TViewer,
} from '../answers';
import { currentContext, type TQueryContext } from '../nlu';
import type { TMenuView, TResumeTap } from './actions';
import { answerKeyboard } from './answer-keyboard';
import type { ConsentFlow } from './consent-flow';
import type { ConversationDeps, TOutcome, TTurn } from './conversation-types';
import { renderView } from './menu-view';
import { viewMenu } from './menus';
import { botTexts, html, plain, say } from './replies';

// Questions about the diary, typed in words or asked by the section menus' buttons. Every answer
// is an access to a student's data, so each one waits for a consent that is still current. The
// chat remembers its last question for ten minutes, so "а по физике?" changes only what it names.

/**
 * A question answered, or something the person asked for in words ("подпиши меня на оценки"),
 * which the conversation does as it does the matching command.
 */
export type TAsked = { kind: 'answered'; outcome: TOutcome } | { kind: 'action'; action: TChannelAction };

export function createQuestionFlow(
  deps: Pick<ConversationDeps, 'answers' | 'now' | 'queryContexts'>,
  consent: Pick<ConsentFlow, 'askCode' | 'reconsentNeeded'>,
) {
  /** The viewer once linked and consenting, with the chat's last question if it is still current. */
  async function open(turn: TTurn): Promise<{ viewer: TViewer; previous: TQueryContext | null } | TOutcome> {
    const [viewer, stored] = await Promise.all([turn.viewer(), deps.queryContexts.read(turn.chat)]);
    if (!viewer) return consent.askCode(turn);
    // Before the question is even answered: an answer is an access to a student's data (and logged as one).
    const gate = await consent.reconsentNeeded(turn, viewer.personId);
    if (gate) return gate;
    return { viewer, previous: currentContext(stored, deps.now()) };
  }

  async function ask(turn: TTurn, text: string): Promise<TAsked> {
    const opened = await open(turn);
    if ('replies' in opened) return { kind: 'answered', outcome: opened };
    const asked = await deps.answers.ask(text, opened.viewer, deps.now(), { previous: opened.previous });
    if (asked.answer.kind === 'action') return { kind: 'action', action: asked.answer.action };
    // «график по алгебре»: the subject's picture; no subject, the grid of all.
    if (asked.query.intent === 'chart' && deps.answers.chart) {
      const request = { child: asked.query.child, subject: asked.query.subject };
      return { kind: 'answered', outcome: await drawn(turn, opened.viewer, request) };
    }
    return { kind: 'answered', outcome: await answered(turn, asked) };
  }

  /** A tap on a button under "оценки или домашнее задание?" or "о ком из детей?". */
  async function resume(turn: TTurn, choice: TResumeTap): Promise<TOutcome> {
    const opened = await open(turn);
    if ('replies' in opened) return opened;
    const asked = await deps.answers.resume(
      // The results section is asked as its averages (a fragment's choices never offer it).
      'section' in choice
        ? { intent: choice.section === 'results' ? 'average' : choice.section }
        : { childIndex: choice.child },
      opened.viewer,
      deps.now(),
      { previous: opened.previous, lang: turn.lang },
    );
    return answered(turn, asked);
  }

  async function answered(turn: TTurn, asked: TAnswered): Promise<TOutcome> {
    turn.log.info({ kind: asked.answer.kind }, 'question answered');
    if (asked.remember) await deps.queryContexts.write(turn.chat, asked.remember, deps.now());
    const { answer, lang } = asked;
    const keyboard = answerKeyboard(botTexts(turn), answer, deps.answers.chart !== undefined);
    return say(html(renderAnswer(answer, lang).text, keyboard ? { keyboard } : {}));
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
        keyboard: {
          kind: 'view',
          menu: viewMenu(botTexts(turn), pinned, rendered.shown, rendered.children, deps.answers.chart !== undefined),
        },
      }),
    );
  }

  async function mainMenu(turn: TTurn): Promise<TOutcome> {
    if (!(await turn.personId())) return say(plain(botTexts(turn).settings.notLinked));
    return say(html(botTexts(turn).menu.title, { keyboard: { kind: 'main' } }));
  }

  const help = (turn: TTurn): TOutcome => say(html(renderAnswer({ kind: 'help' }, turn.lang).text));

  /** A term chart, from the results screen's button: pictures, or the words when there is nothing to draw. */
  async function chart(turn: TTurn, request: TChartRequest): Promise<TOutcome> {
    const opened = await open(turn);
    if ('replies' in opened) return opened;
    return drawn(turn, opened.viewer, request);
  }

  async function drawn(turn: TTurn, viewer: TViewer, request: TChartRequest): Promise<TOutcome> {
    if (!deps.answers.chart) return help(turn);
    const charts = await deps.answers.chart(request, viewer, deps.now(), turn.lang);
    turn.log.info({ kind: charts.kind }, 'chart answered');
    if (charts.kind === 'answer') return say(html(renderAnswer(charts.answer, turn.lang).text));
    return say(
      ...charts.images.map((image) =>
        image.kind === 'image' ? plain(image.caption, { image: { png: image.png } }) : plain(image.caption),
      ),
    );
  }

  return { ask, resume, showView, mainMenu, help, chart };
}
