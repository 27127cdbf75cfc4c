export { composeReminder, groupByMissing, missingLines } from './compose-reminder';
export { decideBatch } from './decide-batch';
export { reminderTexts, type TReminderTexts } from './locales';
export * from './reminder-ports';
export { createReminderRunner, type ReminderRunner } from './reminder-runner';
export { releaseAt, snoozeUntil } from './reminder-timing';
export * from './reminder-types';
