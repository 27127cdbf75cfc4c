// Button actions are shared by every chat bot (core/conversation's actions); Telegram adds only
// its callback_data limit of 64 bytes, which `fitsCallback` checks.
export {
  CONSENT_ACCEPT_PATTERN,
  CONSENT_DECLINE_PATTERN,
  consentAcceptData,
  consentDeclineData,
  MENU_PATTERN,
  menuData,
  parseMenuData,
  parseSettingsData,
  SETTINGS_OPEN_DATA,
  SETTINGS_PATTERN,
  settingsData,
  settingsOpenData,
  type TMenuView,
  type TSection,
  type TSettingsAction,
} from '../../core/conversation';

export const CALLBACK_LIMIT_BYTES = 64;

export function fitsCallback(data: string): boolean {
  return Buffer.byteLength(data, 'utf8') <= CALLBACK_LIMIT_BYTES;
}
