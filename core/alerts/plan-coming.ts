import { DateTime } from 'luxon';
import { afterQuietHours, scheduleItem } from './alert-timing';
import type { TItemPayload, TOutboxFact, TPlannedItem, TRecipient } from './alert-types';
import { ZAnnouncementFactSchema, ZSchoolEventFactSchema, ZTestFactSchema } from './fact-schemas';

// What is coming at school: a test set or moved (lesson.test-scheduled), a school event and an
// announcement (school_event.changed, announcement.published). The store resolves who is addressed
// (the class's pupils, or the school's for news to the whole school) so tenancy is decided in one
// query; this module only times and words the items.

/** Longest announcement text kept in an alert: a message is a nudge, the whole text is in the journal. */
export const ANNOUNCEMENT_MAX_CHARS = 600;

/** A recipient of a test or of school news: the caller already checked the type is on for the chat. */
export type TComingPush = (
  fact: TOutboxFact,
  r: TRecipient,
  kind: 'lesson.test-scheduled' | 'school_event.changed' | 'announcement.published',
  refId: string | null,
  payload: TItemPayload,
  timing?: { dueAt: Date; groupKey: string },
) => void;

/** The type's own delivery: the shared one (a daily digest) does not apply to what is coming. */
const instantly = (r: TRecipient) => ({ ...r.subscription, mode: 'instant' as const });

export function trimText(text: string, max = ANNOUNCEMENT_MAX_CHARS): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  if (flat.length <= max) return flat;
  const cut = flat.slice(0, max - 1);
  const space = cut.lastIndexOf(' ');
  return `${(space > max * 0.6 ? cut.slice(0, space) : cut).trimEnd()}…`;
}

/** A test set for a day already past in the school's zone is not news. */
export function planTest(
  fact: TOutboxFact,
  r: TRecipient,
  subjectName: (id: string) => string,
  windowMs: number,
  push: TComingPush,
) {
  const t = ZTestFactSchema.safeParse(fact.payload);
  if (!t.success) return;
  const today = DateTime.fromJSDate(fact.createdAt, { zone: r.timezone }).toISODate()!;
  if (t.data.date < today) return;
  push(
    fact,
    r,
    'lesson.test-scheduled',
    null,
    {
      studentName: r.studentName,
      subjectName: subjectName(t.data.subjectId),
      date: t.data.date,
      start: t.data.start,
      topic: t.data.topic ?? null,
      ...(t.data.previousDate && t.data.previousDate !== t.data.date ? { previousDate: t.data.previousDate } : {}),
    },
    scheduleItem(fact.createdAt, r.studentId, instantly(r), r.timezone, windowMs),
  );
}

/**
 * School news goes once to a chat, however many of the person's children it concerns (a whole-school
 * announcement and two pupils there): `told` holds `${factId}\0${chatId}` already planned. Each is
 * a message of its own (its own group). An urgent announcement goes at once, past the window and
 * quiet hours; everything else waits out quiet hours.
 */
export function planSchoolNews(
  fact: TOutboxFact,
  r: TRecipient,
  told: Set<string>,
  windowMs: number,
  push: TComingPush,
) {
  const key = `${fact.id}\u0000${r.chatId}`;
  if (told.has(key)) return;
  const base = { studentName: r.studentName };
  const later = () => {
    const at = new Date(fact.createdAt.getTime() + windowMs);
    return afterQuietHours(at, r.subscription.quietFrom, r.subscription.quietTo, r.timezone);
  };
  if (fact.kind === 'school_event.changed') {
    const e = ZSchoolEventFactSchema.safeParse(fact.payload);
    if (!e.success) return;
    told.add(key);
    const payload: TItemPayload = {
      ...base,
      title: e.data.title,
      date: e.data.date,
      start: e.data.start ?? undefined,
      end: e.data.end ?? null,
      place: e.data.place ?? null,
      onlineUrl: e.data.onlineUrl ?? null,
      isNew: e.data.isNew,
    };
    push(fact, r, 'school_event.changed', null, payload, {
      dueAt: later(),
      groupKey: `n:${e.data.schoolEventId}:${fact.id}`,
    });
    return;
  }
  const a = ZAnnouncementFactSchema.safeParse(fact.payload);
  if (!a.success) return;
  told.add(key);
  const urgent = a.data.urgent === true;
  push(
    fact,
    r,
    'announcement.published',
    null,
    { ...base, title: trimText(a.data.title, 200), text: trimText(a.data.text), urgent },
    { dueAt: urgent ? fact.createdAt : later(), groupKey: `n:${a.data.announcementId}` },
  );
}

/** A test tomorrow that the evening scan found: the class's lesson and one pupil of that class. */
export interface TTestTomorrow {
  lessonId: string;
  studentId: string;
  subjectName: string;
  date: string;
  start: string;
  topic: string | null;
}

export const TESTS_SCAN_EVERY_MS = 60_000;

/** Ref of the evening reminder: the scan skips chats that have it, the key below makes it once. */
export const testTomorrowRef = (lessonId: string, date: string) => `tt:${lessonId}:${date}`;

/**
 * A negative outbox id no outbox row has, derived from (test, day, pupil): the database's unique
 * (outbox id, chat) keeps the reminder to one per pupil's test and chat, whatever number of
 * workers scan. FNV-1a over a prefixed key, 62 bits, as noPassOutboxId: the prefixes keep the two apart.
 */
export function testTomorrowOutboxId(lessonId: string, date: string, studentId: string): string {
  let hash = 0xcbf29ce484222325n;
  for (const ch of new TextEncoder().encode(`tt:${lessonId}:${date}:${studentId}`)) {
    hash ^= BigInt(ch);
    hash = (hash * 0x100000001b3n) & 0xffffffffffffffffn;
  }
  return `-${(hash & 0x3fffffffffffffffn) + 1_000_000_000_000n}`;
}

/** The school-local "HH:mm" of `now`. */
const localTime = (now: Date, zone: string) => DateTime.fromJSDate(now, { zone }).toFormat('HH:mm');

/**
 * The evening before: one item per (test, pupil, chat) once the chat's chosen time (the 'tests'
 * row's digestTime, 19:00 by default) has come in the school's zone, the test still tomorrow.
 * Quiet hours that cover the chosen time delay it; the text then says «сегодня» (sameDay).
 */
export function planTestsTomorrow(
  found: readonly TTestTomorrow[],
  recipients: Map<string, TRecipient[]>,
  now: Date,
  wants: (r: TRecipient) => boolean,
  defaultTime: string,
): TPlannedItem[] {
  return found.flatMap((t) =>
    (recipients.get(t.studentId) ?? [])
      .filter((r) => wants(r))
      .filter((r) => {
        const local = DateTime.fromJSDate(now, { zone: r.timezone });
        return (
          local.plus({ days: 1 }).toISODate() === t.date &&
          localTime(now, r.timezone) >= (r.subscription.digestTime ?? defaultTime)
        );
      })
      .map((r) => {
        const dueAt = afterQuietHours(now, r.subscription.quietFrom, r.subscription.quietTo, r.timezone);
        const sameDay = DateTime.fromJSDate(dueAt, { zone: r.timezone }).toISODate() === t.date;
        const ref = testTomorrowRef(t.lessonId, t.date);
        return {
          outboxId: testTomorrowOutboxId(t.lessonId, t.date, t.studentId),
          chatId: r.chatId,
          studentId: t.studentId,
          type: 'tests' as const,
          kind: 'lesson.test-tomorrow' as const,
          refId: ref,
          groupKey: `tt:${t.studentId}:${t.date}`,
          payload: {
            studentName: r.studentName,
            subjectName: t.subjectName,
            date: t.date,
            start: t.start,
            topic: t.topic,
            sameDay,
          },
          ingestedAt: now,
          dueAt,
        };
      }),
  );
}
