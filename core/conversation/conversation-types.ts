import type { AnswerService, TViewer } from '../answers';
import type { TLang } from '../i18n';
import type { LinkService, TChatRef } from '../linking';
import type { SubscriptionSettingsStore } from '../settings/subscription-settings-port';
import type { TCalendarChat } from './calendar-flow';
import type { TButtonRows, TViewMenu } from './menus';
import type { QueryContextStore } from './query-context-port';
import type { TeacherSettingsStore } from './teacher-settings-port';

/** What the conversation works with; each flow takes only the part it needs. */
export interface ConversationDeps {
  answers: AnswerService;
  linking: LinkService;
  settings: SubscriptionSettingsStore;
  /** A teacher's journal-reminder preferences; without it the settings menu shows only alerts. */
  teacherSettings?: TeacherSettingsStore;
  /** Where the chat remembers its last question, for follow-ups ("а по физике?"). */
  queryContexts: QueryContextStore;
  now: () => Date;
  /** The private calendar feeds (/calendar); without them the command says the feed needs the server's public address. */
  calendar?: TCalendarChat;
}

/** The few logger methods the conversation uses; pino's Logger fits. Callers log ids only. */
export interface TConversationLogger {
  child(bindings: Record<string, unknown>): TConversationLogger;
  info(obj: object, msg?: string): void;
  warn(obj: object, msg?: string): void;
  error(obj: object, msg?: string): void;
}

/** One incoming message or tap in a private chat, as the conversation sees it. */
export interface TTurn {
  chat: TChatRef;
  lang: TLang;
  /** Bound to this update and chat (its chatRef, never the platform's id). */
  log: TConversationLogger;
  /**
   * Bound to neither: for a line naming school data (a student id) — joined to the chat's other
   * lines it would tie the person to the child after /forget.
   */
  detachedLog: TConversationLogger;
  /** The person behind this private chat after consent, else null; read once per turn. */
  personId(): Promise<string | null>;
  /** true when that person must consent (again) before anything personal; read with personId. */
  needsConsent(): Promise<boolean>;
  /** That person as the answers' viewer, with the scope read with personId; null when not linked. */
  viewer(): Promise<TViewer | null>;
}

/** Buttons under a reply. `main` is the section menu: a channel with a persistent keyboard shows it there. */
export type TKeyboard = { kind: 'main' } | { kind: 'view'; menu: TViewMenu } | { kind: 'rows'; rows: TButtonRows };

export interface TReply {
  text: string;
  /** true: `text` is in the answers' HTML dialect (Telegram HTML; other channels strip the tags). */
  html: boolean;
  keyboard?: TKeyboard;
  /** May replace the tapped message in place (a menu screen changing), where the channel can. */
  inPlace?: boolean;
  /** A file to send instead of text (the data export); `text` is its caption. */
  file?: { name: string; content: string };
  /** A picture to send instead of text (a term chart); `text` is its caption, plain. */
  image?: { png: Uint8Array };
}

/** What the bot does for one turn. */
export interface TOutcome {
  /** For a tap: the short notice shown where the button was pressed (Telegram toast, VK snackbar). */
  notice?: string;
  /** For a tap: the tapped message loses its buttons (a spent consent code must not stay in one). */
  clearTapped?: boolean;
  replies: TReply[];
}
