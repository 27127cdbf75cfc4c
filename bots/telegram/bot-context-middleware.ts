import type { Api, MiddlewareFn } from 'grammy';
import { memoisedChatState } from '../../core/conversation';
import type { LinkService } from '../../core/linking';
import type { TChatLogRef } from '../../core/logging';
import type { BotContext, TBotLogger } from './bot-context';
import { BOT_TEXTS, langOf } from './locales';

/**
 * Language, texts, a per-update logger (the update id and the chat's log reference, never its
 * Telegram id), a memoised person lookup and the request-only API.
 */
export function contextFlavor(
  linking: LinkService,
  logger: TBotLogger,
  requestApi: Api,
  chatLogRef: TChatLogRef,
): MiddlewareFn<BotContext> {
  return async (ctx, next) => {
    ctx.requestApi = requestApi;
    ctx.lang = langOf(ctx.from?.language_code);
    ctx.t = BOT_TEXTS[ctx.lang];
    ctx.chatRef = { channel: 'telegram', externalId: String(ctx.chat?.id ?? ctx.from?.id ?? ''), locale: ctx.lang };
    ctx.log = logger.child({
      updateId: ctx.update.update_id,
      ...(ctx.chatRef.externalId ? { chatRef: chatLogRef(ctx.chatRef) } : {}),
    });
    // Groups never reach a person: nothing personal is shown there.
    const state = memoisedChatState('telegram', () =>
      ctx.chat?.type === 'private' ? linking.chatState(ctx.chatRef) : Promise.resolve(null),
    );
    ctx.turn = { chat: ctx.chatRef, lang: ctx.lang, log: ctx.log, detachedLog: logger, ...state };
    // Nearly every private message or tap asks who the chat is: the read starts now, alongside the
    // dedup claim, instead of after it. A failure reaches whoever asks later; unasked, it is dropped.
    if (ctx.chat?.type === 'private' && (ctx.message || ctx.callbackQuery)) state.personId().catch(() => undefined);
    await next();
  };
}
