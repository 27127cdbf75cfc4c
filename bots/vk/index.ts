export { createVkBot, type VkBot } from './create-vk-bot';
export type { VkBotDeps } from './vk-deps';
export { VK_CHAT_PEER_OFFSET, ZVkEventSchema, type TVkEvent, type TVkQueuedEvent } from './vk-event';
export { INLINE_LIMITS, STANDARD_LIMITS } from './vk-keyboards';
