// Button actions are shared by every chat bot (core/conversation's actions); Telegram adds only
// its callback_data limit of 64 bytes, which `fitsCallback` checks.
export {
  consentAcceptData,
  CONSENT_ACCEPT_PATTERN,
  consentDeclineData,
  CONSENT_DECLINE_PATTERN,
  menuData,
  MENU_PATTERN,
  parseMenuData,
  parseSettingsData,
  settingsData,
  SETTINGS_OPEN_DATA,
  settingsOpenData,
  SETTINGS_PATTERN,
  type TMenuView,
  type TSection,
  type TSettingsAction,
} from '../../core/conversation';

export const CALLBACK_LIMIT_BYTES = 64;

export function fitsCallback(data: string): boolean {
  return Buffer.byteLength(data, 'utf8') <= CALLBACK_LIMIT_BYTES;
}
