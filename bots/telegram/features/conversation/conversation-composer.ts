import { Composer } from 'grammy';
import type { Conversation } from '../../../../core/conversation';
import type { BotContext } from '../../bot-context';
import { sendOutcome } from './send-outcome';

/** Private chats: texts and button taps go to the shared conversation; Telegram only carries them. */
export function conversationComposer(conversation: Conversation): Composer<BotContext> {
  const composer = new Composer<BotContext>();
  const privateChat = composer.chatType('private');
  privateChat.on('message:text', async (ctx) => sendOutcome(ctx, await conversation.message(ctx.turn, ctx.msg.text)));
  privateChat.on('callback_query:data', async (ctx) => {
    const outcome = await conversation.tap(ctx.turn, ctx.callbackQuery.data);
    // A button from an older version of the bot: stop its spinner, do nothing else.
    await sendOutcome(ctx, outcome ?? { replies: [] });
  });
  return composer;
}
