export { createVkBot, type VkBot } from './create-vk-bot';
export type { VkBotDeps } from './vk-deps';
export { readQueuedEvent, VK_CHAT_PEER_OFFSET, ZVkEnvelopeSchema, type TVkEnvelope, type TVkEventOf, type TVkQueuedEvent } from './vk-event';
export { INLINE_LIMITS, STANDARD_LIMITS } from './vk-keyboards';
