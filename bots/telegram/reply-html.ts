import type { InlineKeyboard } from 'grammy';
import type { BotContext } from './bot-context';
import { splitMessage } from './split-message';

/** Sends HTML in as many messages as the 4096-character limit needs; the keyboard goes on the last. */
export async function replyHtml(ctx: BotContext, html: string, keyboard?: InlineKeyboard): Promise<void> {
  const parts = splitMessage(html);
  for (const [i, part] of parts.entries()) {
    await ctx.reply(part, {
      parse_mode: 'HTML',
      link_preview_options: { is_disabled: true },
      reply_markup: i === parts.length - 1 ? keyboard : undefined,
    });
  }
}

/** Replaces a menu message in place when the new text fits one message; otherwise answers anew. */
export async function showHtml(ctx: BotContext, html: string, keyboard?: InlineKeyboard): Promise<void> {
  const parts = splitMessage(html);
  if (ctx.callbackQuery?.message && parts.length === 1) {
    try {
      await ctx.editMessageText(html, { parse_mode: 'HTML', link_preview_options: { is_disabled: true }, reply_markup: keyboard });
      return;
    } catch (err) {
      // Tapping the button that is already shown edits nothing; Telegram calls that an error.
      if (err instanceof Error && /message is not modified/.test(err.message)) return;
      throw err;
    }
  }
  await replyHtml(ctx, html, keyboard);
}
