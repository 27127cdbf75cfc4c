import IORedis from 'ioredis';
import { createMaxSender } from '../bots/max';
import { createBot } from '../bots/telegram';
import { createTelegramSender } from '../bots/telegram/telegram-sender';
import { createVkBot, type TVkQueuedEvent } from '../bots/vk';
import { createVkSender, VK_PACING } from '../bots/vk/vk-sender';
import type { ChatSender } from '../core/alerts';
import type { AnswerService } from '../core/answers';
import type { ChatBotDeps, TConversationLogger } from '../core/conversation';
import type { TConfig } from '../infra/config';
import { createInlineInbox, createRedisInbox, lazyInbox } from '../infra/event-inbox';
import type { Logger } from '../infra/logger';
import { createMemorySeenOnce, createRedisSeenOnce } from '../infra/seen-once';
import type { Stores } from '../prisma/stores';
import { vkRoute } from '../webhooks/vk-route';
import { calendarFeeds } from './calendar-feeds';
import type { TChannelLinking } from './channel-linking';
import { replyPacer } from './reply-pacer';

// The chat channels a configuration turns on. Building them makes no network call: the CLI opens
// runtimes too, and a bot connects only in startTelegram / startVk (main.ts).

/** The Telegram bot when its token is set. */
export function buildTelegram(
  config: TConfig,
  stores: Stores,
  answers: AnswerService,
  channel: TChannelLinking,
  logger: Logger,
) {
  if (!config.TELEGRAM_BOT_TOKEN) return undefined;
  // Updates are remembered in Redis when several processes may receive them.
  const redis = config.REDIS_URL ? new IORedis(config.REDIS_URL, { maxRetriesPerRequest: 2 }) : undefined;
  const bot = createBot({
    token: config.TELEGRAM_BOT_TOKEN,
    apiRoot: config.TELEGRAM_API_ROOT,
    answers,
    linking: channel().linking,
    settings: stores.settings,
    teacherSettings: stores.teacherSettings,
    queryContexts: stores.queryContexts,
    calendar: { feeds: calendarFeeds(stores, channel), publicUrl: config.PUBLIC_URL },
    seenOnce: redis ? createRedisSeenOnce(redis, 'dnevnik:tg-update:') : createMemorySeenOnce(),
    chats: stores.chats,
    logger: logger.child({ channel: 'telegram' }),
    chatLogRef: channel().chatLogRef,
    polling: !config.PUBLIC_URL,
  });
  return { bot, close: async () => void (await redis?.quit()) };
}

/** What every chat bot gets from the runtime: the conversation's parts, the chats' log references, its own logger. */
export function chatBotDeps(
  config: TConfig,
  stores: Stores,
  answers: AnswerService,
  channel: TChannelLinking,
  logger: TConversationLogger,
): ChatBotDeps {
  return {
    answers,
    linking: channel().linking,
    settings: stores.settings,
    teacherSettings: stores.teacherSettings,
    queryContexts: stores.queryContexts,
    calendar: { feeds: calendarFeeds(stores, channel), publicUrl: config.PUBLIC_URL },
    chats: stores.chats,
    logger,
    chatLogRef: channel().chatLogRef,
  };
}

/**
 * The VK bot when its token is set. Events wait in Redis when REDIS_URL is set (any number of
 * server processes share them); otherwise they are handled before VK is told "ok".
 */
export function buildVk(
  config: TConfig,
  stores: Stores,
  answers: AnswerService,
  channel: TChannelLinking,
  logger: Logger,
) {
  if (!config.VK_GROUP_TOKEN || !config.VK_GROUP_ID) return undefined;
  const log = logger.child({ channel: 'vk' });
  const groupId = config.VK_GROUP_ID;
  const onError = (err: unknown) => log.error({ err }, 'vk inbox error');
  const redisUrl = config.REDIS_URL;
  const inbox = lazyInbox<TVkQueuedEvent>(() =>
    redisUrl
      ? createRedisInbox(redisUrl, { name: `dnevnik-vk-${groupId}`, onError })
      : createInlineInbox(createMemorySeenOnce(), { onError }),
  );
  // Replies share the community's rate with the alert workers: one bucket per community.
  const pacer = replyPacer(config, `vk:${groupId}`, VK_PACING.perSecond);
  const bot = createVkBot({
    ...chatBotDeps(config, stores, answers, channel, log),
    token: config.VK_GROUP_TOKEN,
    groupId,
    apiBaseUrl: config.VK_API_BASE_URL,
    pace: pacer.pace,
  });
  const { VK_CALLBACK_SECRET: secret, VK_CONFIRMATION: confirmation } = config;
  // config guarantees the secret and the confirmation string in Callback API mode
  const route =
    config.PUBLIC_URL && secret && confirmation ? vkRoute({ groupId, secret, confirmation, inbox }) : undefined;
  return {
    bot,
    inbox,
    route,
    close: async () => {
      await bot.stop();
      await inbox.close();
      pacer.close();
    },
  };
}

/** The alert workers' senders: one per chat platform whose token is set. */
export function chatSenders(config: TConfig): ChatSender[] {
  const senders: ChatSender[] = [];
  if (config.TELEGRAM_BOT_TOKEN)
    senders.push(createTelegramSender({ apiRoot: config.TELEGRAM_API_ROOT, token: config.TELEGRAM_BOT_TOKEN }));
  if (config.VK_GROUP_TOKEN && config.VK_GROUP_ID)
    senders.push(
      createVkSender({ apiBaseUrl: config.VK_API_BASE_URL, token: config.VK_GROUP_TOKEN, groupId: config.VK_GROUP_ID }),
    );
  if (config.MAX_BOT_TOKEN)
    senders.push(
      createMaxSender({
        apiBaseUrl: config.MAX_API_BASE_URL,
        token: config.MAX_BOT_TOKEN,
        perSecond: config.MAX_RATE_LIMIT,
      }),
    );
  return senders;
}

/** One line per channel that is not started, so an operator sees why a bot is silent. */
export function logChannels(config: TConfig, logger: Logger) {
  if (!config.TELEGRAM_BOT_TOKEN) logger.info('Telegram bot not started: TELEGRAM_BOT_TOKEN is not set');
  if (!config.VK_GROUP_TOKEN) logger.info('VK bot not started: VK_GROUP_TOKEN is not set');
  if (!config.MAX_BOT_TOKEN) logger.info('MAX bot not started: MAX_BOT_TOKEN is not set');
  if (!config.ALICE_SKILL_ID) logger.info('Alice skill not started: ALICE_SKILL_ID is not set');
  else if (!config.ALICE_WEBHOOK_PATH_SECRET) {
    logger.warn(
      'Alice skill on the open path /webhooks/alice: anyone who knows the public skill_id can post to it; set ALICE_WEBHOOK_PATH_SECRET and enter /webhooks/alice/<secret> in Yandex Dialogs',
    );
  }
  if (!config.ALEXA_SKILL_ID) logger.info('Alexa skill not started: ALEXA_SKILL_ID is not set');
  if (!config.JOURNAL_WEBHOOK_SECRET)
    logger.info("Journal operator key off: JOURNAL_WEBHOOK_SECRET is not set (schools' own keys are accepted)");
}
