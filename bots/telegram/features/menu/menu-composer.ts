import { Composer } from 'grammy';
import type { AnswerService } from '../../../../core/answers';
import type { BotContext } from '../../bot-context';
import { MENU_PATTERN, parseMenuData, type TMenuView } from '../../callback-data';
import { replyHtml, showHtml } from '../../reply-html';
import { mainMenuKeyboard, viewKeyboard } from './menu-keyboard';
import { renderView } from './menu-view';

export interface MenuDeps {
  answers: AnswerService;
  now: () => Date;
}

export async function showView(ctx: BotContext, deps: MenuDeps, view: TMenuView): Promise<void> {
  const personId = await ctx.personId();
  if (!personId) {
    await showHtml(ctx, ctx.t.settings.notLinked);
    return;
  }
  const rendered = await renderView(deps.answers, personId, view, ctx.lang, deps.now());
  // The day shown becomes explicit, so a later tap on ‹ › moves from it, not from a new "today".
  const pinned = { ...view, date: rendered.shown && view.section !== 'balance' ? rendered.shown.day : view.date };
  await showHtml(ctx, rendered.html, viewKeyboard(ctx.t, pinned, rendered.shown, rendered.children));
}

export function menuComposer(deps: MenuDeps): Composer<BotContext> {
  const composer = new Composer<BotContext>();
  composer.chatType('private').command(['menu', 'start'], async (ctx) => {
    if (!(await ctx.personId())) return ctx.reply(ctx.t.settings.notLinked);
    await replyHtml(ctx, ctx.t.menu.title, mainMenuKeyboard(ctx.t));
  });
  composer.callbackQuery(MENU_PATTERN, async (ctx) => {
    await ctx.answerCallbackQuery();
    await showView(ctx, deps, parseMenuData(ctx.match as RegExpMatchArray));
  });
  return composer;
}
