import { Composer } from 'grammy';
import { renderAnswer, type AnswerService, type TAnswer } from '../../../../core/answers';
import type { LinkService } from '../../../../core/linking';
import type { SubscriptionSettingsStore } from '../../../../core/settings/subscription-settings-port';
import type { BotContext } from '../../bot-context';
import type { TSection } from '../../callback-data';
import { replyHtml } from '../../reply-html';
import { viewKeyboard } from '../menu/menu-keyboard';
import { forgetMe } from '../privacy/privacy-composer';
import { setSubscribed, showSettings } from '../settings/settings-composer';

export interface QuestionsDeps {
  answers: AnswerService;
  linking: LinkService;
  settings: SubscriptionSettingsStore;
  now: () => Date;
}

const SECTION_OF: Partial<Record<TAnswer['kind'], TSection>> = { grades: 'grades', homework: 'homework', schedule: 'schedule', balance: 'balance' };

/** Free text in a private chat: the core parses and answers; the bot performs the actions it names. */
export function questionsComposer(deps: QuestionsDeps): Composer<BotContext> {
  const composer = new Composer<BotContext>();
  const privateChat = composer.chatType('private');

  privateChat.command('help', async (ctx) => replyHtml(ctx, renderAnswer({ kind: 'help' }, ctx.lang).text));

  privateChat.on('message:text', async (ctx) => {
    if (ctx.msg.text.startsWith('/')) return replyHtml(ctx, renderAnswer({ kind: 'help' }, ctx.lang).text);
    const personId = await ctx.personId();
    if (!personId) return ctx.reply(ctx.t.linking.askCode);
    const { answer, lang } = await deps.answers.ask(ctx.msg.text, { personId }, deps.now());
    ctx.log.info({ personId, kind: answer.kind }, 'question answered');
    if (answer.kind === 'action') {
      switch (answer.action) {
        case 'subscribe':
          return setSubscribed(ctx, deps.settings, true);
        case 'unsubscribe':
          return setSubscribed(ctx, deps.settings, false);
        case 'settings':
          return showSettings(ctx, deps.settings);
        case 'forget':
          return forgetMe(ctx, deps.linking);
        case 'link':
          return ctx.reply(ctx.t.linking.askCode);
      }
    }
    const section = SECTION_OF[answer.kind];
    const children = 'sections' in answer ? answer.sections.map((s) => s.student.firstName) : [];
    const shown = 'period' in answer && answer.period.from === answer.period.to ? { day: answer.period.from, today: answer.period.today } : null;
    const keyboard = section ? viewKeyboard(ctx.t, { section, date: shown?.day ?? null, child: null }, section === 'balance' ? null : shown, children) : undefined;
    await replyHtml(ctx, renderAnswer(answer, lang).text, keyboard);
  });
  return composer;
}
