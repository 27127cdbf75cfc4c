import type { InlineKeyboard } from 'grammy';
import type { BotContext } from './bot-context';
import { splitMessage } from './split-message';

type SendOptions = Parameters<BotContext['reply']>[1];

/**
 * Sends one message of the update's answer. Only the update's last message may ride in the
 * webhook's response; an earlier one is a request of its own, awaited, so it arrives first.
 */
export async function sendMessage(ctx: BotContext, text: string, options: SendOptions, last: boolean): Promise<void> {
  if (last) {
    await ctx.reply(text, options);
    return;
  }
  // ctx.reply's own check: an update without a chat (an inline message's tap) has nowhere to send to.
  if (ctx.chatId === undefined) throw new Error('Missing information for API call to sendMessage');
  await ctx.requestApi.sendMessage(ctx.chatId, text, options);
}

const HTML = { parse_mode: 'HTML', link_preview_options: { is_disabled: true } } as const;

/** Sends HTML in as many messages as the 4096-character limit needs; the keyboard goes on the last. */
export async function replyHtml(
  ctx: BotContext,
  html: string,
  keyboard: InlineKeyboard | undefined,
  last: boolean,
): Promise<void> {
  const parts = splitMessage(html);
  for (const [i, part] of parts.entries()) {
    const final = i === parts.length - 1;
    await sendMessage(ctx, part, { ...HTML, reply_markup: final ? keyboard : undefined }, last && final);
  }
}

/** Replaces a menu message in place when the new text fits one message; otherwise answers anew. */
export async function showHtml(
  ctx: BotContext,
  html: string,
  keyboard: InlineKeyboard | undefined,
  last: boolean,
): Promise<void> {
  const parts = splitMessage(html);
  if (ctx.callbackQuery?.message && parts.length === 1) {
    try {
      await ctx.editMessageText(html, { ...HTML, reply_markup: keyboard });
      return;
    } catch (err) {
      // Tapping the button that is already shown edits nothing; Telegram calls that an error.
      if (err instanceof Error && /message is not modified/.test(err.message)) return;
      throw err;
    }
  }
  await replyHtml(ctx, html, keyboard, last);
}
