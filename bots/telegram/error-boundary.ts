import type { BotError } from 'grammy';
import type { BotContext, TBotLogger } from './bot-context';
import { BOT_TEXTS } from './locales';

/** A feature's failure becomes a short apology and one log line with the update id; the bot goes on. */
export function reportError(logger: TBotLogger) {
  return async (err: BotError<BotContext>): Promise<void> => {
    const ctx = err.ctx;
    const cause = err.error instanceof Error ? err.error : new Error(String(err.error));
    logger.error({ updateId: ctx.update.update_id, chatId: ctx.chat?.id, err: { name: cause.name, message: cause.message, stack: cause.stack } }, 'telegram update failed');
    const text = (ctx.t ?? BOT_TEXTS.ru).error;
    try {
      if (ctx.callbackQuery) await ctx.answerCallbackQuery({ text });
      else if (ctx.chat) await ctx.reply(text);
    } catch {
      // The apology itself may fail (Telegram down, bot blocked); the log line above is what matters.
    }
  };
}
