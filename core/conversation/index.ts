// The chat bots' shared conversation: actions, menus as data, settings presets, texts, and the flows behind one router.
export * from './actions';
export { createConversation, type Conversation } from './conversation';
export type * from './conversation-types';
export { memoisedChatState } from './chat-state';
export { BOT_TEXTS, langOf, type TBotTexts } from './locales';
export { consentMenu, mainMenu, offerAlertsMenu, reconsentMenu, sectionLabel, settingsMenu, viewMenu, viewRows, type TButton, type TButtonRows, type TShownPeriod, type TViewMenu } from './menus';
export { splitText } from './split-text';
export type { ChatStatusStore } from './chat-status-port';
export { MODE_PRESETS, QUIET_PRESETS, settingsPatch, summarize, THRESHOLD_PRESETS, type TSettingsSummary } from './settings-presets';
export type { TeacherSettingsStore } from './teacher-settings-port';
