import { createMaxBot, type MaxBot, type MaxPolling, maxBotName, maxPacing, type TMaxUpdate } from '../bots/max';
import type { AnswerService } from '../core/answers';
import type { EventInbox } from '../core/updates';
import type { TConfig } from '../infra/config';
import { createInlineInbox, createRedisInbox, lazyInbox } from '../infra/event-inbox';
import type { Logger } from '../infra/logger';
import { createMemorySeenOnce } from '../infra/seen-once';
import type { Stores } from '../prisma/stores';
import { maxRoute } from '../webhooks/max-route';
import type { TChannelLinking } from './channel-linking';
import { chatBotDeps } from './chat-channels';
import { replyPacer } from './reply-pacer';

export interface TMaxChannel {
  bot: MaxBot;
  /** Claimed updates: in Redis when REDIS_URL is set (any number of server processes share them), else handled before MAX hears 200. */
  inbox: EventInbox<TMaxUpdate>;
  /** POST /webhooks/max when PUBLIC_URL is set. */
  route?: ReturnType<typeof maxRoute>;
  /** Long polling without PUBLIC_URL, once started (startMax). */
  polling?: MaxPolling;
  close(): Promise<void>;
}

/** The MAX bot when its token is set. Building it makes no network call: the CLI opens runtimes too. */
export function buildMax(
  config: TConfig,
  stores: Stores,
  answers: AnswerService,
  channel: TChannelLinking,
  logger: Logger,
): TMaxChannel | undefined {
  const token = config.MAX_BOT_TOKEN;
  if (!token) return undefined;
  // One inbox per bot, named by its token's hash (never the token): two bots on one Redis never share updates.
  const inboxName = `dnevnik-${maxBotName(token).replace(':', '-')}`;
  const log = logger.child({ channel: 'max' });
  const onError = (err: unknown) => log.error({ err }, 'max inbox error');
  const redisUrl = config.REDIS_URL;
  const inbox = lazyInbox<TMaxUpdate>(() =>
    redisUrl
      ? createRedisInbox(redisUrl, { name: inboxName, onError })
      : createInlineInbox(createMemorySeenOnce(), { onError }),
  );
  // Replies share the token's rate with the alert workers: one bucket per bot.
  const pacer = replyPacer(config, maxBotName(token), maxPacing(config.MAX_RATE_LIMIT).perSecond);
  const bot = createMaxBot({
    ...chatBotDeps(config, stores, answers, channel, log),
    token,
    pace: pacer.pace,
    apiBaseUrl: config.MAX_API_BASE_URL,
    username: config.MAX_BOT_USERNAME,
  });
  // config guarantees the secret in webhook mode
  const route =
    config.PUBLIC_URL && config.MAX_WEBHOOK_SECRET ? maxRoute({ secret: config.MAX_WEBHOOK_SECRET, inbox }) : undefined;
  const built: TMaxChannel = {
    bot,
    inbox,
    route,
    close: async () => {
      await built.polling?.stop();
      await inbox.close();
      pacer.close();
    },
  };
  return built;
}
