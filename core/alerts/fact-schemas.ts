import { z } from 'zod';

// Outbox payloads as core/ingest writes them. Parsed, not trusted: a row written by an older
// version must not crash the planner, it is skipped instead.

const ZDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);

export const ZGradeFactSchema = z.object({
  gradeId: z.string(),
  subjectId: z.string(),
  date: ZDate,
  value: z.string(),
  weight: z.number().int().optional().nullable(),
  workType: z.string().nullable().optional(),
  previousValue: z.string().optional(),
});

export const ZHomeworkFactSchema = z.object({
  homeworkId: z.string(),
  subjectId: z.string(),
  dueDate: ZDate,
  isNew: z.boolean(),
});

export const ZLessonFactSchema = z.object({
  lessonId: z.string(),
  subjectId: z.string(),
  date: ZDate,
  start: z.string(),
  previousDate: ZDate.optional(),
  previousStart: z.string().optional(),
});

export const ZCanteenFactSchema = z.object({
  amountKopecks: z.number().int(),
  balanceKopecks: z.number().int(),
});

// A period's mark, fixed, corrected or removed (core/ingest/plan-terms.ts): self-contained, as
// final grades are few. `previousValue` only when a mark was corrected.
export const ZFinalGradeFactSchema = z.object({
  finalGradeId: z.string(),
  subjectId: z.string(),
  periodId: z.string(),
  value: z.string(),
  previousValue: z.string().optional(),
});

// A pupil went in or out (pass.recorded): `at` is the reader's instant (ISO 8601 with offset).
export const ZPassFactSchema = z.object({
  passId: z.string(),
  at: z.string(),
  direction: z.enum(['in', 'out']),
  place: z.string().nullable().optional(),
});

// A lesson's attendance mark that is, or was, absent or late (attendance.marked): the lesson's
// subject, day and times as stored when the mark came; `previousStatus` null for a first mark.
export const ZAttendanceFactSchema = z.object({
  lessonId: z.string(),
  subjectId: z.string(),
  date: ZDate,
  start: z.string(),
  end: z.string(),
  status: z.enum(['present', 'absent', 'late']),
  previousStatus: z.enum(['present', 'absent', 'late']).nullable(),
  reason: z.string().nullable().optional(),
});

export type TGradeFact = z.infer<typeof ZGradeFactSchema>;
export type THomeworkFact = z.infer<typeof ZHomeworkFactSchema>;
export type TLessonFact = z.infer<typeof ZLessonFactSchema>;
export type TCanteenFact = z.infer<typeof ZCanteenFactSchema>;
export type TFinalGradeFact = z.infer<typeof ZFinalGradeFactSchema>;
export type TPassFact = z.infer<typeof ZPassFactSchema>;
export type TAttendanceFact = z.infer<typeof ZAttendanceFactSchema>;

// A test set on a lesson, or a test lesson moved (lesson.test-scheduled, class-wide): `previousDate`
// is the day it was on before, null for a new test.
export const ZTestFactSchema = z.object({
  lessonId: z.string(),
  subjectId: z.string(),
  date: ZDate,
  start: z.string(),
  topic: z.string().nullable().optional(),
  previousDate: ZDate.nullable().optional(),
});

// A school event created or changed in what a parent would care about (school_event.changed):
// `classIds` empty means the whole school.
export const ZSchoolEventFactSchema = z.object({
  schoolEventId: z.string(),
  schoolId: z.string(),
  classIds: z.array(z.string()),
  title: z.string(),
  date: ZDate,
  start: z.string().nullable().optional(),
  end: z.string().nullable().optional(),
  place: z.string().nullable().optional(),
  onlineUrl: z.string().nullable().optional(),
  isNew: z.boolean(),
});

// An announcement published once (announcement.published); `urgent` ones bypass quiet hours.
export const ZAnnouncementFactSchema = z.object({
  announcementId: z.string(),
  schoolId: z.string(),
  classIds: z.array(z.string()),
  title: z.string(),
  text: z.string(),
  urgent: z.boolean().optional(),
});

export type TTestFact = z.infer<typeof ZTestFactSchema>;
export type TSchoolEventFact = z.infer<typeof ZSchoolEventFactSchema>;
export type TAnnouncementFact = z.infer<typeof ZAnnouncementFactSchema>;
