// The public face of core/alerts: outside core, the module is imported only from here.

export type { AlertPipeline, PipelineOptions } from './alert-pipeline';
export { createAlertPipeline } from './alert-pipeline';
export type {
  AlertObserver,
  AlertStore,
  ChatSender,
  DeliveryQueue,
  RateLimiter,
  TClaimedMessage,
  TDeliveryJob,
  TPacing,
  TSendResult,
} from './alert-ports';
export { systemClock } from './alert-ports';
export type {
  TAlertMode,
  TAlertType,
  TItemGroup,
  TItemKind,
  TItemPayload,
  TLessonDay,
  TOutboxFact,
  TPlannedItem,
  TRecipient,
  TStoredPass,
  TSubjectAverage,
  TSubscriptionSettings,
  TWithdrawnItem,
} from './alert-types';
export { lessonDayKey } from './plan-absence';
export { refsToWithdraw } from './plan-alerts';
export { averagePairs, averageRef, type TAveragePair, WARNING_INTERVAL_MS } from './plan-average';
export {
  planTestsTomorrow,
  type TTestTomorrow,
  testTomorrowOutboxId,
  testTomorrowRef,
} from './plan-coming';
export { batchPasses, departuresToWithdraw } from './plan-presence';
export { createRequestPacer, type TRequestPacer } from './request-pacer';
export { ruFeminine } from './ru-feminine';
