export { createBot, type TelegramBot } from './create-bot';
export type { BotDeps } from './bot-deps';
export type { BotContext, TBotLogger } from './bot-context';
export { registerCommands } from './commands';
export { splitMessage, MESSAGE_LIMIT } from './split-message';
export { startPolling } from './start-polling';
