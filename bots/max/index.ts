export { createMaxBot, type MaxBot } from './create-max-bot';
export type { MaxBotDeps } from './max-deps';
export { MAX_INLINE_LIMITS, toMaxKeyboard } from './max-keyboards';
export { MAX_MESSAGE_LIMIT } from './max-outcome';
export { type MaxPolling, startMaxPolling } from './max-polling';
export { createMaxSender, maxBotName, maxPacing } from './max-sender';
export {
  deleteMaxSubscription,
  maxSubscriptions,
  maxWebhookUrl,
  setMaxSubscription,
  showMaxSubscriptions,
  subscribeMaxWebhook,
  type TMaxSubscriptionInfo,
  unsubscribeMaxWebhook,
} from './max-subscription';
export {
  MAX_UPDATE_TYPES,
  readMaxUpdate,
  type TMaxEnvelope,
  type TMaxUpdate,
  type TMaxUpdateOf,
  ZMaxEnvelopeSchema,
} from './max-update';
