import { z } from 'zod';
import { daysBetween, isCivilDate } from '../calendar/civil-date';
import { isTimeZone } from '../calendar/time-zone';
import { printable } from '../input/printable-text';
import { PERIOD_KINDS } from '../terms/period-types';
import { ZRoundingSchema } from '../terms/rounding';

// README "Journal ingestion API": the events a school's e-journal pushes. Ids are the school system's strings.
// Every free string refuses NUL and lone surrogates (422), which the database would refuse (a 500).

export const ZIdSchema = printable(z.string()).trim().min(1).max(128);
const ZId = ZIdSchema;
const ZName = printable(z.string()).trim().min(1).max(200);
const ZOptionalText = (max: number) => printable(z.string()).max(max).nullish();
const ZDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'expected YYYY-MM-DD')
  .refine(isCivilDate, 'not a calendar date');
const ZTime = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'expected HH:mm');
const ZIsoDateTime = z.iso.datetime({ offset: true });

export const GRADE_VALUES = ['1', '2', '3', '4', '5', 'зачёт', 'незачёт'] as const;
// A period's mark may also say the pupil was not assessed («н/а»: too many lessons missed) or was
// exempt from the subject («осв.», освобождён — physical education on medical grounds).
export const FINAL_GRADE_VALUES = [...GRADE_VALUES, 'н/а', 'осв.'] as const;

/** The delay before a teacher's journal reminder when a school sets none (School.reminderDelayHours). */
export const DEFAULT_REMINDER_DELAY_HOURS = 2;

// A school's own settings; a setting left out keeps its stored value.
export const ZSchoolSettingsSchema = z
  .object({
    // May a pupil accept the consent alone (else a guardian of theirs must have linked first)?
    studentSelfConsent: z.boolean().optional(),
    // The averages that earn a period's marks (core/terms/rounding.ts); null goes back to the default.
    rounding: ZRoundingSchema.nullable().optional(),
    // Hours after a lesson ends before its incomplete journal entry is reminded of (README "Teacher
    // reminders"). A reminder days later helps nobody: three days bounds a mistyped value.
    reminderDelayHours: z.number().int().min(0).max(72).optional(),
  })
  .strict();
export const ZSchoolUpsertedSchema = z.object({
  schoolId: ZId,
  name: ZName,
  timezone: printable(z.string()).refine(isTimeZone, 'unknown time zone').optional(),
  settings: ZSchoolSettingsSchema.optional(),
});
export const ZClassUpsertedSchema = z.object({
  schoolId: ZId,
  classId: ZId,
  name: ZName,
  // The class teacher: absent leaves the stored one, null clears it.
  homeroomTeacherId: ZId.nullish(),
});
export const ZSubjectUpsertedSchema = z.object({ schoolId: ZId, subjectId: ZId, name: ZName });
const ZPersonName = { lastName: ZName, firstName: ZName, middleName: ZName.nullish() };
export const ZTeacherUpsertedSchema = z.object({ schoolId: ZId, teacherId: ZId, ...ZPersonName });
export const ZStudentUpsertedSchema = z.object({ schoolId: ZId, studentId: ZId, classId: ZId, ...ZPersonName });
export const ZLessonUpsertedSchema = z
  .object({
    lessonId: ZId,
    classId: ZId,
    subjectId: ZId,
    teacherId: ZId,
    date: ZDate,
    start: ZTime,
    end: ZTime,
    room: ZOptionalText(50),
    topic: ZOptionalText(1000),
    isTest: z.boolean().optional(),
    cancelled: z.boolean().optional(),
    onlineUrl: printable(z.url({ protocol: /^https?$/ }))
      .max(2000)
      .nullish(),
  })
  .refine((l) => l.start < l.end, { message: 'end must be after start', path: ['end'] });
export const ZLessonDeletedSchema = z.object({ lessonId: ZId });
export const ZHomeworkUpsertedSchema = z.object({
  homeworkId: ZId,
  classId: ZId,
  subjectId: ZId,
  dueDate: ZDate,
  text: printable(z.string()).trim().min(1).max(10000),
  lessonId: ZId.nullish(),
});
export const ZHomeworkDeletedSchema = z.object({ homeworkId: ZId });
export const ZGradeUpsertedSchema = z.object({
  gradeId: ZId,
  studentId: ZId,
  subjectId: ZId,
  date: ZDate,
  value: z.enum(GRADE_VALUES),
  weight: z.number().int().min(1).max(5).optional(),
  lessonId: ZId.nullish(),
  workType: ZOptionalText(200),
  comment: ZOptionalText(2000),
});
export const ZGradeDeletedSchema = z.object({ gradeId: ZId });
export const ZPeriodUpsertedSchema = z
  .object({
    schoolId: ZId,
    periodId: ZId,
    name: ZName,
    kind: z.enum(PERIOD_KINDS),
    start: ZDate,
    end: ZDate,
  })
  .refine((p) => p.start <= p.end, { message: 'end must not be before start', path: ['end'] })
  // A school year is the longest period there is; a longer one is a mistyped year.
  .refine((p) => p.start > p.end || daysBetween(p.start, p.end) < 366, {
    message: 'a period lasts at most a year',
    path: ['end'],
  });
export const ZPeriodDeletedSchema = z.object({ periodId: ZId });
export const ZFinalGradeUpsertedSchema = z.object({
  finalGradeId: ZId,
  studentId: ZId,
  subjectId: ZId,
  periodId: ZId,
  value: z.enum(FINAL_GRADE_VALUES),
  comment: ZOptionalText(2000),
});
export const ZFinalGradeDeletedSchema = z.object({ finalGradeId: ZId });
export const ZAttendanceMarkedSchema = z.object({
  lessonId: ZId,
  studentId: ZId,
  status: z.enum(['present', 'absent', 'late']),
  reason: ZOptionalText(500),
});
export const ZCanteenTransactionSchema = z.object({
  transactionId: ZId,
  studentId: ZId,
  amountKopecks: z.number().int().min(-100_000_000).max(100_000_000),
  balanceKopecks: z.number().int().min(-100_000_000).max(1_000_000_000),
  at: ZIsoDateTime,
  description: ZOptionalText(500),
});

// A turnstile's or card reader's record («Москвёнок»): a fact, stored once by its id.
export const ZPassRecordedSchema = z.object({
  passId: ZId,
  studentId: ZId,
  at: ZIsoDateTime,
  direction: z.enum(['in', 'out']),
  place: ZOptionalText(200),
});

const ZClassIds = z.array(ZId).max(200, 'at most 200 classes').optional();
const ZHttpUrl = printable(z.url({ protocol: /^https?$/ })).max(2000);

// A school event for the whole school (no classIds, or none) or the classes named.
export const ZSchoolEventUpsertedSchema = z
  .object({
    schoolEventId: ZId,
    schoolId: ZId,
    classIds: ZClassIds,
    title: ZName,
    date: ZDate,
    start: ZTime.nullish(),
    end: ZTime.nullish(),
    place: ZOptionalText(200),
    onlineUrl: ZHttpUrl.nullish(),
    description: ZOptionalText(4000),
  })
  .refine((e) => !e.start || !e.end || e.start < e.end, { message: 'end must be after start', path: ['end'] })
  .refine((e) => e.start || !e.end, { message: 'an end needs a start', path: ['end'] });
export const ZSchoolEventDeletedSchema = z.object({ schoolEventId: ZId });
// What a school tells parents; published once, never edited (a correction is a new announcement).
export const ZAnnouncementPublishedSchema = z.object({
  announcementId: ZId,
  schoolId: ZId,
  classIds: ZClassIds,
  title: ZName,
  text: printable(z.string()).trim().min(1).max(4000),
  urgent: z.boolean().optional(),
});

export const EVENT_DATA_SCHEMAS = {
  'school.upserted': ZSchoolUpsertedSchema,
  'class.upserted': ZClassUpsertedSchema,
  'subject.upserted': ZSubjectUpsertedSchema,
  'teacher.upserted': ZTeacherUpsertedSchema,
  'student.upserted': ZStudentUpsertedSchema,
  'lesson.upserted': ZLessonUpsertedSchema,
  'lesson.deleted': ZLessonDeletedSchema,
  'homework.upserted': ZHomeworkUpsertedSchema,
  'homework.deleted': ZHomeworkDeletedSchema,
  'grade.upserted': ZGradeUpsertedSchema,
  'grade.deleted': ZGradeDeletedSchema,
  'attendance.marked': ZAttendanceMarkedSchema,
  'canteen.transaction': ZCanteenTransactionSchema,
  'period.upserted': ZPeriodUpsertedSchema,
  'period.deleted': ZPeriodDeletedSchema,
  'final_grade.upserted': ZFinalGradeUpsertedSchema,
  'final_grade.deleted': ZFinalGradeDeletedSchema,
  'pass.recorded': ZPassRecordedSchema,
  'school_event.upserted': ZSchoolEventUpsertedSchema,
  'school_event.deleted': ZSchoolEventDeletedSchema,
  'announcement.published': ZAnnouncementPublishedSchema,
} as const;

export type TEventType = keyof typeof EVENT_DATA_SCHEMAS;
export const EVENT_TYPES = Object.keys(EVENT_DATA_SCHEMAS) as TEventType[];

export type TEventData<T extends TEventType> = z.infer<(typeof EVENT_DATA_SCHEMAS)[T]>;

/** A validated event: the `data` type follows the `type`. */
export type TJournalEvent = {
  [T in TEventType]: { id: string; type: T; occurredAt: string; data: TEventData<T> };
}[TEventType];

export const MAX_EVENTS_PER_BATCH = 1000;

/** The envelope only; each event's data is checked against its type's schema separately. */
export const ZEventEnvelopeSchema = z.object({
  id: ZId,
  type: z.enum(EVENT_TYPES as [TEventType, ...TEventType[]]),
  occurredAt: ZIsoDateTime,
  data: z.record(z.string(), z.unknown()),
});

export const ZBatchSchema = z.object({
  events: z
    .array(z.unknown())
    .min(1, 'a batch holds 1 to 1000 events')
    .max(MAX_EVENTS_PER_BATCH, 'a batch holds 1 to 1000 events'),
});
