import type { TAlertType } from '../../core/alerts/alert-types';

// Callback data is limited to 64 bytes (Bot API), so buttons carry short codes, never names or
// ids of people. Every format here is checked against that limit by `fitsCallback`.

export const CALLBACK_LIMIT_BYTES = 64;

export type TSection = 'grades' | 'homework' | 'schedule' | 'balance';
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

export type TSettingsAction = { kind: 'toggle'; type: TAlertType } | { kind: 'mode' } | { kind: 'quiet' } | { kind: 'threshold' } | { kind: 'grades-on' };
export const settingsData = (action: TSettingsAction) => (action.kind === 'toggle' ? `s:t:${action.type}` : `s:${action.kind}`);
export const SETTINGS_PATTERN = /^s:(?:t:(grades|homework|schedule|balance)|(mode|quiet|threshold|grades-on))$/;

export function parseSettingsData(match: RegExpMatchArray): TSettingsAction {
  return match[1] ? { kind: 'toggle', type: match[1] as TAlertType } : { kind: match[2] as 'mode' | 'quiet' | 'threshold' | 'grades-on' };
}

export const SETTINGS_OPEN_DATA = 's:open';

export function fitsCallback(data: string): boolean {
  return Buffer.byteLength(data, 'utf8') <= CALLBACK_LIMIT_BYTES;
}
