import type { TFeedEntry, TFeedEventRow, TFeedHead, TFeedHomeworkRow, TFeedLessonRow, TFeedRows } from './feed-types';
import type { TFeedTexts } from './locales';

// The child's year as calendar entries: a lesson (a test titled as one) at its school time, a
// school event at its time or as a whole day, homework as a whole day on its due date. A
// cancelled lesson stays in with STATUS:CANCELLED, so a calendar that showed it marks it off
// instead of silently losing it. UIDs name the feed too: two children of one parent in the same
// class share lessons, and one calendar account must not merge their entries.

const lines = (...parts: (string | null | undefined | false)[]) => parts.filter(Boolean).join('\n') || undefined;

function lessonEntry(t: TFeedTexts, head: TFeedHead, l: TFeedLessonRow): TFeedEntry {
  const subject = t.subject(l.subject);
  return {
    uid: `lesson-${l.id}.${head.feedId}@dnevnik`,
    summary: l.isTest ? t.test(subject, l.topic) : t.lesson(subject),
    date: l.date,
    start: l.start,
    end: l.end,
    location: l.room ?? (l.onlineUrl ? t.online : undefined),
    url: l.onlineUrl ?? undefined,
    description: lines(!l.isTest && l.topic && t.topic(l.topic), l.onlineUrl && t.onlineLink(l.onlineUrl)),
    cancelled: l.cancelled,
  };
}

function eventEntry(t: TFeedTexts, head: TFeedHead, e: TFeedEventRow): TFeedEntry {
  const timed = e.start !== null;
  return {
    uid: `event-${e.id}.${head.feedId}@dnevnik`,
    summary: e.title,
    date: e.date,
    ...(timed ? { start: e.start!, end: e.end ?? e.start! } : {}),
    location: e.place ?? (e.onlineUrl ? t.online : undefined),
    url: e.onlineUrl ?? undefined,
    description: lines(e.description, e.onlineUrl && t.onlineLink(e.onlineUrl)),
  };
}

function homeworkEntry(t: TFeedTexts, head: TFeedHead, h: TFeedHomeworkRow): TFeedEntry {
  return {
    uid: `homework-${h.id}.${head.feedId}@dnevnik`,
    summary: t.homework(t.subject(h.subject)),
    date: h.dueDate,
    description: h.text,
  };
}

export function feedEntries(t: TFeedTexts, head: TFeedHead, rows: TFeedRows): TFeedEntry[] {
  return [
    ...rows.lessons.map((l) => lessonEntry(t, head, l)),
    ...rows.events.map((e) => eventEntry(t, head, e)),
    ...rows.homework.map((h) => homeworkEntry(t, head, h)),
  ];
}
