import type { TJournalEvent } from './event-schemas';
import type { TAttendanceKey } from './ingest-types';
import { slotKey, type TFinalGradeSlot } from './plan-terms';

// What a batch's lookup loads besides its references: the rows whose current state decides what
// changed (plan-batch.ts) and what the batch rules judge against (term-rules.ts).

export const attendanceKey = (k: TAttendanceKey) => `${k.lessonId}\u0000${k.studentId}`;

/** Ids of the rows whose current state the planner needs. */
export function rowsToLoad(events: TJournalEvent[]) {
  const grades = new Set<string>();
  const lessons = new Set<string>();
  const homework = new Set<string>();
  const canteen = new Set<string>();
  const passes = new Set<string>();
  const schoolEvents = new Set<string>();
  const announcements = new Set<string>();
  const attendance = new Map<string, TAttendanceKey>();
  const finalGrades = new Set<string>();
  const slots = new Map<string, TFinalGradeSlot>();
  const periodSchools = new Set<string>();
  for (const e of events) {
    if (e.type === 'grade.upserted' || e.type === 'grade.deleted') grades.add(e.data.gradeId);
    else if (e.type === 'lesson.upserted' || e.type === 'lesson.deleted') lessons.add(e.data.lessonId);
    else if (e.type === 'homework.upserted' || e.type === 'homework.deleted') homework.add(e.data.homeworkId);
    else if (e.type === 'canteen.transaction') canteen.add(e.data.transactionId);
    else if (e.type === 'pass.recorded') passes.add(e.data.passId);
    else if (e.type === 'school_event.upserted' || e.type === 'school_event.deleted')
      schoolEvents.add(e.data.schoolEventId);
    else if (e.type === 'announcement.published') announcements.add(e.data.announcementId);
    else if (e.type === 'attendance.marked') {
      // The lesson tells an absence's subject and times; the stored mark whether it changed.
      const { lessonId, studentId } = e.data;
      lessons.add(lessonId);
      attendance.set(attendanceKey(e.data), { lessonId, studentId });
    } else if (e.type === 'final_grade.deleted') finalGrades.add(e.data.finalGradeId);
    else if (e.type === 'final_grade.upserted') {
      finalGrades.add(e.data.finalGradeId);
      const { studentId, subjectId, periodId } = e.data;
      slots.set(slotKey(e.data), { studentId, subjectId, periodId });
    } else if (e.type === 'period.upserted') periodSchools.add(e.data.schoolId);
  }
  return {
    gradeIds: [...grades],
    lessonIds: [...lessons],
    homeworkIds: [...homework],
    canteenTransactionIds: [...canteen],
    passIds: [...passes],
    schoolEventIds: [...schoolEvents],
    announcementIds: [...announcements],
    attendanceKeys: [...attendance.values()],
    finalGradeIds: [...finalGrades],
    finalGradeSlots: [...slots.values()],
    periodSchoolIds: [...periodSchools],
  };
}
