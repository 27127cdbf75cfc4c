import type { ReminderSettingsPort } from '../../../core/reminders';
import { DEFAULT_REMINDER_SETTINGS, type TReminderSettings } from '../../../core/reminders';
import type { Database } from '../../db/database';

// A teacher's reminder preferences (on/off, instant or a daily summary at a chosen time, quiet
// hours); a teacher without a row has the defaults. The snooze is set by the teacher's question.

const HHMM = /^([01]\d|2[0-3]):[0-5]\d$/;

export function createReminderSettingsStore(db: Database): ReminderSettingsPort {
  const read = async (teacherId: string): Promise<TReminderSettings> => {
    const row = await db.prisma.reminderSettings.findUnique({ where: { teacherId } });
    if (!row) return DEFAULT_REMINDER_SETTINGS;
    return {
      enabled: row.enabled,
      mode: row.mode === 'digest' ? 'digest' : 'instant',
      digestTime: row.digestTime,
      quietFrom: row.quietFrom,
      quietTo: row.quietTo,
      snoozedUntil: row.snoozedUntil,
    };
  };
  return {
    get: read,
    async update(teacherId, change) {
      for (const time of [change.digestTime, change.quietFrom, change.quietTo]) {
        if (time !== undefined && time !== null && !HHMM.test(time))
          throw new RangeError(`not a time of day (HH:mm): ${time}`);
      }
      const data = {
        ...change,
        ...(change.mode === 'digest' && !change.digestTime
          ? { digestTime: (await read(teacherId)).digestTime ?? '16:00' }
          : {}),
      };
      await db.prisma.reminderSettings.upsert({ where: { teacherId }, create: { teacherId, ...data }, update: data });
      // A changed preference applies to reminders already waiting: let the next run decide again.
      await db.sql.query(
        `UPDATE "LessonReminder" SET "notBefore" = NULL WHERE "teacherId" = $1 AND status = 'pending'`,
        [teacherId],
      );
      return read(teacherId);
    },
  };
}
