import {
  EVENT_DATA_SCHEMAS,
  type TEventData,
  type TJournalEvent,
  ZEventEnvelopeSchema,
} from '../../core/ingest/event-schemas';

// Checks on a list of journal events that hold whatever day the demo was generated for.

export const BELLS = [
  '08:30-09:15',
  '09:25-10:10',
  '10:30-11:15',
  '11:35-12:20',
  '12:40-13:25',
  '13:35-14:20',
  '14:30-15:15',
];

export function addDays(date: string, days: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

export function mondayOf(date: string): string {
  const weekday = (new Date(`${date}T00:00:00Z`).getUTCDay() + 6) % 7;
  return addDays(date, -weekday);
}

export function ofType<T extends TJournalEvent['type']>(events: TJournalEvent[], type: T): TEventData<T>[] {
  return events.filter((e) => e.type === type).map((e) => e.data as TEventData<T>);
}

/** Every way an event list can be wrong that does not depend on which day it was made for. */
export function problems(events: TJournalEvent[]): string[] {
  const found: string[] = [];
  const seen = {
    school: new Set<string>(),
    cls: new Set<string>(),
    subject: new Set<string>(),
    teacher: new Set<string>(),
    student: new Set<string>(),
    period: new Set<string>(),
  };
  const classSubjects = new Set<string>();
  const lessons = new Map<string, TEventData<'lesson.upserted'>>();
  const studentClass = new Map<string, string>();
  const need = (
    set: Set<string> | Map<string, unknown>,
    id: string | null | undefined,
    what: string,
    event: TJournalEvent,
  ) => {
    if (id && !set.has(id)) found.push(`${event.id}: ${what} ${id} is not defined earlier`);
  };
  const ids = new Set<string>();
  const entityIds = new Set<string>();
  const unique = (key: string, event: TJournalEvent) => {
    if (entityIds.has(key)) found.push(`${event.id}: ${key} appears twice`);
    entityIds.add(key);
  };

  for (const event of events) {
    const envelope = ZEventEnvelopeSchema.safeParse(event);
    if (!envelope.success) found.push(`${event.id}: envelope ${envelope.error.message}`);
    const data = EVENT_DATA_SCHEMAS[event.type].safeParse(event.data);
    if (!data.success) found.push(`${event.id}: data ${data.error.message}`);
    if (ids.has(event.id)) found.push(`${event.id}: event id repeated`);
    ids.add(event.id);

    switch (event.type) {
      case 'school.upserted':
        seen.school.add(event.data.schoolId);
        break;
      case 'subject.upserted':
        need(seen.school, event.data.schoolId, 'school', event);
        seen.subject.add(event.data.subjectId);
        break;
      case 'class.upserted':
        need(seen.school, event.data.schoolId, 'school', event);
        need(seen.teacher, event.data.homeroomTeacherId, 'teacher', event);
        seen.cls.add(event.data.classId);
        break;
      case 'teacher.upserted':
        need(seen.school, event.data.schoolId, 'school', event);
        seen.teacher.add(event.data.teacherId);
        break;
      case 'student.upserted':
        need(seen.school, event.data.schoolId, 'school', event);
        need(seen.cls, event.data.classId, 'class', event);
        unique(`student:${event.data.studentId}`, event);
        seen.student.add(event.data.studentId);
        studentClass.set(event.data.studentId, event.data.classId);
        break;
      case 'lesson.upserted':
        need(seen.cls, event.data.classId, 'class', event);
        need(seen.subject, event.data.subjectId, 'subject', event);
        need(seen.teacher, event.data.teacherId, 'teacher', event);
        unique(`lesson:${event.data.lessonId}`, event);
        lessons.set(event.data.lessonId, event.data);
        classSubjects.add(`${event.data.classId} ${event.data.subjectId}`);
        break;
      case 'homework.upserted': {
        need(seen.cls, event.data.classId, 'class', event);
        need(seen.subject, event.data.subjectId, 'subject', event);
        need(lessons, event.data.lessonId, 'lesson', event);
        unique(`homework:${event.data.homeworkId}`, event);
        const lesson = lessons.get(event.data.lessonId ?? '');
        if (lesson && (lesson.classId !== event.data.classId || lesson.subjectId !== event.data.subjectId))
          found.push(`${event.id}: not the lesson's class and subject`);
        if (lesson && event.data.dueDate <= lesson.date)
          found.push(`${event.id}: due on or before the lesson that set it`);
        break;
      }
      case 'grade.upserted': {
        need(seen.student, event.data.studentId, 'student', event);
        need(seen.subject, event.data.subjectId, 'subject', event);
        need(lessons, event.data.lessonId, 'lesson', event);
        unique(`grade:${event.data.gradeId}`, event);
        const lesson = lessons.get(event.data.lessonId ?? '');
        if (lesson && (lesson.subjectId !== event.data.subjectId || lesson.date !== event.data.date))
          found.push(`${event.id}: not the lesson's subject and date`);
        if (lesson && lesson.classId !== studentClass.get(event.data.studentId))
          found.push(`${event.id}: pupil from another class`);
        break;
      }
      case 'attendance.marked': {
        need(lessons, event.data.lessonId, 'lesson', event);
        need(seen.student, event.data.studentId, 'student', event);
        unique(`attendance:${event.data.lessonId}:${event.data.studentId}`, event);
        const lesson = lessons.get(event.data.lessonId);
        if (lesson && lesson.classId !== studentClass.get(event.data.studentId))
          found.push(`${event.id}: pupil from another class`);
        break;
      }
      case 'canteen.transaction':
        need(seen.student, event.data.studentId, 'student', event);
        unique(`canteen:${event.data.transactionId}`, event);
        break;
      case 'pass.recorded':
        need(seen.student, event.data.studentId, 'student', event);
        unique(`pass:${event.data.passId}`, event);
        if (event.occurredAt !== event.data.at) found.push(`${event.id}: recorded at another time than it happened`);
        break;
      case 'school_event.upserted':
      case 'announcement.published':
        need(seen.school, event.data.schoolId, 'school', event);
        for (const classId of event.data.classIds ?? []) need(seen.cls, classId, 'class', event);
        unique(
          event.type === 'school_event.upserted'
            ? `school_event:${event.data.schoolEventId}`
            : `announcement:${event.data.announcementId}`,
          event,
        );
        break;
      case 'period.upserted':
        need(seen.school, event.data.schoolId, 'school', event);
        unique(`period:${event.data.periodId}`, event);
        seen.period.add(event.data.periodId);
        break;
      case 'final_grade.upserted':
        need(seen.student, event.data.studentId, 'student', event);
        need(seen.subject, event.data.subjectId, 'subject', event);
        need(seen.period, event.data.periodId, 'period', event);
        unique(`final_grade:${event.data.finalGradeId}`, event);
        unique(`final_grade:${event.data.studentId}:${event.data.subjectId}:${event.data.periodId}`, event);
        if (!classSubjects.has(`${studentClass.get(event.data.studentId)} ${event.data.subjectId}`))
          found.push(`${event.id}: a subject the pupil's class does not study`);
        break;
      default:
        found.push(`${event.id}: the demo should not need ${event.type}`);
    }
  }
  return found;
}

/** Per pupil, each balance is the previous one plus the amount; returns the closing balances. */
export function closingBalances(events: TJournalEvent[]): { broken: string[]; closing: Map<string, number> } {
  const broken: string[] = [];
  const closing = new Map<string, number>();
  for (const t of ofType(events, 'canteen.transaction')) {
    const before = closing.get(t.studentId);
    if (before !== undefined && before + t.amountKopecks !== t.balanceKopecks)
      broken.push(`${t.transactionId}: ${before} + ${t.amountKopecks} ≠ ${t.balanceKopecks}`);
    if (t.balanceKopecks < 0) broken.push(`${t.transactionId}: negative balance`);
    closing.set(t.studentId, t.balanceKopecks);
  }
  return { broken, closing };
}
