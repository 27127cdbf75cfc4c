import { sequentialize } from '@grammyjs/runner';
import { Bot } from 'grammy';
import { createConversation } from '../../core/conversation';
import { createChatLogRef } from '../../core/logging';
import type { BotContext } from './bot-context';
import { contextFlavor } from './bot-context-middleware';
import type { BotDeps } from './bot-deps';
import { dedupUpdates } from './dedup-updates';
import { reportError } from './error-boundary';
import { chatStatusComposer } from './features/chat-status/chat-status-composer';
import { conversationComposer } from './features/conversation/conversation-composer';
import { groupsComposer } from './features/groups/groups-composer';

export type TelegramBot = Bot<BotContext>;

/** The whole bot; transport (webhook or long polling) is chosen by whoever mounts it. */
export function createBot(deps: BotDeps): TelegramBot {
  const bot = new Bot<BotContext>(deps.token, {
    botInfo: deps.botInfo,
    client: {
      ...(deps.apiRoot ? { apiRoot: deps.apiRoot } : {}),
      // Through a webhook, an update's first eligible call rides in the webhook's own response (no
      // request of its own, and the answer is on its way at once): a tap's answer, or a message
      // that is the update's last call (earlier ones go through ctx.requestApi). Such a call's
      // result is never needed; its failure is unseen, so nothing else goes that way.
      canUseWebhookReply: (method) => method === 'answerCallbackQuery' || method === 'sendMessage',
    },
  });
  const now = deps.now ?? (() => new Date());
  const chatLogRef = deps.chatLogRef ?? createChatLogRef();
  // Outside the boundary: if the dedup store is down the update fails as a whole and Telegram resends it.
  // Long polling fetches concurrently; one chat's updates must still be handled in order.
  if (deps.polling) bot.use(sequentialize((ctx) => ctx.chat?.id.toString() ?? ctx.from?.id.toString()));
  // The chat's read starts in contextFlavor and runs while dedup claims the update id.
  bot.use(contextFlavor(deps.linking, deps.logger, bot.api, chatLogRef));
  bot.use(dedupUpdates(deps.seenOnce, deps.token.split(':')[0]));

  const features = bot.errorBoundary(reportError(deps.logger, chatLogRef));
  // Groups first: nothing below ever runs for a shared chat.
  if (deps.chats) features.use(chatStatusComposer(deps.chats));
  const conversation = createConversation({
    answers: deps.answers,
    linking: deps.linking,
    settings: deps.settings,
    teacherSettings: deps.teacherSettings,
    queryContexts: deps.queryContexts,
    calendar: deps.calendar,
    now,
  });
  features.use(groupsComposer(conversation));
  features.use(conversationComposer(conversation));

  // Long polling reports here what escaped the boundary (the dedup store, say) instead of stopping.
  bot.catch((err) =>
    deps.logger.error({ updateId: err.ctx.update.update_id, err }, 'telegram update failed outside features'),
  );
  return bot;
}
