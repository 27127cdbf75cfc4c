import type { AnswerService } from '../../core/answers';
import type {
  ChatStatusStore,
  QueryContextStore,
  TCalendarChat,
  TConversationLogger,
  TeacherSettingsStore,
} from '../../core/conversation';
import type { LinkService } from '../../core/linking';
import type { TChatLogRef } from '../../core/logging';
import type { SubscriptionSettingsStore } from '../../core/settings';

export interface MaxBotDeps {
  /** MAX_BOT_TOKEN: sent as the Authorization header of every call. */
  token: string;
  /** MAX_API_BASE_URL: MAX's Bot API or a test double; every call goes there. */
  apiBaseUrl: string;
  /** MAX_BOT_USERNAME: the group chats' button to a private chat; without it they get the words only. */
  username?: string;
  answers: AnswerService;
  linking: LinkService;
  settings: SubscriptionSettingsStore;
  /** A teacher's journal-reminder preferences, shown in the settings. */
  teacherSettings?: TeacherSettingsStore;
  /** The chat's last question, for follow-ups ("а по физике?"). */
  queryContexts: QueryContextStore;
  /** The private calendar feeds behind /calendar. */
  calendar?: TCalendarChat;
  chats: ChatStatusStore;
  logger: TConversationLogger;
  /** The chats' log references (core/logging); without it a key made at start, so refs match only within this process. */
  chatLogRef?: TChatLogRef;
  now?: () => Date;
  /** Waits for the bot's share of MAX's request rate before each call (max-pacer.ts); unpaced without it. */
  pace?: () => Promise<void>;
  /** Pause before the n-th retry of a send MAX refused with 429 or 5xx (tests shorten it). */
  retryDelayMs?: (attempt: number) => number;
}
