import type { TAlertType } from '../alerts/alert-types';
import { isCivilDate } from '../calendar/civil-date';

// What a button does, as a short string every channel can carry: Telegram callback_data (64
// bytes), a VK button payload (255 characters). Buttons carry short action codes, never names or
// ids of people, and never a link code: the consent buttons carry a pending link's handle.

// `results`: the term's averages so far and the last period's fixed marks (menu-view.ts).
export type TSection = 'grades' | 'homework' | 'schedule' | 'balance' | 'results';
export const SECTIONS: readonly TSection[] = ['grades', 'homework', 'schedule', 'balance', 'results'];
const SECTION_CODES: Record<TSection, string> = {
  grades: 'g',
  homework: 'h',
  schedule: 's',
  balance: 'c',
  results: 'r',
};
const SECTION_BY_CODE = Object.fromEntries(Object.entries(SECTION_CODES).map(([k, v]) => [v, k])) as Record<
  string,
  TSection
>;

/** A menu view: which section, which day (null = the school's today), which child (null = all). */
export interface TMenuView {
  section: TSection;
  date: string | null;
  child: number | null;
}

export function menuData(view: TMenuView): string {
  return `m:${SECTION_CODES[view.section]}:${view.date ?? 't'}:${view.child ?? 'a'}`;
}

export const MENU_PATTERN = /^m:([ghscr]):(t|\d{4}-\d{2}-\d{2}):(a|\d{1,2})$/;

export function parseMenuData(match: RegExpMatchArray): TMenuView {
  return {
    section: SECTION_BY_CODE[match[1]],
    date: match[2] === 't' ? null : match[2],
    child: match[3] === 'a' ? null : Number(match[3]),
  };
}

/**
 * A platform keeps button data with the message, and the client sends it back: so a link code
 * never rides there, only the handle of its PendingLink (letters only, core/linking/pending-handle.ts).
 * A handle of another shape (a button from before handles, which carried the code) reads as an
 * unknown handle and is answered "send the code again".
 */
export const consentAcceptData = (version: string, handle: string) => `c:y:${version}:${handle}`;
export const consentDeclineData = (handle: string) => `c:n:${handle}`;
export const CONSENT_ACCEPT_PATTERN = /^c:y:([\w.-]{1,12}):([A-Za-z\d]{1,32})$/;
/** `c:n` alone: a Decline button from before handles; there is nothing to delete. */
export const CONSENT_DECLINE_PATTERN = /^c:n(?::([A-Za-z\d]{1,32}))?$/;
/** Asked again of a linked person when the consent text changed: renew, or withdraw (deletes everything). */
export const consentRenewData = (version: string) => `c:r:${version}`;
export const CONSENT_RENEW_PATTERN = /^c:r:([\w.-]{1,12})$/;
export const CONSENT_WITHDRAW_DATA = 'c:w';

/** `r-…`: a teacher's journal reminders (on/off, instant or a daily summary, quiet hours). */
export type TTeacherSettingsKind = 'r-toggle' | 'r-mode' | 'r-quiet';
/**
 * A settings tap. An alert switch and the balance threshold may name one child (by position in
 * link order, as the menus' child switcher does); null means all of them. Delivery and quiet
 * hours are the person's own, shared by all children.
 */
export type TSettingsAction =
  | { kind: 'toggle'; type: TAlertType; child: number | null }
  | { kind: 'threshold'; child: number | null }
  /** The presence screen (arrivals, departures, absences, no pass), and its absences' delivery. */
  | { kind: 'presence'; child: number | null }
  | { kind: 'absence-mode'; child: number | null }
  /** The evening reminder of tomorrow's tests: 18:00 → 19:00 → 20:00 (on the presence screen). */
  | { kind: 'tests-time'; child: number | null }
  | { kind: 'mode' }
  | { kind: 'quiet' }
  | { kind: 'grades-on' }
  | { kind: 'r-toggle' }
  | { kind: 'r-mode' }
  | { kind: 'r-quiet' };
const childSuffix = (child: number | null) => (child === null ? '' : `:${child}`);
const CHILD_CODES = { threshold: 'threshold', presence: 'p', 'absence-mode': 'am', 'tests-time': 'tt' } as const;
export function settingsData(action: TSettingsAction): string {
  if (action.kind === 'toggle') return `s:t:${action.type}${childSuffix(action.child)}`;
  if ('child' in action) return `s:${CHILD_CODES[action.kind]}${childSuffix(action.child)}`;
  return `s:${action.kind}`;
}
export const SETTINGS_PATTERN =
  /^s:(?:t:(grades|final-grades|grade-average|homework|schedule|balance|arrival|departure|absence|no-pass|tests|school-news)(?::(\d{1,2}))?|(threshold|p|am|tt)(?::(\d{1,2}))?|(mode|quiet|grades-on|r-toggle|r-mode|r-quiet))$/;

const childOf = (digits: string | undefined) => (digits === undefined ? null : Number(digits));
const CHILD_KINDS = { threshold: 'threshold', p: 'presence', am: 'absence-mode', tt: 'tests-time' } as const;

export function parseSettingsData(match: RegExpMatchArray): TSettingsAction {
  if (match[1]) return { kind: 'toggle', type: match[1] as TAlertType, child: childOf(match[2]) };
  if (match[5]) {
    return { kind: match[5] as Exclude<TSettingsAction['kind'], 'toggle' | keyof typeof CHILD_CODES> };
  }
  return { kind: CHILD_KINDS[match[3] as keyof typeof CHILD_KINDS], child: childOf(match[4]) };
}

/** The settings screen, for all children or for one (a parent with several switches between them). */
export const settingsOpenData = (child: number | null = null) => `s:open${childSuffix(child)}`;
export const SETTINGS_OPEN_DATA = settingsOpenData();
export const SETTINGS_OPEN_PATTERN = /^s:open(?::(\d{1,2}))?$/;

/**
 * The answer to a question the bot asked about the previous one: which section a fragment meant
 * ("а по физике?" → grades or homework), or which child (by position in link order).
 */
export type TResumeTap = { section: TSection } | { child: number };
export const resumeSectionData = (section: TSection) => `a:${SECTION_CODES[section]}`;
export const resumeChildData = (child: number) => `a:k:${child}`;
const RESUME_PATTERN = /^a:(?:([ghsc])|k:(\d{1,2}))$/;

/** A term chart of the current period: one child by position in link order, or all (null). */
export const chartData = (child: number | null) => `p:${child ?? 'a'}`;
const CHART_PATTERN = /^p:(a|\d{1,2})$/;

/** The calendar feed's buttons (calendar-flow.ts): new links for every child (the old ones stop working), or none. */
export const CALENDAR_RENEW_DATA = 'f:new';
export const CALENDAR_OFF_DATA = 'f:off';

/** Any button of the bots, decoded; null for data no button of ours carries. */
export type TAction =
  | { kind: 'menu'; view: TMenuView }
  | { kind: 'consent-accept'; version: string; handle: string }
  | { kind: 'consent-decline'; handle: string | null }
  | { kind: 'consent-renew'; version: string }
  | { kind: 'consent-withdraw' }
  | { kind: 'settings-open'; child: number | null }
  | { kind: 'settings'; action: TSettingsAction }
  | { kind: 'resume'; choice: TResumeTap }
  | { kind: 'chart'; child: number | null }
  | { kind: 'calendar-renew' }
  | { kind: 'calendar-off' };

export function parseAction(data: string): TAction | null {
  let m: RegExpMatchArray | null;
  // A day no button of ours names ("9999-99-99") would reach the diary's query: such data is no button.
  if ((m = data.match(MENU_PATTERN)))
    return m[2] === 't' || isCivilDate(m[2]) ? { kind: 'menu', view: parseMenuData(m) } : null;
  if ((m = data.match(CONSENT_ACCEPT_PATTERN))) return { kind: 'consent-accept', version: m[1], handle: m[2] };
  if ((m = data.match(CONSENT_DECLINE_PATTERN))) return { kind: 'consent-decline', handle: m[1] ?? null };
  if ((m = data.match(CONSENT_RENEW_PATTERN))) return { kind: 'consent-renew', version: m[1] };
  if (data === CONSENT_WITHDRAW_DATA) return { kind: 'consent-withdraw' };
  if ((m = data.match(SETTINGS_OPEN_PATTERN))) return { kind: 'settings-open', child: childOf(m[1]) };
  if ((m = data.match(SETTINGS_PATTERN))) return { kind: 'settings', action: parseSettingsData(m) };
  if (data === CALENDAR_RENEW_DATA) return { kind: 'calendar-renew' };
  if (data === CALENDAR_OFF_DATA) return { kind: 'calendar-off' };
  if ((m = data.match(CHART_PATTERN))) return { kind: 'chart', child: m[1] === 'a' ? null : Number(m[1]) };
  if ((m = data.match(RESUME_PATTERN)))
    return { kind: 'resume', choice: m[1] ? { section: SECTION_BY_CODE[m[1]] } : { child: Number(m[2]) } };
  return null;
}
