import { Composer, InlineKeyboard } from 'grammy';
import type { Conversation } from '../../../../core/conversation';
import type { BotContext } from '../../bot-context';

/**
 * Groups and channels never see anyone's diary: whatever is asked there gets only a pointer to a
 * private chat, and nothing after this composer runs for them. A link code posted there is voided
 * at once, and the group told so without a reply to the message that would point at its sender.
 */
export function groupsComposer(conversation: Conversation): Composer<BotContext> {
  const composer = new Composer<BotContext>();
  const shared = composer.chatType(['group', 'supergroup', 'channel']);
  shared.on('message', async (ctx) => {
    const keyboard = new InlineKeyboard().url(ctx.t.group.openChat, `https://t.me/${ctx.me.username}`);
    const text = ctx.msg.text ?? ctx.msg.caption;
    const posted = text ? await conversation.groupMessage(ctx.turn, text) : null;
    if (posted) {
      for (const reply of posted.replies) await ctx.reply(reply.text, { reply_markup: keyboard });
      return;
    }
    await ctx.reply(ctx.t.group.privateOnly, {
      reply_markup: keyboard,
      reply_parameters: { message_id: ctx.msg.message_id, allow_sending_without_reply: true },
    });
  });
  shared.on('callback_query', (ctx) => ctx.answerCallbackQuery({ text: ctx.t.group.privateOnly, show_alert: true }));
  // Joins, leaves and the rest: nothing to say, and nothing personal to process.
  shared.use(() => undefined);
  return composer;
}
