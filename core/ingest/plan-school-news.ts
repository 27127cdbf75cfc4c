import type { TEventData, TJournalEvent } from './event-schemas';
import type { TOutboxRow, TStoredLesson, TStoredSchoolEvent } from './ingest-types';
import { deletableRows } from './plan-rows';

// What is coming, in a batch's plan: school events, announcements, and tests set on lessons.
// Pure, like plan-batch.ts, which hands these events over. A fact is written when parents may
// need to hear of it: a new event or one moved, renamed or relocated; an announcement, once; a
// lesson that became a test, or a test moved to another day or time.

export type TSchoolEventRow = TEventData<'school_event.upserted'> & { deleted: boolean };

export type TSchoolNewsEvent = Extract<
  TJournalEvent,
  { type: 'school_event.upserted' | 'school_event.deleted' | 'announcement.published' }
>;

type TEventState = Omit<TStoredSchoolEvent, 'id'>;

const stateOf = (d: TEventData<'school_event.upserted'>): TEventState => ({
  schoolId: d.schoolId,
  classIds: d.classIds ?? [],
  title: d.title,
  date: d.date,
  start: d.start ?? null,
  place: d.place ?? null,
  onlineUrl: d.onlineUrl ?? null,
  deleted: false,
});

/** What a parent would want to hear again: the day, the time, the title, the place or the link changed. */
function newsworthy(before: TEventState | undefined, after: TEventState): boolean {
  if (!before || before.deleted) return true;
  return (
    before.date !== after.date ||
    before.start !== after.start ||
    before.title !== after.title ||
    before.place !== after.place ||
    before.onlineUrl !== after.onlineUrl
  );
}

export function createSchoolNewsPlanner(
  storedEvents: ReadonlyMap<string, TStoredSchoolEvent>,
  storedAnnouncementIds: ReadonlySet<string>,
) {
  const events = deletableRows<TEventData<'school_event.upserted'>, TEventState>(storedEvents);
  const announcements = new Map<string, TEventData<'announcement.published'>>();

  return {
    apply(event: TSchoolNewsEvent, outbox: TOutboxRow[]) {
      switch (event.type) {
        case 'school_event.upserted': {
          const d = event.data;
          const before = events.before(d.schoolEventId);
          const after = stateOf(d);
          if (newsworthy(before, after))
            outbox.push({
              kind: 'school_event.changed',
              studentId: null,
              classId: null,
              eventId: event.id,
              payload: {
                schoolEventId: d.schoolEventId,
                schoolId: d.schoolId,
                classIds: after.classIds,
                title: d.title,
                date: d.date,
                start: after.start,
                end: d.end ?? null,
                place: after.place,
                onlineUrl: after.onlineUrl,
                isNew: !before || before.deleted,
                occurredAt: event.occurredAt,
              },
            });
          events.upsert(d.schoolEventId, d, after);
          return;
        }
        case 'school_event.deleted':
          events.delete(event.data.schoolEventId);
          return;
        case 'announcement.published': {
          const d = event.data;
          // Published once: the same id again (under a new event id) is neither stored nor told again.
          if (storedAnnouncementIds.has(d.announcementId) || announcements.has(d.announcementId)) return;
          announcements.set(d.announcementId, d);
          outbox.push({
            kind: 'announcement.published',
            studentId: null,
            classId: null,
            eventId: event.id,
            payload: {
              announcementId: d.announcementId,
              schoolId: d.schoolId,
              classIds: d.classIds ?? [],
              title: d.title,
              text: d.text,
              urgent: d.urgent ?? false,
              occurredAt: event.occurredAt,
            },
          });
          return;
        }
      }
    },
    result() {
      return {
        schoolEvents: [...events.rows.values()],
        deletedSchoolEventIds: [...events.deletedIds.keys()],
        announcements: [...announcements.values()],
      };
    },
  };
}

/**
 * A test on a lesson is news when the lesson becomes one (new, or marked a test now), or a test
 * moves to another day or time; a cancelled or removed lesson is no test to prepare for.
 */
export function testFact(
  lesson: TEventData<'lesson.upserted'>,
  before: Pick<TStoredLesson, 'date' | 'start' | 'cancelled' | 'deleted' | 'isTest'> | undefined,
  event: { id: string; occurredAt: string },
): TOutboxRow | null {
  if (!lesson.isTest || lesson.cancelled) return null;
  const known = before && !before.deleted && !before.cancelled && before.isTest;
  if (known && before.date === lesson.date && before.start === lesson.start) return null;
  return {
    kind: 'lesson.test-scheduled',
    studentId: null,
    classId: lesson.classId,
    eventId: event.id,
    payload: {
      lessonId: lesson.lessonId,
      subjectId: lesson.subjectId,
      date: lesson.date,
      start: lesson.start,
      topic: lesson.topic ?? null,
      previousDate: known ? before.date : null,
      occurredAt: event.occurredAt,
    },
  };
}
