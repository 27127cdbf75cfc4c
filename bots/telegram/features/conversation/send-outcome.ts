import { InputFile } from 'grammy';
import type { TOutcome, TReply } from '../../../../core/conversation';
import type { BotContext } from '../../bot-context';
import { replyHtml, sendMessage, showHtml } from '../../reply-html';
import { toInlineKeyboard } from './keyboards';

/** `last`: no call follows this reply's last message in this update. */
async function sendReply(ctx: BotContext, reply: TReply, last: boolean): Promise<void> {
  const keyboard = reply.keyboard ? toInlineKeyboard(ctx.t, reply.keyboard) : undefined;
  if (reply.file) {
    await ctx.replyWithDocument(new InputFile(Buffer.from(reply.file.content, 'utf8'), reply.file.name), {
      caption: reply.text,
    });
    return;
  }
  if (reply.image) {
    // A term chart: the caption (plain, far under the 1024 characters a photo's caption takes) says what it shows.
    await ctx.replyWithPhoto(new InputFile(Buffer.from(reply.image.png), 'chart.png'), { caption: reply.text });
    return;
  }
  if (reply.html)
    return reply.inPlace ? showHtml(ctx, reply.text, keyboard, last) : replyHtml(ctx, reply.text, keyboard, last);
  if (reply.inPlace && ctx.callbackQuery?.message) {
    await ctx.editMessageText(reply.text, { reply_markup: keyboard });
    return;
  }
  await sendMessage(ctx, reply.text, { reply_markup: keyboard }, last);
}

/** The shared conversation's outcome as Bot API calls: the tap is answered first, then the messages. */
export async function sendOutcome(ctx: BotContext, outcome: TOutcome): Promise<void> {
  if (ctx.callbackQuery) await ctx.answerCallbackQuery(outcome.notice ? { text: outcome.notice } : undefined);
  if (outcome.clearTapped && ctx.callbackQuery?.message) await ctx.editMessageReplyMarkup();
  for (const [i, reply] of outcome.replies.entries()) await sendReply(ctx, reply, i === outcome.replies.length - 1);
}
