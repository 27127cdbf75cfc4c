import type { AnswerService } from '../answers';
import type { LinkService } from '../linking';
import type { TChatLogRef } from '../logging';
import type { SubscriptionSettingsStore } from '../settings/subscription-settings-port';
import type { TCalendarChat } from './calendar-flow';
import type { ChatStatusStore } from './chat-status-port';
import { type Conversation, createConversation } from './conversation';
import type { TConversationLogger } from './conversation-types';
import type { QueryContextStore } from './query-context-port';
import type { TeacherSettingsStore } from './teacher-settings-port';

/** What every chat bot (VK, MAX) gets besides its platform's settings: the conversation's parts and where it logs. */
export interface ChatBotDeps {
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
}

export function conversationFor(deps: ChatBotDeps): Conversation {
  return createConversation({
    answers: deps.answers,
    linking: deps.linking,
    settings: deps.settings,
    teacherSettings: deps.teacherSettings,
    queryContexts: deps.queryContexts,
    calendar: deps.calendar,
    now: deps.now ?? (() => new Date()),
  });
}

/**
 * One chat's updates in order within a process (a consent tap is handled before the next
 * question), different chats at once: `run` waits for the chat's previous update first.
 */
export function createChatOrder<K>() {
  const tails = new Map<K, Promise<void>>();
  return async function run(chat: K, work: () => Promise<void>): Promise<void> {
    const previous = tails.get(chat) ?? Promise.resolve();
    const current = previous.then(work);
    tails.set(chat, current);
    try {
      await current;
    } finally {
      if (tails.get(chat) === current) tails.delete(chat);
    }
  };
}
