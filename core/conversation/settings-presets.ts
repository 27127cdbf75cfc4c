import type { TAlertType, TSubscriptionSettings } from '../alerts/alert-types';
import type { TReminderSettings } from '../reminders/reminder-types';
import {
  ALERT_TYPES,
  DEFAULT_TESTS_EVENING,
  defaultSettings,
  SHARED_MODE_TYPES,
  TESTS_EVENING_TIMES,
  type TSettingsPatch,
  withDefaultsOn,
  withFollowers,
} from '../settings/subscription-settings-port';
import type { TSettingsAction, TTeacherSettingsKind } from './actions';
import type { TTeacherSettingsChange } from './teacher-settings-port';

// A tap moves to the next preset: inline buttons only, no free-form input to validate or store.
export const MODE_PRESETS: TSettingsPatch[] = [
  { mode: 'instant', digestTime: null },
  { mode: 'digest', digestTime: '19:00' },
  { mode: 'digest', digestTime: '08:00' },
];
// Equal ends mean no quiet hours (the alerts pipeline's convention).
export const QUIET_PRESETS: [string, string][] = [
  ['21:00', '08:00'],
  ['22:00', '07:00'],
  ['20:00', '09:00'],
  ['00:00', '00:00'],
];
export const THRESHOLD_PRESETS: (number | null)[] = [null, 10_000, 20_000, 50_000];

/** One person's settings as a menu shows them, for the children in view (all of them, or one). */
export interface TSettingsSummary {
  /** Per type: how many of the children in view have the alert on, out of how many. */
  enabled: Record<TAlertType, { on: number; of: number }>;
  /** Delivery and quiet hours: the person's own, shared by all children. */
  mode: TSubscriptionSettings['mode'];
  digestTime: string | null;
  quietFrom: string;
  quietTo: string;
  /** The first child in view's balance threshold. */
  thresholdKopecks: number | null;
  /** The first child in view's delivery of absences: `digest` = a summary after lessons (the default). */
  absenceMode: TSubscriptionSettings['mode'];
  /** The first child in view's time of the evening reminder of tomorrow's tests. */
  testsTime: string;
}

type TSettingsRow = { studentId: string; settings: TSubscriptionSettings };

/** `studentIds`: the children in view, in link order; rows of other children only lend the shared settings. */
export function summarize(rows: TSettingsRow[], studentIds: readonly string[]): TSettingsSummary {
  const rowOf = (studentId: string, type: TAlertType) =>
    rows.find((r) => r.studentId === studentId && r.settings.type === type)?.settings;
  // Presence types keep a delivery of their own: the shared one is read from the others' rows.
  const base = rows.find((r) => SHARED_MODE_TYPES.includes(r.settings.type))?.settings ?? {
    ...defaultSettings('grades'),
    ...(rows[0] ? { quietFrom: rows[0].settings.quietFrom, quietTo: rows[0].settings.quietTo } : {}),
  };
  const count = (type: TAlertType) => ({
    on: studentIds.filter((id) => rowOf(id, type)?.enabled).length,
    of: studentIds.length,
  });
  return {
    enabled: Object.fromEntries(ALERT_TYPES.map((type) => [type, count(type)])) as TSettingsSummary['enabled'],
    mode: base.mode,
    digestTime: base.digestTime,
    quietFrom: base.quietFrom,
    quietTo: base.quietTo,
    thresholdKopecks: studentIds.length ? (rowOf(studentIds[0], 'balance')?.thresholdKopecks ?? null) : null,
    absenceMode: (studentIds.length ? rowOf(studentIds[0], 'absence')?.mode : undefined) ?? 'digest',
    testsTime: (studentIds.length ? rowOf(studentIds[0], 'tests')?.digestTime : undefined) ?? DEFAULT_TESTS_EVENING,
  };
}

/** Every child in view has it on (a switch over several children turns them all off, else all on). */
export const allOn = (count: { on: number; of: number }) => count.of > 0 && count.on === count.of;

export function nextIndex<T>(presets: readonly T[], matches: (p: T) => boolean): number {
  const at = presets.findIndex(matches);
  return (at + 1) % presets.length;
}

/** A teacher's reminder change for a tap, by the same presets: on/off, instant or a summary, quiet hours. */
export function teacherSettingsPatch(kind: TTeacherSettingsKind, s: TReminderSettings): TTeacherSettingsChange {
  switch (kind) {
    case 'r-toggle':
      return { enabled: !s.enabled };
    case 'r-mode': {
      const next =
        MODE_PRESETS[
          nextIndex(MODE_PRESETS, (p) => p.mode === s.mode && (p.mode === 'instant' || p.digestTime === s.digestTime))
        ];
      return { mode: next.mode === 'digest' ? 'digest' : 'instant', digestTime: next.digestTime ?? null };
    }
    case 'r-quiet': {
      const [quietFrom, quietTo] =
        QUIET_PRESETS[nextIndex(QUIET_PRESETS, ([from, to]) => from === s.quietFrom && to === s.quietTo)];
      return { quietFrom, quietTo };
    }
  }
}

/**
 * The rows a settings tap changes and how; a tap always moves to the next preset. `inView`: the
 * change is for the children in view only (a switch, the threshold), else for all of them.
 */
export function settingsPatch(
  action: Exclude<TSettingsAction, { kind: TTeacherSettingsKind }>,
  s: TSettingsSummary,
): { types: readonly TAlertType[]; patch: TSettingsPatch; inView: boolean } {
  switch (action.kind) {
    case 'toggle':
      return { types: withFollowers([action.type]), patch: { enabled: !allOn(s.enabled[action.type]) }, inView: true };
    case 'grades-on':
      return { types: withDefaultsOn(['grades']), patch: { enabled: true }, inView: false };
    case 'mode':
      return {
        types: SHARED_MODE_TYPES,
        patch: MODE_PRESETS[nextIndex(MODE_PRESETS, (p) => p.mode === s.mode && p.digestTime === s.digestTime)],
        inView: false,
      };
    case 'quiet': {
      const [quietFrom, quietTo] =
        QUIET_PRESETS[nextIndex(QUIET_PRESETS, ([from, to]) => from === s.quietFrom && to === s.quietTo)];
      return { types: ALERT_TYPES, patch: { quietFrom, quietTo }, inView: false };
    }
    case 'threshold':
      return {
        types: ['balance'],
        patch: { thresholdKopecks: THRESHOLD_PRESETS[nextIndex(THRESHOLD_PRESETS, (p) => p === s.thresholdKopecks)] },
        inView: true,
      };
    case 'absence-mode':
      // After lessons ↔ at once; the digest time is not used by absences.
      return {
        types: ['absence'],
        patch: { mode: s.absenceMode === 'digest' ? 'instant' : 'digest', digestTime: null },
        inView: true,
      };
    case 'tests-time': {
      // 18:00 → 19:00 → 20:00; kept in the 'tests' row's digestTime (its mode stays instant: the
      // scheduled-test alert goes within the usual window).
      const digestTime = TESTS_EVENING_TIMES[nextIndex(TESTS_EVENING_TIMES, (t) => t === s.testsTime)];
      return { types: ['tests'], patch: { digestTime }, inView: true };
    }
    case 'presence':
      // Opening the screen changes nothing.
      return { types: [], patch: {}, inView: true };
  }
}
