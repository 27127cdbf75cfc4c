import type { UserFromGetMe } from 'grammy/types';
import type { AnswerService } from '../../core/answers';
import type { ChatStatusStore, QueryContextStore, TCalendarChat, TeacherSettingsStore } from '../../core/conversation';
import type { LinkService } from '../../core/linking';
import type { TChatLogRef } from '../../core/logging';
import type { SubscriptionSettingsStore } from '../../core/settings';
import type { SeenOnce } from '../../core/updates';
import type { TBotLogger } from './bot-context';

export interface BotDeps {
  token: string;
  /** Known up front in tests (no getMe call); production calls bot.init(). */
  botInfo?: UserFromGetMe;
  /** TELEGRAM_API_ROOT: a self-hosted Bot API server or a test double. */
  apiRoot?: string;
  answers: AnswerService;
  linking: LinkService;
  settings: SubscriptionSettingsStore;
  seenOnce: SeenOnce;
  /** A teacher's journal-reminder preferences, shown in /settings. */
  teacherSettings?: TeacherSettingsStore;
  /** The chat's last question, for follow-ups ("а по физике?"). */
  queryContexts: QueryContextStore;
  /** The private calendar feeds behind /calendar. */
  calendar?: TCalendarChat;
  /** Marks chats inactive when a person blocks the bot (and active again when they unblock it). */
  chats?: ChatStatusStore;
  logger: TBotLogger;
  /** The chats' log references (core/logging); without it a key made at start, so refs match only within this process. */
  chatLogRef?: TChatLogRef;
  now?: () => Date;
  /** Updates come from @grammyjs/runner (no PUBLIC_URL) rather than the webhook. */
  polling?: boolean;
}
