// The public face of core/settings: outside core, the module is imported only from here.

export type { SubscriptionSettingsStore } from './subscription-settings-port';
export { defaultSettings } from './subscription-settings-port';
