import type { TAlertType } from '../alerts/alert-types';

// What a button does, as a short string every channel can carry: Telegram callback_data (64
// bytes), a VK button payload (255 characters). Buttons carry codes, never names or ids of people.

export type TSection = 'grades' | 'homework' | 'schedule' | 'balance';
export const SECTIONS: readonly TSection[] = ['grades', 'homework', 'schedule', 'balance'];
const SECTION_CODES: Record<TSection, string> = { grades: 'g', homework: 'h', schedule: 's', balance: 'c' };
const SECTION_BY_CODE = Object.fromEntries(Object.entries(SECTION_CODES).map(([k, v]) => [v, k])) as Record<string, TSection>;

/** A menu view: which section, which day (null = the school's today), which child (null = all). */
export interface TMenuView {
  section: TSection;
  date: string | null;
  child: number | null;
}

export function menuData(view: TMenuView): string {
  return `m:${SECTION_CODES[view.section]}:${view.date ?? 't'}:${view.child ?? 'a'}`;
}

export const MENU_PATTERN = /^m:([ghsc]):(t|\d{4}-\d{2}-\d{2}):(a|\d{1,2})$/;

export function parseMenuData(match: RegExpMatchArray): TMenuView {
  return {
    section: SECTION_BY_CODE[match[1]],
    date: match[2] === 't' ? null : match[2],
    child: match[3] === 'a' ? null : Number(match[3]),
  };
}

/** The code travels in the button so that nothing about the chat is stored before Accept. */
export const consentAcceptData = (version: string, code: string) => `c:y:${version}:${code}`;
export const CONSENT_DECLINE_DATA = 'c:n';
export const CONSENT_ACCEPT_PATTERN = /^c:y:([\w.-]{1,12}):(\d{12})$/;
/** Asked again of a linked person when the consent text changed: renew, or withdraw (deletes everything). */
export const consentRenewData = (version: string) => `c:r:${version}`;
export const CONSENT_RENEW_PATTERN = /^c:r:([\w.-]{1,12})$/;
export const CONSENT_WITHDRAW_DATA = 'c:w';

/** `r-…`: a teacher's journal reminders (on/off, instant or a daily summary, quiet hours). */
export type TTeacherSettingsKind = 'r-toggle' | 'r-mode' | 'r-quiet';
export type TSettingsAction = { kind: 'toggle'; type: TAlertType } | { kind: 'mode' } | { kind: 'quiet' } | { kind: 'threshold' } | { kind: 'grades-on' } | { kind: 'r-toggle' } | { kind: 'r-mode' } | { kind: 'r-quiet' };
export const settingsData = (action: TSettingsAction) => (action.kind === 'toggle' ? `s:t:${action.type}` : `s:${action.kind}`);
export const SETTINGS_PATTERN = /^s:(?:t:(grades|homework|schedule|balance)|(mode|quiet|threshold|grades-on|r-toggle|r-mode|r-quiet))$/;

export function parseSettingsData(match: RegExpMatchArray): TSettingsAction {
  return match[1] ? { kind: 'toggle', type: match[1] as TAlertType } : { kind: match[2] as Exclude<TSettingsAction['kind'], 'toggle'> };
}

export const SETTINGS_OPEN_DATA = 's:open';

/** Any button of the bots, decoded; null for data no button of ours carries. */
export type TAction =
  | { kind: 'menu'; view: TMenuView }
  | { kind: 'consent-accept'; version: string; code: string }
  | { kind: 'consent-decline' }
  | { kind: 'consent-renew'; version: string }
  | { kind: 'consent-withdraw' }
  | { kind: 'settings-open' }
  | { kind: 'settings'; action: TSettingsAction };

export function parseAction(data: string): TAction | null {
  let m: RegExpMatchArray | null;
  if ((m = data.match(MENU_PATTERN))) return { kind: 'menu', view: parseMenuData(m) };
  if ((m = data.match(CONSENT_ACCEPT_PATTERN))) return { kind: 'consent-accept', version: m[1], code: m[2] };
  if (data === CONSENT_DECLINE_DATA) return { kind: 'consent-decline' };
  if ((m = data.match(CONSENT_RENEW_PATTERN))) return { kind: 'consent-renew', version: m[1] };
  if (data === CONSENT_WITHDRAW_DATA) return { kind: 'consent-withdraw' };
  if (data === SETTINGS_OPEN_DATA) return { kind: 'settings-open' };
  if ((m = data.match(SETTINGS_PATTERN))) return { kind: 'settings', action: parseSettingsData(m) };
  return null;
}
