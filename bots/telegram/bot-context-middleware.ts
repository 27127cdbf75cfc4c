import type { MiddlewareFn } from 'grammy';
import { memoisedChatState } from '../../core/conversation';
import type { LinkService } from '../../core/linking';
import type { BotContext, TBotLogger } from './bot-context';
import { BOT_TEXTS, langOf } from './locales';

/** Language, texts, a per-update logger (ids only) and a memoised person lookup. */
export function contextFlavor(linking: LinkService, logger: TBotLogger): MiddlewareFn<BotContext> {
  return async (ctx, next) => {
    ctx.lang = langOf(ctx.from?.language_code);
    ctx.t = BOT_TEXTS[ctx.lang];
    ctx.chatRef = { channel: 'telegram', externalId: String(ctx.chat?.id ?? ctx.from?.id ?? ''), locale: ctx.lang };
    ctx.log = logger.child({ updateId: ctx.update.update_id, chatId: ctx.chat?.id });
    // Groups never reach a person: nothing personal is shown there.
    const state = memoisedChatState('telegram', () => (ctx.chat?.type === 'private' ? linking.chatState(ctx.chatRef) : Promise.resolve(null)));
    ctx.turn = { chat: ctx.chatRef, lang: ctx.lang, log: ctx.log, ...state };
    await next();
  };
}
