export type { BotContext, TBotLogger } from './bot-context';
export type { BotDeps } from './bot-deps';
export { registerCommands } from './commands';
export { createBot, type TelegramBot } from './create-bot';
export { MESSAGE_LIMIT, splitMessage } from './split-message';
export { startPolling } from './start-polling';
