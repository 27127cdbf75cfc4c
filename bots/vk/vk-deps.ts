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

export interface VkBotDeps {
  /** The community's token (VK_GROUP_TOKEN). */
  token: string;
  groupId: number;
  /** VK_API_BASE_URL: VK's API host or a test double; every call goes there. */
  apiBaseUrl: string;
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
  /** Pause before the n-th retry of a send VK refused with 6 or 9 (tests shorten it). */
  retryDelayMs?: (attempt: number) => number;
  /** Requests per second for the token: VK allows a community token about 20. */
  apiLimit?: number;
}
