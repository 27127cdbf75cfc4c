import type { TCalendarChatTexts } from './calendar-texts-type';

export const enCalendarTexts: TCalendarChatTexts = {
  issued:
    'A private calendar link: lessons with rooms, tests, school events and homework for this school year. ' +
    'Add it to your calendar as a subscription: Google Calendar — "Other calendars" → "From URL"; ' +
    'iPhone — Settings → Calendar → Accounts → "Add Subscribed Calendar"; Yandex Calendar — "Subscribe to calendar". ' +
    'Do not forward the link: anyone who has it sees the calendar.',
  link: (firstName, url) => `${firstName}: ${url}`,
  renewedNote: 'The old links no longer work.',
  exists: (names) =>
    `A calendar link was already given (${names.join(', ')}). It cannot be shown again: only its fingerprint is kept. ` +
    'You can make a new one (the old one stops working) or turn the calendar off.',
  renew: '🔄 New link',
  turnOff: '🚫 Turn off',
  settingsLine: 'The calendar is on. A new link: /calendar',
  settingsButton: '📅 Calendar: turn off',
  turnedOff: 'The calendar is off: its links no longer work. Turn it on again: /calendar',
  nothingToTurnOff: 'The calendar is not on. Turn it on: /calendar',
  noPublicUrl:
    "The calendar is not available yet: its link needs the server's public address (PUBLIC_URL). Please tell the service's administrator.",
  noChildren: "The calendar shows a pupil's lessons, and no pupil is linked to this chat.",
  notLinked: 'Connect the diary first: send the code from the school letter.',
};
