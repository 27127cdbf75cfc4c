import type { CalendarFeedStore, TFeedHead, TFeedRows, TFeedWindow } from '../../../core/calendar-feed';
import type { Database } from '../../db/database';
import { toDate } from '../../db/sql-values';
import { activeConsentSql } from '../access/active-consent';

// CalendarFeed over the raw driver: a calendar app polls every feed every few hours, so a fetch
// is at most three prepared statements — find the feed and log the read (one statement, so no
// path finds a feed without its access-log entry), the version, and only when that changed, the rows.

// The feed counts only while its person is still linked to the child — a link removed (a guardian
// unlinked, a pupil moved out) closes the feed at once, without touching CalendarFeed — and has
// accepted the consent text in force: after a change of the text the feed pauses until they accept.
const OPEN = `WITH feed AS (
    SELECT f.id AS "feedId", f."personId", f."studentId", l.role, s."firstName", s."classId", s."schoolId",
      sc.timezone, p.locale
    FROM "CalendarFeed" f
    JOIN "StudentLink" l ON l."personId" = f."personId" AND l."studentId" = f."studentId"
    JOIN "Student" s ON s.id = f."studentId"
    JOIN "School" sc ON sc.id = s."schoolId"
    JOIN "Person" p ON p.id = f."personId"
    JOIN LATERAL (${activeConsentSql('f."personId"')}) k ON true
    WHERE f."tokenHash" = $1 AND k."textVersion" = $5 AND k."textHash" = ANY($6::text[])
  ), logged AS (
    INSERT INTO "AccessLog" ("viewerId", "studentId", channel, intent, "viewerRole", "at")
    SELECT "personId", "studentId", $2, $3, role, $4::timestamptz FROM feed
  )
  SELECT * FROM feed`;

// An event is the child's when it names their class or no class (the whole school).
const EVENT_SCOPE = `"schoolId" = $4 AND date BETWEEN $2::date AND $3::date AND (cardinality("classIds") = 0 OR $1 = ANY("classIds"))`;

// One pass over each table's rows in the window: deleted rows count in the latest change (a soft
// delete bumps updatedAt) and out of the counts (a row gone entirely changes a count). Subjects
// count for their names; the school's zone is in the ETag itself (core/calendar-feed).
const VERSION = `WITH l AS (
    SELECT count(*) FILTER (WHERE "deletedAt" IS NULL) AS n, max("updatedAt") AS at
    FROM "Lesson" WHERE "classId" = $1 AND date BETWEEN $2::date AND $3::date
  ), h AS (
    SELECT count(*) FILTER (WHERE "deletedAt" IS NULL) AS n, max("updatedAt") AS at
    FROM "Homework" WHERE "classId" = $1 AND "dueDate" BETWEEN $2::date AND $3::date
  ), e AS (
    SELECT count(*) FILTER (WHERE "deletedAt" IS NULL) AS n, max("updatedAt") AS at
    FROM "SchoolEvent" WHERE ${EVENT_SCOPE}
  )
  SELECT l.n || '.' || h.n || '.' || e.n AS tag,
    greatest(l.at, h.at, e.at, (SELECT max("updatedAt") FROM "Subject" WHERE "schoolId" = $4)) AS "lastModified"
  FROM l, h, e`;

const ROWS = `SELECT
    (SELECT coalesce(json_agg(l ORDER BY l.date, l.start), '[]') FROM (
      SELECT l.id, to_char(l.date, 'YYYY-MM-DD') AS date, l.start, l."end", s.name AS subject, l.room, l.topic,
        l."isTest", l.cancelled, l."onlineUrl"
      FROM "Lesson" l JOIN "Subject" s ON s.id = l."subjectId"
      WHERE l."classId" = $1 AND l.date BETWEEN $2::date AND $3::date AND l."deletedAt" IS NULL) l) AS lessons,
    (SELECT coalesce(json_agg(h ORDER BY h."dueDate"), '[]') FROM (
      SELECT h.id, to_char(h."dueDate", 'YYYY-MM-DD') AS "dueDate", s.name AS subject, h.text
      FROM "Homework" h JOIN "Subject" s ON s.id = h."subjectId"
      WHERE h."classId" = $1 AND h."dueDate" BETWEEN $2::date AND $3::date AND h."deletedAt" IS NULL) h) AS homework,
    (SELECT coalesce(json_agg(e ORDER BY e.date), '[]') FROM (
      SELECT id, to_char(date, 'YYYY-MM-DD') AS date, start, "end", title, place, "onlineUrl", description
      FROM "SchoolEvent" WHERE ${EVENT_SCOPE} AND "deletedAt" IS NULL) e) AS events`;

// Only a child linked to the person gets a feed; a second issue replaces the token in place.
const ISSUE = `INSERT INTO "CalendarFeed" (id, "personId", "studentId", "tokenHash")
    SELECT 'cf' || md5(random()::text || clock_timestamp()::text || i.sid), $1, i.sid, i.hash
    FROM unnest($2::text[], $3::text[]) AS i(sid, hash)
    JOIN "StudentLink" l ON l."personId" = $1 AND l."studentId" = i.sid
  ON CONFLICT ("personId", "studentId") DO UPDATE SET "tokenHash" = EXCLUDED."tokenHash", "createdAt" = now()
  RETURNING "studentId"`;

type TJson<T> = T | string;
const parsed = <T>(value: TJson<T>): T => (typeof value === 'string' ? (JSON.parse(value) as T) : value);

export function createCalendarFeedStore(db: Database): CalendarFeedStore {
  const { sql } = db;
  const scope = (head: TFeedHead, window: TFeedWindow) => [head.classId, window.from, window.to, head.schoolId];
  return {
    async open(tokenHash, entry, consent) {
      const [row] = await sql.prepared<Omit<TFeedHead, 'locale'> & { locale: string }>(OPEN, [
        tokenHash,
        entry.channel,
        entry.intent,
        entry.at.toISOString(),
        consent.version,
        consent.hashes,
      ]);
      if (!row) return null;
      return { ...row, locale: row.locale === 'en' ? 'en' : 'ru' };
    },

    async version(head, window) {
      const [row] = await sql.prepared<{ tag: string; lastModified: Date | string | null }>(
        VERSION,
        scope(head, window),
      );
      // A feed with nothing in it yet: the Unix epoch, so the first lesson makes it newer.
      return { lastModified: row.lastModified ? toDate(row.lastModified) : new Date(0), tag: row.tag };
    },

    async rows(head, window) {
      const [row] = await sql.prepared<{ [K in keyof TFeedRows]: TJson<TFeedRows[K]> }>(ROWS, scope(head, window));
      return { lessons: parsed(row.lessons), homework: parsed(row.homework), events: parsed(row.events) };
    },

    async feedsOf(personId) {
      const rows = await sql.prepared<{ studentId: string }>(
        `SELECT f."studentId" FROM "CalendarFeed" f JOIN "StudentLink" l ON l."personId" = f."personId" AND l."studentId" = f."studentId" WHERE f."personId" = $1`,
        [personId],
      );
      return rows.map((r) => r.studentId);
    },

    async issue(personId, feeds) {
      if (feeds.length === 0) return [];
      const rows = await sql.query<{ studentId: string }>(ISSUE, [
        personId,
        feeds.map((f) => f.studentId),
        feeds.map((f) => f.tokenHash),
      ]);
      return rows.map((r) => r.studentId);
    },

    async revoke(personId) {
      const rows = await sql.query(`DELETE FROM "CalendarFeed" WHERE "personId" = $1 RETURNING 1`, [personId]);
      return rows.length;
    },
  };
}
