export * from './reminder-types';
export * from './reminder-ports';
export { composeReminder, missingLines, groupByMissing } from './compose-reminder';
export { decideBatch } from './decide-batch';
export { releaseAt, snoozeUntil } from './reminder-timing';
export { createReminderRunner, type ReminderRunner } from './reminder-runner';
export { reminderTexts, type TReminderTexts } from './locales';
