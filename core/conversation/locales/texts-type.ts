import type { TAlertType } from '../../alerts/alert-types';
import type { TCalendarChatTexts } from './calendar-texts-type';

/**
 * Every text the chat bots (Telegram, VK) show themselves, per language. Answers come from core/answers, and the
 * consent text, code refusals and /forget confirmations from core/linking, shared by all channels.
 */
export interface TBotTexts {
  linking: {
    askCode: string;
    offerAlerts: string;
    turnOnGrades: string;
    /** «да» typed while two codes wait for consent: words cannot say which; the buttons can. */
    tapToAnswer(accept: string, decline: string): string;
  };
  menu: {
    title: string;
    grades: string;
    homework: string;
    schedule: string;
    canteen: string;
    /** The term's results: averages so far and the last period's marks. */
    results: string;
    yesterday: string;
    today: string;
    tomorrow: string;
    allChildren: string;
    settings: string;
    /** The results screen's button that draws the term; with a name when several children each get one. */
    chart(child: string | null): string;
  };
  /** /calendar and «календарь»: the private calendar feed (calendar-flow.ts). */
  calendar: TCalendarChatTexts;
  settings: {
    title: string;
    types: Record<TAlertType, string>;
    instant: string;
    digestAt(time: string): string;
    quiet(from: string, to: string): string;
    quietOff: string;
    threshold(rubles: string | null): string;
    /** Under the title for a parent of several children: whom the screen is about (null = all of them). Plain text. */
    scope(child: string | null): string;
    /** A teacher's journal reminders, on or off (the rows below it are the reminders' own). */
    reminders(on: boolean): string;
    /** The presence screen: its button on the settings screen, its title, the absences' delivery, the way back. */
    presence: string;
    presenceTitle: string;
    absenceMode(mode: 'instant' | 'digest'): string;
    /** When the evening reminder of tomorrow's tests comes: «📝 Накануне в 19:00». */
    testsTime(time: string): string;
    back: string;
    /** "Subscribe me to grades" turned grades on; "subscribe me to alerts" turned every type on. */
    subscribed: string;
    subscribedAll: string;
    unsubscribed: string;
    notLinked: string;
  };
  privacy: {
    exportCaption: string;
    nothingToExport: string;
  };
  group: {
    privateOnly: string;
    openChat: string;
    /** A link code was posted in the group and is void now. Names no one: the group is not told whose it was. */
    codeVoided: string;
    /** The same, while a brake keeps the code from being looked up (and so from being voided). */
    codeNotChecked: string;
  };
  start: { welcome: string };
  /** A message the bot does not read: longer than an utterance may be, or holding characters no text has. */
  input: { tooLong: string; unreadable: string };
  error: string;
  commands: { command: string; description: string }[];
}
