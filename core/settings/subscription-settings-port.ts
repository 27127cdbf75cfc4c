import type { TAlertType, TSubscriptionSettings } from '../alerts/alert-types';

export const ALERT_TYPES: readonly TAlertType[] = [
  'grades',
  'homework',
  'schedule',
  'balance',
  'final-grades',
  'grade-average',
  'arrival',
  'departure',
  'absence',
  'no-pass',
  'tests',
  'school-news',
];

/**
 * What is coming at school: tests and the school's events and announcements. Their switches sit on
 * the presence screen (VK's ten buttons leave no room on the main one); the shared delivery does not
 * change them: a scheduled test and school news go within the usual window, the evening reminder
 * of a test at the subscription's `digestTime` (TESTS_EVENING_TIMES).
 */
export const COMING_TYPES: readonly TAlertType[] = ['tests', 'school-news'];
export const TESTS_EVENING_TIMES = ['18:00', '19:00', '20:00'] as const;
export const DEFAULT_TESTS_EVENING = '19:00';

/**
 * The pupil's presence at school: their switches sit on a screen of their own. Arrivals and
 * departures always go out at once; absences have a delivery of their own (`digest` = one summary
 * after the day's lessons, the default; `instant` = each mark within the usual window). So the
 * person's shared delivery (instant, or a daily digest) applies to the other types only.
 */
export const PRESENCE_TYPES: readonly TAlertType[] = ['arrival', 'departure', 'absence', 'no-pass'];
export const SHARED_MODE_TYPES: readonly TAlertType[] = ALERT_TYPES.filter(
  (t) => !PRESENCE_TYPES.includes(t) && !COMING_TYPES.includes(t),
);

/**
 * A grades switch carries the term marks with it, on and off: a term mark is a grade a parent who
 * asked for grades expects, and the menus show the term marks' own switch only on a child's screen.
 */
export function withFollowers(types: readonly TAlertType[]): readonly TAlertType[] {
  return types.includes('grades') && !types.includes('final-grades') ? [...types, 'final-grades'] : types;
}

/**
 * What a new subscription turns on (a "subscribe to grades" phrase, the button after linking): the
 * types with their followers, and the school's news, which is on by default — a parent who asked
 * for any alert expects to hear of the school's events and announcements (those subscribed before
 * were given it by the data migration `*_school_news_alerts`). Its own switch turns it off.
 */
export function withDefaultsOn(types: readonly TAlertType[]): readonly TAlertType[] {
  const all = withFollowers(types);
  return all.includes('school-news') ? all : [...all, 'school-news'];
}

/** What a settings menu may change; the type is the row's key, so it is not part of a patch. */
export type TSettingsPatch = Partial<Omit<TSubscriptionSettings, 'type'>>;

/**
 * The Subscription rows a person edits through a menu or a "subscribe" phrase. The alerts pipeline
 * reads the same rows; this port only writes settings, it never decides what is sent.
 */
export interface SubscriptionSettingsStore {
  /** The person's stored settings per student and type; a missing row means "never subscribed". */
  read(personId: string): Promise<{ studentId: string; settings: TSubscriptionSettings }[]>;
  /**
   * Creates or updates one row per (linked student, type) with the patch applied over the defaults,
   * in one transaction. `studentIds` narrows it to some of the person's linked students (a menu
   * showing one child); without it every child the person is linked to is covered ("my alerts").
   * Ids of students not linked to the person are ignored.
   */
  write(
    personId: string,
    types: readonly TAlertType[],
    patch: TSettingsPatch,
    studentIds?: readonly string[],
  ): Promise<void>;
}

/** Alerts are opt-in: a type with no row is off, with the contract's default quiet hours. */
export function defaultSettings(type: TAlertType): TSubscriptionSettings {
  return {
    type,
    enabled: false,
    mode: type === 'absence' ? 'digest' : 'instant',
    digestTime: type === 'tests' ? DEFAULT_TESTS_EVENING : null,
    quietFrom: '21:00',
    quietTo: '08:00',
    thresholdKopecks: null,
  };
}
