import { enCalendarTexts } from './calendar-en';
import type { TBotTexts } from './texts-type';

export const en: TBotTexts = {
  linking: {
    askCode: 'Send the 12-digit code from the school letter (spaces and dashes are fine).',
    offerAlerts: 'Send alerts about new grades?',
    turnOnGrades: '🔔 Turn on grade alerts',
    tapToAnswer: (accept, decline) =>
      `You sent more than one code. Tap “${accept}” or “${decline}” under the message of the code you are answering.`,
  },
  menu: {
    title: 'What would you like to see?',
    grades: 'Grades',
    homework: 'Homework',
    schedule: 'Timetable',
    canteen: 'Canteen',
    results: 'Results',
    chart: (child) => (child ? `📈 ${child}` : '📈 Chart'),
    yesterday: 'yesterday',
    today: 'today',
    tomorrow: 'tomorrow',
    allChildren: 'All children',
    settings: '⚙️ Settings',
  },
  calendar: enCalendarTexts,
  settings: {
    title: '<b>Alerts</b>\nTap to turn on or off.',
    types: {
      grades: 'Grades',
      homework: 'Homework',
      schedule: 'Timetable changes',
      balance: 'Low balance',
      'final-grades': 'Term marks',
      'grade-average': 'Average below 4',
      arrival: 'Arrived at school',
      departure: 'Left school',
      absence: 'Absences, lateness',
      'no-pass': 'Not in by lesson 1',
      tests: 'Tests',
      'school-news': 'School news',
    },
    instant: 'Send at once',
    digestAt: (time) => `Daily digest at ${time}`,
    quiet: (from, to) => `Quiet hours ${from}–${to}`,
    quietOff: 'No quiet hours',
    threshold: (rubles) => (rubles ? `Balance threshold: ${rubles} ₽` : 'Balance threshold: none'),
    scope: (child) =>
      child
        ? `For ${child} only, with this child's balance threshold.`
        : 'For all children. The top button picks one child.',
    reminders: (on) => (on ? 'Journal reminders: on' : 'Journal reminders: off'),
    presence: '🚸 Attendance, tests ▸',
    presenceTitle:
      '<b>Attendance</b>\n' +
      '"Arrived" and "left" come from the school turnstile, at once, quiet hours included; "left" only if the child is not back within 10 minutes.\n' +
      '"Absences" are lessons marked absent or late: one summary 30 minutes after the last lesson, or each at once.\n' +
      '"Not in by lesson 1": the first lesson has begun and the child has not passed the turnstile (schools with turnstiles only).\n' +
      '"Tests": when a test is set or moved, and the evening before at the time chosen.\n' +
      '"School news": events and announcements for the class or the whole school; urgent announcements at once, quiet hours included.',
    testsTime: (time) => `📝 The evening before at ${time}`,
    absenceMode: (mode) => (mode === 'instant' ? '⏱ Absences: at once' : '⏱ Absences: after lessons'),
    back: '‹ Back',
    subscribed: 'Grade alerts are on. Adjust them: /settings',
    subscribedAll:
      'All alerts are on: grades, homework, timetable, balance, arriving at and leaving school, absences. Adjust them: /settings',
    unsubscribed: 'Alerts are off. Turn them back on: /settings',
    notLinked: 'Connect the diary first: send the code from the school letter.',
  },
  privacy: {
    exportCaption: 'Everything stored about you.',
    nothingToExport: 'Nothing is stored about you.',
  },
  group: {
    privateOnly: 'I do not show students’ data in group chats. Please message me privately.',
    codeVoided:
      'A link code from a school letter was posted in this chat. Codes must not be shared, so this one no longer works. ' +
      'Whoever it belongs to should ask the school for a new one and send it only to me, in a private chat.',
    codeNotChecked:
      'A link code from a school letter was posted in this chat. Codes must not be shared, and I cannot cancel this one right now. ' +
      'Whoever it belongs to should ask the school for a new one and send it only to me, in a private chat.',
    openChat: 'Message the bot',
  },
  start: { welcome: 'Hello! I am the school diary. To connect your child, send the code from the school letter.' },
  input: {
    tooLong:
      'That message is too long. Please ask something shorter, for example "grades today" or "homework for tomorrow".',
    unreadable:
      'I could not read that message: it holds control characters. Please write your question as plain text, for example "grades today".',
  },
  error: 'Sorry, something went wrong. Please try again a little later.',
  commands: [
    { command: 'menu', description: 'Grades, homework, timetable, canteen' },
    { command: 'link', description: 'Connect a child with a code' },
    { command: 'settings', description: 'Alerts' },
    { command: 'calendar', description: 'A link to the lesson calendar' },
    { command: 'export', description: 'Download my data' },
    { command: 'forget', description: 'Withdraw consent and delete my data' },
    { command: 'help', description: 'What I can do' },
  ],
};
