/** The chat's words about the calendar feed (/calendar, «календарь»), per language. */
export interface TCalendarChatTexts {
  /** Above the new links: what the feed holds and how to subscribe. */
  issued: string;
  /** One line per child: «Маша: https://…» */
  link(firstName: string, url: string): string;
  /** After new links replaced the old ones. */
  renewedNote: string;
  /** The children whose link was given before (it cannot be shown again: only its hash is kept). */
  exists(firstNames: string[]): string;
  renew: string;
  turnOff: string;
  /** The settings screen's button, and the line above it. */
  settingsLine: string;
  settingsButton: string;
  turnedOff: string;
  nothingToTurnOff: string;
  noPublicUrl: string;
  /** A teacher without linked pupils: feeds are for a child's timetable. */
  noChildren: string;
  notLinked: string;
}
