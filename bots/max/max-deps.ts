import type { ChatBotDeps } from '../../core/conversation';

export interface MaxBotDeps extends ChatBotDeps {
  /** MAX_BOT_TOKEN: sent as the Authorization header of every call. */
  token: string;
  /** MAX_API_BASE_URL: MAX's Bot API or a test double; every call goes there. */
  apiBaseUrl: string;
  /** MAX_BOT_USERNAME: the group chats' button to a private chat; without it they get the words only. */
  username?: string;
  /** Waits for the bot's share of MAX's request rate before each call (core/alerts request-pacer.ts); unpaced without it. */
  pace?: () => Promise<void>;
  /** Pause before the n-th retry of a send MAX refused with 429 or 5xx (tests shorten it). */
  retryDelayMs?: (attempt: number) => number;
}
