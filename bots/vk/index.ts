export { createVkBot, type VkBot } from './create-vk-bot';
export type { VkBotDeps } from './vk-deps';
export {
  readQueuedEvent,
  type TVkEnvelope,
  type TVkEventOf,
  type TVkQueuedEvent,
  VK_CHAT_PEER_OFFSET,
  ZVkEnvelopeSchema,
} from './vk-event';
export { INLINE_LIMITS, STANDARD_LIMITS } from './vk-keyboards';
