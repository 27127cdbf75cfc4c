import { randomBytes } from 'node:crypto';
import { type CalendarFeeds, createCalendarFeeds } from '../../core/calendar-feed';
import { consentText } from '../../core/linking';
import { createIcalFeedRenderer } from '../../infra/ical-feed-renderer';
import { createLogger } from '../../infra/logger';
import { createMetrics } from '../../infra/metrics';
import type { Database } from '../../prisma/db/database';
import { createCalendarFeedStore } from '../../prisma/stores/calendar-feed/calendar-feed-store';
import { createServer } from '../../webhooks/app';
import { calendarRoute } from '../../webhooks/calendar-route';

// A small school written with SQL (school events arrive by ingestion later): one class with a
// test, an online lesson, a cancelled lesson, homework, and events for the class, the school and
// another class; a parent linked to Маша, another family's parent linked to Петя.

export const FEED_NOW = new Date('2027-05-20T10:00:00+03:00');

export async function seedFeedSchool(db: Database): Promise<void> {
  const q = (sql: string, params: unknown[] = []) => db.sql.query(sql, params);
  await q(`INSERT INTO "School" (id, name, timezone, "updatedAt") VALUES ('fs', 'Школа', 'Asia/Yekaterinburg', now())`);
  await q(
    `INSERT INTO "SchoolClass" (id, "schoolId", name, "updatedAt") VALUES ('fs-7a', 'fs', '7А', now()), ('fs-9b', 'fs', '9Б', now())`,
  );
  await q(
    `INSERT INTO "Subject" (id, "schoolId", name, "updatedAt") VALUES ('fs-alg', 'fs', 'Алгебра', now()), ('fs-bio', 'fs', 'Биология', now())`,
  );
  await q(
    `INSERT INTO "Teacher" (id, "schoolId", "lastName", "firstName", "updatedAt") VALUES ('fs-t', 'fs', 'Петрова', 'Анна', now())`,
  );
  await q(
    `INSERT INTO "Student" (id, "schoolId", "classId", "lastName", "firstName", "updatedAt") VALUES
      ('fs-masha', 'fs', 'fs-7a', 'Иванова', 'Маша', now()), ('fs-petya', 'fs', 'fs-9b', 'Смирнов', 'Петя', now())`,
  );
  await q(
    `INSERT INTO "Lesson" (id, "classId", "subjectId", "teacherId", date, start, "end", room, topic, "isTest", cancelled, "onlineUrl", "deletedAt", "updatedAt") VALUES
      ('fl-test', 'fs-7a', 'fs-alg', 'fs-t', '2027-05-20', '08:30', '09:15', '214', 'Квадратные уравнения', true, false, null, null, now()),
      ('fl-online', 'fs-7a', 'fs-bio', 'fs-t', '2027-05-20', '09:25', '10:10', null, 'Клетка', false, false, 'https://meet.example/bio', null, now()),
      ('fl-cancel', 'fs-7a', 'fs-alg', 'fs-t', '2027-05-21', '08:30', '09:15', '214', null, false, true, null, null, now()),
      ('fl-gone', 'fs-7a', 'fs-alg', 'fs-t', '2027-05-22', '08:30', '09:15', '214', null, false, false, null, now(), now()),
      ('fl-lastyear', 'fs-7a', 'fs-alg', 'fs-t', '2026-05-20', '08:30', '09:15', '214', null, false, false, null, null, now()),
      ('fl-other', 'fs-9b', 'fs-alg', 'fs-t', '2027-05-20', '08:30', '09:15', '301', null, false, false, null, null, now())`,
  );
  await q(
    `INSERT INTO "Homework" (id, "classId", "subjectId", "dueDate", text, "updatedAt") VALUES
      ('fh-1', 'fs-7a', 'fs-alg', '2027-05-21', '№ 345, 346; повторить §12', now())`,
  );
  await q(
    `INSERT INTO "SchoolEvent" (id, "schoolId", "classIds", title, date, start, "end", place, "onlineUrl", description, "updatedAt") VALUES
      ('fe-school', 'fs', '{}', 'Последний звонок', '2027-05-25', '10:00', '11:30', 'Актовый зал', null, 'Форма парадная', now()),
      ('fe-class', 'fs', '{fs-7a}', 'Родительское собрание 7А', '2027-05-27', '18:00', '19:00', null, 'https://meet.example/7a', null, now()),
      ('fe-allday', 'fs', '{fs-7a,fs-9b}', 'Экскурсия в музей', '2027-05-28', null, null, 'Краеведческий музей', null, null, now()),
      ('fe-other', 'fs', '{fs-9b}', 'Собрание 9Б', '2027-05-27', '18:00', '19:00', null, null, null, now())`,
  );
  await q(`INSERT INTO "Person" (id, locale) VALUES ('fp-mom', 'ru'), ('fp-other', 'ru'), ('fp-masha', 'en')`);
  await q(
    `INSERT INTO "StudentLink" ("personId", "studentId", role) VALUES
      ('fp-mom', 'fs-masha', 'guardian'), ('fp-other', 'fs-petya', 'guardian'), ('fp-masha', 'fs-masha', 'student')`,
  );
  for (const personId of ['fp-mom', 'fp-other', 'fp-masha']) await consented(db, personId);
}

/** A consent to the current text, as accepting it in Telegram stores it. */
export async function consented(db: Database, personId: string): Promise<void> {
  const { version, hash } = consentText('ru', 'telegram');
  await db.sql.query(
    `INSERT INTO "Consent" (id, "personId", "textVersion", "textHash", channel) VALUES ($1, $2, $3, $4, 'telegram')`,
    [`k-${personId}-${Math.random().toString(36).slice(2)}`, personId, version, hash],
  );
}

export function feedApp(db: Database, now: () => Date = () => FEED_NOW) {
  const pepper = randomBytes(32);
  const feeds: CalendarFeeds = createCalendarFeeds({
    store: createCalendarFeedStore(db),
    renderer: createIcalFeedRenderer(),
    pepper,
    now,
  });
  const app = createServer({
    logger: createLogger('silent'),
    metrics: createMetrics({ defaultMetrics: false }),
    readiness: {},
    routers: [calendarRoute(feeds)],
  });
  return { app, feeds, pepper };
}

export const accessEntries = (db: Database) =>
  db.sql.query<{ viewerId: string; studentId: string; channel: string; intent: string; viewerRole: string }>(
    `SELECT "viewerId", "studentId", channel, intent, "viewerRole" FROM "AccessLog" ORDER BY id`,
  );
