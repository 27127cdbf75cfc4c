import type { TeacherSettingsStore } from '../../../core/conversation';
import type { Database } from '../../db/database';
import { createReminderSettingsStore } from '../reminders/reminder-settings-store';

// The reminder preferences of the teachers a person is (TeacherLink). A person linked to
// several teacher records (one per school, say) sees the first one's and changes them all.

export function createTeacherSettingsStore(db: Database): TeacherSettingsStore {
  const reminders = createReminderSettingsStore(db);
  const teacherIds = async (personId: string) =>
    (
      await db.sql.query<{ teacherId: string }>(
        `SELECT "teacherId" FROM "TeacherLink" WHERE "personId" = $1 ORDER BY "teacherId"`,
        [personId],
      )
    ).map((r) => r.teacherId);
  return {
    async read(personId) {
      const [first] = await teacherIds(personId);
      return first ? reminders.get(first) : null;
    },
    async write(personId, change) {
      for (const teacherId of await teacherIds(personId)) await reminders.update(teacherId, change);
    },
  };
}
