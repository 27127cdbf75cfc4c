import type { TAlertType } from '../alerts/alert-types';
import type { TLinkingTexts } from '../linking';
import type { TReminderSettings } from '../reminders/reminder-types';
import { ALERT_TYPES, COMING_TYPES, PRESENCE_TYPES } from '../settings/subscription-settings-port';
import {
  CONSENT_WITHDRAW_DATA,
  chartData,
  consentAcceptData,
  consentDeclineData,
  consentRenewData,
  menuData,
  SECTIONS,
  SETTINGS_OPEN_DATA,
  settingsData,
  settingsOpenData,
  type TMenuView,
  type TSection,
} from './actions';
import type { TBotTexts } from './locales';
import { addDays, shortDay } from './school-days';
import { allOn, type TSettingsSummary } from './settings-presets';

// Menus as data: labels and actions, laid out in rows. Each bot turns them into its own keyboard
// (and may place groups differently to meet its platform's limits).

export interface TButton {
  label: string;
  /** Encoded action (actions.ts). */
  data: string;
}

export type TButtonRows = TButton[][];

/** What the view keyboard needs from the answer it sits under. */
export interface TShownPeriod {
  /** The day shown. */
  day: string;
  /** The school's today. */
  today: string;
}

/** A view's buttons in groups, so that a channel with a small inline keyboard can move the sections elsewhere. */
export interface TViewMenu {
  sections: TButton[];
  /** ‹ yesterday · today · tomorrow › around the shown day; on the results screen, its chart buttons. */
  days: TButton[];
  /** "All children" and one button per child; empty for a single child. */
  children: TButton[];
}

export function sectionLabel(t: TBotTexts, section: TSection): string {
  return section === 'balance' ? t.menu.canteen : t.menu[section];
}

export function mainMenu(t: TBotTexts): TButtonRows {
  const button = (section: TSection) => ({
    label: sectionLabel(t, section),
    data: menuData({ section, date: null, child: null }),
  });
  return [
    [button('grades'), button('homework')],
    [button('schedule'), button('balance')],
    [button('results'), { label: t.menu.settings, data: SETTINGS_OPEN_DATA }],
  ];
}

/** Sections that show no day: the canteen's balance, a term's results. */
const DAYLESS: ReadonlySet<TSection> = new Set(['balance', 'results']);

// A chart button per child fits beside the switcher within VK's 10 inline buttons for up to three
// children (3 + 1 + 3); a larger family picks a child first and gets that child's one button.
const CHART_BUTTONS_MAX = 3;

/** The results screen shows no day: its row holds the chart buttons instead (`withCharts`: a renderer is there). */
function chartButtons(t: TBotTexts, view: TMenuView, children: string[]): TButton[] {
  if (children.length <= 1 || view.child !== null) return [{ label: t.menu.chart(null), data: chartData(view.child) }];
  if (children.length > CHART_BUTTONS_MAX) return [];
  return children.map((name, i) => ({ label: t.menu.chart(name), data: chartData(i) }));
}

export function viewMenu(
  t: TBotTexts,
  view: TMenuView,
  shown: TShownPeriod | null,
  children: string[],
  withCharts = false,
): TViewMenu {
  const sections = SECTIONS.map((section) => ({
    label: section === view.section ? `· ${sectionLabel(t, section)} ·` : sectionLabel(t, section),
    data: menuData({ section, date: DAYLESS.has(section) ? null : view.date, child: view.child }),
  }));
  const days: TButton[] = [];
  if (shown) {
    const label = (day: string) =>
      day === shown.today
        ? t.menu.today
        : day === addDays(shown.today, -1)
          ? t.menu.yesterday
          : day === addDays(shown.today, 1)
            ? t.menu.tomorrow
            : shortDay(day);
    const prev = addDays(shown.day, -1);
    const next = addDays(shown.day, 1);
    days.push(
      { label: `‹ ${label(prev)}`, data: menuData({ ...view, date: prev }) },
      {
        label: shown.day === shown.today ? `· ${t.menu.today} ·` : t.menu.today,
        data: menuData({ ...view, date: shown.today }),
      },
      { label: `${label(next)} ›`, data: menuData({ ...view, date: next }) },
    );
  }
  if (withCharts && view.section === 'results') days.push(...chartButtons(t, view, children));
  const kids: TButton[] = [];
  if (children.length > 1) {
    kids.push({
      label: view.child === null ? `· ${t.menu.allChildren} ·` : t.menu.allChildren,
      data: menuData({ ...view, child: null }),
    });
    children.forEach((name, i) =>
      kids.push({ label: view.child === i ? `· ${name} ·` : name, data: menuData({ ...view, child: i }) }),
    );
  }
  return { sections, days, children: kids };
}

/** A platform's keyboard limits: buttons in all, per row, rows. */
export interface TKeyboardLimits {
  buttons: number;
  perRow: number;
  rows: number;
}

/** Cuts rows to a keyboard's limits; buttons beyond them are dropped, the first ones kept. */
export function fitRows(rows: TButtonRows, limits: TKeyboardLimits): TButtonRows {
  const out: TButtonRows = [];
  let count = 0;
  for (const row of rows) {
    for (let i = 0; i < row.length; i += limits.perRow) {
      const room = limits.buttons - count;
      if (room <= 0 || out.length >= limits.rows) return out;
      const piece = row.slice(i, i + Math.min(limits.perRow, room));
      out.push(piece);
      count += piece.length;
    }
  }
  return out;
}

/** Sections on one row, days on the next, children three to a row: the full layout. */
export function viewRows(menu: TViewMenu): TButtonRows {
  const rows: TButtonRows = [menu.sections];
  if (menu.days.length) rows.push(menu.days);
  for (let i = 0; i < menu.children.length; i += 3) rows.push(menu.children.slice(i, i + 3));
  return rows;
}

const modeLabel = (t: TBotTexts, mode: string, digestTime: string | null) =>
  mode === 'digest' && digestTime ? t.settings.digestAt(digestTime) : t.settings.instant;
const quietLabel = (t: TBotTexts, from: string, to: string) =>
  from === to ? t.settings.quietOff : t.settings.quiet(from, to);

/** Which children a settings screen is about: first names in link order, and the one chosen (null = all). */
export interface TSettingsScope {
  children: string[];
  child: number | null;
}

const switchMark = (count: { on: number; of: number }) => (allOn(count) ? '✅' : count.on > 0 ? '◐' : '▫️');
const switchCount = (count: { on: number; of: number }) =>
  count.on > 0 && count.on < count.of ? ` ${count.on}/${count.of}` : '';

/**
 * The alert switches two to a row, then delivery, quiet hours and the balance threshold; a
 * teacher gets their journal reminders' own switch, delivery and quiet hours on one more row.
 * A parent of several children gets a first button that moves between "all children" and each
 * child: a child's screen holds that child's switches and balance threshold, the all-children
 * screen the switches for all, delivery, quiet hours and the teacher's row (the threshold is per
 * child there). The presence switches have a screen of their own (presenceMenu) behind one button.
 * At most 6 rows and 10 buttons: VK's inline keyboard holds no more.
 */
export function settingsMenu(
  t: TBotTexts,
  s: TSettingsSummary,
  teacher: TReminderSettings | null = null,
  scope: TSettingsScope = { children: [], child: null },
): TButtonRows {
  const several = scope.children.length > 1;
  const child = several ? scope.child : null;
  const toggle = (type: TAlertType) => ({
    label: `${switchMark(s.enabled[type])} ${t.settings.types[type]}${switchCount(s.enabled[type])}`,
    data: settingsData({ kind: 'toggle', type, child }),
  });
  const termTypes: TAlertType[] = ['final-grades', 'grade-average'];
  const toggles = ALERT_TYPES.filter(
    (type) => !termTypes.includes(type) && !PRESENCE_TYPES.includes(type) && !COMING_TYPES.includes(type),
  ).map(toggle);
  const presence = { label: t.settings.presence, data: settingsData({ kind: 'presence', child }) };
  const rows: TButtonRows = [];
  if (several) {
    const next = child === null ? 0 : child + 1 < scope.children.length ? child + 1 : null;
    rows.push([
      {
        label: child === null ? `👥 ${t.menu.allChildren} ▸` : `👤 ${scope.children[child]} ▸`,
        data: settingsOpenData(next),
      },
    ]);
  }
  rows.push(toggles.slice(0, 2), toggles.slice(2, 4));
  const rubles = s.thresholdKopecks === null ? null : String(Math.round(s.thresholdKopecks / 100));
  // The term switches (term marks, the average below a 4) share the threshold's row, on the
  // screens about one child that have room: the all-children screen and a single child's with a
  // teacher's row are at VK's 10 buttons. Where they are missing, the grades switch carries the
  // term marks (withFollowers); the average warning, off by default, stays as it was.
  const termSwitches = child !== null || (!several && !teacher);
  const threshold = [
    ...(termSwitches ? termTypes.map(toggle) : []),
    { label: `💳 ${t.settings.threshold(rubles)}`, data: settingsData({ kind: 'threshold', child }) },
  ];
  if (child !== null) return [...rows, threshold, [presence]];
  rows.push([{ label: `⏱ ${modeLabel(t, s.mode, s.digestTime)}`, data: settingsData({ kind: 'mode' }) }]);
  rows.push([{ label: `🌙 ${quietLabel(t, s.quietFrom, s.quietTo)}`, data: settingsData({ kind: 'quiet' }) }]);
  if (!several) rows.push(threshold);
  // The presence screen's button: a row of its own. With a teacher's row the screen is at VK's 10
  // buttons: a single child's has the presence button in the threshold's place (the threshold moves
  // to the presence screen, see presenceMenu); the all-children screen has none — each child's has.
  if (!teacher) rows.push([presence]);
  else if (!several) rows[rows.length - 1] = [presence];
  if (teacher) {
    rows.push([
      {
        label: `${teacher.enabled ? '✅' : '▫️'} ${t.settings.reminders(teacher.enabled)}`,
        data: settingsData({ kind: 'r-toggle' }),
      },
      { label: `⏱ ${modeLabel(t, teacher.mode, teacher.digestTime)}`, data: settingsData({ kind: 'r-mode' }) },
      { label: `🌙 ${quietLabel(t, teacher.quietFrom, teacher.quietTo)}`, data: settingsData({ kind: 'r-quiet' }) },
    ]);
  }
  return rows;
}

/**
 * The presence screen (arrivals, departures, absences, no pass by the first lesson) for the
 * children in view: four switches, the switches of what is coming (tests, school news), the
 * absences' delivery and the tests' evening time on one row, and back: at most 6 rows and 10
 * buttons with the threshold, VK's limit.
 */
export function presenceMenu(
  t: TBotTexts,
  s: TSettingsSummary,
  child: number | null,
  /** The single child's settings screen of a teacher has no room for the threshold: it is here then. */
  withThreshold = false,
): TButtonRows {
  const toggle = (type: TAlertType) => ({
    label: `${switchMark(s.enabled[type])} ${t.settings.types[type]}${switchCount(s.enabled[type])}`,
    data: settingsData({ kind: 'toggle', type, child }),
  });
  const rubles = s.thresholdKopecks === null ? null : String(Math.round(s.thresholdKopecks / 100));
  return [
    [toggle('arrival'), toggle('departure')],
    [toggle('absence'), toggle('no-pass')],
    [toggle('tests'), toggle('school-news')],
    [
      { label: t.settings.absenceMode(s.absenceMode), data: settingsData({ kind: 'absence-mode', child }) },
      { label: t.settings.testsTime(s.testsTime), data: settingsData({ kind: 'tests-time', child }) },
    ],
    ...(withThreshold
      ? [[{ label: `💳 ${t.settings.threshold(rubles)}`, data: settingsData({ kind: 'threshold', child }) }]]
      : []),
    [{ label: t.settings.back, data: settingsOpenData(child) }],
  ];
}

export function consentMenu(texts: TLinkingTexts, handle: string): TButtonRows {
  return [
    [
      { label: `✅ ${texts.consent.accept}`, data: consentAcceptData(texts.consent.version, handle) },
      { label: texts.consent.decline, data: consentDeclineData(handle) },
    ],
  ];
}

/** The changed consent text: accept it, or withdraw (which deletes everything, as /forget does). */
export function reconsentMenu(texts: TLinkingTexts): TButtonRows {
  return [
    [
      { label: `✅ ${texts.consent.accept}`, data: consentRenewData(texts.consent.version) },
      { label: texts.consent.decline, data: CONSENT_WITHDRAW_DATA },
    ],
  ];
}

/** Alerts are opt-in: one tap right after linking turns grade alerts on. */
export function offerAlertsMenu(t: TBotTexts): TButtonRows {
  return [[{ label: t.linking.turnOnGrades, data: settingsData({ kind: 'grades-on' }) }]];
}
