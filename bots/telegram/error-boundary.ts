import type { BotError } from 'grammy';
import type { TChatLogRef } from '../../core/logging';
import type { BotContext, TBotLogger } from './bot-context';
import { BOT_TEXTS } from './locales';

/** A feature's failure becomes a short apology and one log line with the update id; the bot goes on. */
export function reportError(logger: TBotLogger, chatLogRef: TChatLogRef) {
  return async (err: BotError<BotContext>): Promise<void> => {
    const ctx = err.ctx;
    const cause = err.error instanceof Error ? err.error : new Error(String(err.error));
    // The chat's log reference, never its id. The logger keeps the error's name, message and code
    // only, so a Bot API error's payload (chat id, text) stays out too.
    const chat = ctx.chatRef?.externalId ? { chatRef: chatLogRef(ctx.chatRef) } : {};
    logger.error({ updateId: ctx.update.update_id, ...chat, err: cause }, 'telegram update failed');
    const text = (ctx.t ?? BOT_TEXTS.ru).error;
    try {
      if (ctx.callbackQuery) await ctx.answerCallbackQuery({ text });
      else if (ctx.chat) await ctx.reply(text);
    } catch {
      // The apology itself may fail (Telegram down, bot blocked); the log line above is what matters.
    }
  };
}
