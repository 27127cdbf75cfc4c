import { Composer } from 'grammy';
import type { ChatStatusStore } from '../../../../core/conversation';
import type { BotContext } from '../../bot-context';

// Telegram tells the bot when a person blocks it (my_chat_member: "kicked") and when they
// unblock it ("member"). A blocked chat is marked inactive at once, so alerts stop going to a
// chat that would answer 403 anyway; unblocking makes it active again. Chats never stored (no
// consent) are left alone by the store.
export function chatStatusComposer(chats: ChatStatusStore): Composer<BotContext> {
  const composer = new Composer<BotContext>();
  composer.on('my_chat_member', async (ctx) => {
    const update = ctx.myChatMember;
    if (update.chat.type !== 'private') return;
    const status = update.new_chat_member.status;
    if (status !== 'kicked' && status !== 'member') return;
    await chats.setActive({ channel: 'telegram', externalId: String(update.chat.id) }, status === 'member');
    ctx.log.info({ active: status === 'member' }, 'telegram chat status changed');
  });
  return composer;
}
