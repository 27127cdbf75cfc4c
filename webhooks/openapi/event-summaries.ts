import type { TEventType } from '../../core/ingest';

// One line per event type for the API description (README "Journal ingestion API" says more).
export const EVENT_SUMMARIES: Record<TEventType, string> = {
  'school.upserted': 'A school, its time zone and settings (a setting left out keeps its stored value).',
  'class.upserted': 'A class of a school and, optionally, its class teacher.',
  'subject.upserted': 'A subject as the school names it.',
  'teacher.upserted': 'A teacher of the school.',
  'student.upserted': 'A pupil and their class; the operator may move a pupil to another school.',
  'lesson.upserted': 'A lesson: day, bell times, room, topic, test, cancellation, online link.',
  'lesson.deleted': 'Hides a lesson; its grades and homework stay.',
  'homework.upserted': 'Homework of a class for a subject, due on a day.',
  'homework.deleted': 'Hides homework.',
  'grade.upserted': 'A grade: value, weight, work type, comment, the lesson it was given in.',
  'grade.deleted': 'Removes a grade; its history is kept.',
  'attendance.marked': 'A pupil’s attendance at a lesson: present, absent or late.',
  'canteen.transaction': 'A canteen payment or top-up and the balance after it; stored once.',
  'period.upserted': 'A marking period: quarter, trimester, half or year.',
  'period.deleted': 'Hides a period and its final grades.',
  'final_grade.upserted': 'The mark fixed for a period (четвертная, годовая).',
  'final_grade.deleted': 'Removes a fixed mark.',
  'pass.recorded': 'A turnstile’s record of a pupil going in or out; stored once.',
  'school_event.upserted': 'A school event for the whole school or some classes.',
  'school_event.deleted': 'Hides a school event.',
  'announcement.published': 'What the school tells parents of the school or some classes; published once.',
};
