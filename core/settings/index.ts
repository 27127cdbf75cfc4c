// The public face of core/settings: outside core, the module is imported only from here.

export type { SubscriptionSettingsStore } from './subscription-settings-port';
export { ALERT_TYPES, defaultSettings, PRESENCE_TYPES, SHARED_MODE_TYPES } from './subscription-settings-port';
