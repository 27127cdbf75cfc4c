// The chat bots' shared conversation: actions, menus as data, settings presets, texts, and the flows behind one router.
export * from './actions';
export { answerKeyboard } from './answer-keyboard';
export { feedUrl, type TCalendarChat } from './calendar-flow';
export { type ChatBotDeps, conversationFor, createChatOrder } from './chat-bot-deps';
export { memoisedChatState } from './chat-state';
export type { ChatStatusStore } from './chat-status-port';
export { type Conversation, createConversation } from './conversation';
export type * from './conversation-types';
export { BOT_TEXTS, langOf, type TBotTexts } from './locales';
export {
  consentMenu,
  fitRows,
  mainMenu,
  offerAlertsMenu,
  reconsentMenu,
  sectionLabel,
  settingsMenu,
  type TButton,
  type TButtonRows,
  type TKeyboardLimits,
  type TShownPeriod,
  type TViewMenu,
  viewMenu,
  viewRows,
} from './menus';
export type { QueryContextStore, TStoredQueryContext } from './query-context-port';
export {
  MODE_PRESETS,
  QUIET_PRESETS,
  settingsPatch,
  summarize,
  THRESHOLD_PRESETS,
  type TSettingsSummary,
} from './settings-presets';
export { splitText } from './split-text';
export type { TeacherSettingsStore } from './teacher-settings-port';
