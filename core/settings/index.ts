// The public face of core/settings: outside core, the module is imported only from here.

export type { SubscriptionSettingsStore } from './subscription-settings-port';
export {
  ALERT_TYPES,
  COMING_TYPES,
  DEFAULT_TESTS_EVENING,
  defaultSettings,
  PRESENCE_TYPES,
  SHARED_MODE_TYPES,
  TESTS_EVENING_TIMES,
  withDefaultsOn,
  withFollowers,
} from './subscription-settings-port';
