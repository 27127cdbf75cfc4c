import {
  attendanceKey,
  type IngestStore,
  type IngestTransaction,
  type TAttendanceKey,
  type TEntityKind,
  type TLookupRequest,
  type TLookupResult,
  type TStoredFinalGrade,
  type TStoredGrade,
  type TStoredHomework,
  type TStoredLesson,
  type TStoredPeriod,
  type TStoredSchoolEvent,
  type TWritePlan,
} from '../../../core/ingest';
import type { Database, TSqlQuery } from '../../db/database';
import { writePlan } from './ingest-writes';

// Ingestion is bulk work: each step is one set-based statement whose rows travel as JSON
// parameters (jsonb_to_recordset), so a batch of 500 events costs four round trips (BEGIN,
// lookup, write, COMMIT) and the same SQL runs on PostgreSQL and PGlite. It talks to the driver
// directly: through Prisma's raw queries the same batch took several times longer.

// Each kind's rows with the school they belong to; `$ids` is where the wanted ids go.
const OWNERS_BY_KIND: Record<TEntityKind, string> = {
  school: `SELECT id, id AS school FROM "School" WHERE id IN $ids`,
  class: `SELECT id, "schoolId" AS school FROM "SchoolClass" WHERE id IN $ids`,
  subject: `SELECT id, "schoolId" AS school FROM "Subject" WHERE id IN $ids`,
  teacher: `SELECT id, "schoolId" AS school FROM "Teacher" WHERE id IN $ids`,
  student: `SELECT id, "schoolId" AS school FROM "Student" WHERE id IN $ids`,
  lesson: `SELECT l.id, c."schoolId" AS school FROM "Lesson" l JOIN "SchoolClass" c ON c.id = l."classId" WHERE l.id IN $ids`,
  homework: `SELECT h.id, c."schoolId" AS school FROM "Homework" h JOIN "SchoolClass" c ON c.id = h."classId" WHERE h.id IN $ids`,
  grade: `SELECT g.id, s."schoolId" AS school FROM "Grade" g JOIN "Student" s ON s.id = g."studentId" WHERE g.id IN $ids`,
  canteen: `SELECT t.id, s."schoolId" AS school FROM "CanteenTransaction" t JOIN "Student" s ON s.id = t."studentId" WHERE t.id IN $ids`,
  period: `SELECT id, "schoolId" AS school FROM "Period" WHERE id IN $ids`,
  // A final grade is of its period's school: a pupil may change schools, a period may not.
  final_grade: `SELECT f.id, p."schoolId" AS school FROM "FinalGrade" f JOIN "Period" p ON p.id = f."periodId" WHERE f.id IN $ids`,
  pass: `SELECT p.id, s."schoolId" AS school FROM "Pass" p JOIN "Student" s ON s.id = p."studentId" WHERE p.id IN $ids`,
  school_event: `SELECT id, "schoolId" AS school FROM "SchoolEvent" WHERE id IN $ids`,
  announcement: `SELECT id, "schoolId" AS school FROM "Announcement" WHERE id IN $ids`,
};

export function createIngestStore(db: Database): IngestStore {
  const { sql } = db;
  return { transaction: (work) => sql.transaction((query) => work(createIngestTransaction(query))) };
}

function createIngestTransaction(query: TSqlQuery): IngestTransaction {
  return {
    lookup: (request) => lookup(query, request),
    write: (plan: TWritePlan, options) => writePlan(query, plan, options),
  };
}

type TLookupRow = Record<string, unknown[] | Record<string, string> | null>;

/**
 * The claim, the reference checks and the current rows in one statement: each part is a
 * column holding a JSON array. Deleted rows still count as existing (a late attendance mark or
 * a repeated delete may refer to them), so existence does not look at deletedAt.
 */
async function lookup(query: TSqlQuery, request: TLookupRequest): Promise<TLookupResult> {
  const params: unknown[] = [];
  const param = (value: unknown[]) => {
    params.push(JSON.stringify(value));
    return `$${params.length}::jsonb`;
  };
  const ids = (value: string[]) => `(SELECT jsonb_array_elements_text(${param(value)}))`;
  const columns: string[] = [];
  let claim = '';
  if (request.claim.length > 0) {
    claim = `WITH claimed AS (
      INSERT INTO "IngestEvent" (id, type, "receivedAt")
      SELECT id, type, now() FROM jsonb_to_recordset(${param(request.claim)}) AS x(id text, type text)
      ON CONFLICT (id) DO NOTHING RETURNING id) `;
    columns.push(`(SELECT json_agg(id) FROM claimed) AS claimed`);
  }
  for (const [kind, wanted] of request.references) {
    if (wanted.length > 0)
      columns.push(
        `(SELECT json_object_agg(o.id, o.school) FROM (${OWNERS_BY_KIND[kind].replace('$ids', () => ids(wanted))}) o) AS "known_${kind}"`,
      );
  }
  if (request.gradeIds.length > 0) {
    columns.push(`(SELECT json_agg(g) FROM (SELECT id, "studentId", "subjectId", date::text AS date, value, weight, "lessonId", "workType", comment,
      "deletedAt" IS NOT NULL AS deleted FROM "Grade" WHERE id IN ${ids(request.gradeIds)}) g) AS grades`);
  }
  if (request.lessonIds.length > 0) {
    columns.push(`(SELECT json_agg(l) FROM (SELECT id, "classId", "subjectId", date::text AS date, start, "end", cancelled, "isTest",
      "deletedAt" IS NOT NULL AS deleted FROM "Lesson" WHERE id IN ${ids(request.lessonIds)}) l) AS lessons`);
  }
  if (request.homeworkIds.length > 0) {
    columns.push(`(SELECT json_agg(h) FROM (SELECT id, "classId", "subjectId", "dueDate"::text AS "dueDate", text,
      "deletedAt" IS NOT NULL AS deleted FROM "Homework" WHERE id IN ${ids(request.homeworkIds)}) h) AS homework`);
  }
  if (request.finalGradeIds.length > 0 || request.finalGradeSlots.length > 0) {
    columns.push(`(SELECT json_agg(f) FROM (SELECT id, "studentId", "subjectId", "periodId", value, comment, "deletedAt" IS NOT NULL AS deleted
      FROM "FinalGrade" WHERE id IN ${ids(request.finalGradeIds)}
        OR ("deletedAt" IS NULL AND ("studentId", "subjectId", "periodId") IN
          (SELECT * FROM jsonb_to_recordset(${param(request.finalGradeSlots)}) AS s("studentId" text, "subjectId" text, "periodId" text)))) f) AS "finalGrades"`);
  }
  if (request.periodSchoolIds.length > 0) {
    columns.push(`(SELECT json_agg(p) FROM (SELECT id, "schoolId", kind, start::text AS start, "end"::text AS "end"
      FROM "Period" WHERE "schoolId" IN ${ids(request.periodSchoolIds)} AND "deletedAt" IS NULL) p) AS periods`);
  }
  if (request.canteenTransactionIds.length > 0) {
    columns.push(
      `(SELECT json_agg(id) FROM "CanteenTransaction" WHERE id IN ${ids(request.canteenTransactionIds)}) AS canteen`,
    );
  }
  if (request.schoolEventIds.length > 0) {
    columns.push(`(SELECT json_agg(e) FROM (SELECT id, "schoolId", "classIds", title, date::text AS date, start, place, "onlineUrl",
      "deletedAt" IS NOT NULL AS deleted FROM "SchoolEvent" WHERE id IN ${ids(request.schoolEventIds)}) e) AS "schoolEvents"`);
  }
  if (request.announcementIds.length > 0) {
    columns.push(
      `(SELECT json_agg(id) FROM "Announcement" WHERE id IN ${ids(request.announcementIds)}) AS announcements`,
    );
  }
  if (request.passIds.length > 0) {
    columns.push(`(SELECT json_agg(id) FROM "Pass" WHERE id IN ${ids(request.passIds)}) AS passes`);
  }
  if (request.attendanceKeys.length > 0) {
    columns.push(`(SELECT json_agg(a) FROM (SELECT a."lessonId", a."studentId", a.status FROM "Attendance" a
      JOIN jsonb_to_recordset(${param(request.attendanceKeys)}) AS k("lessonId" text, "studentId" text)
        ON k."lessonId" = a."lessonId" AND k."studentId" = a."studentId") a) AS attendance`);
  }
  const row: TLookupRow =
    columns.length > 0 ? (await query<TLookupRow>(`${claim}SELECT ${columns.join(', ')}`, params))[0] : {};
  const list = <T>(name: string) => (row[name] ?? []) as T[];

  const known = new Map<TEntityKind, Map<string, string>>();
  for (const kind of request.references.keys())
    known.set(kind, new Map(Object.entries((row[`known_${kind}`] ?? {}) as Record<string, string>)));
  return {
    claimed: new Set(list<string>('claimed')),
    known,
    existing: {
      grades: new Map(list<TStoredGrade>('grades').map((g) => [g.id, g])),
      lessons: new Map(list<TStoredLesson>('lessons').map((l) => [l.id, l])),
      homework: new Map(list<TStoredHomework>('homework').map((h) => [h.id, h])),
      canteenTransactionIds: new Set(list<string>('canteen')),
      passIds: new Set(list<string>('passes')),
      schoolEvents: new Map(list<TStoredSchoolEvent>('schoolEvents').map((e) => [e.id, e])),
      announcementIds: new Set(list<string>('announcements')),
      attendance: new Map(
        list<TAttendanceKey & { status: 'present' | 'absent' | 'late' }>('attendance').map((a) => [
          attendanceKey(a),
          a.status,
        ]),
      ),
      finalGrades: new Map(list<TStoredFinalGrade>('finalGrades').map((f) => [f.id, f])),
      periods: list<TStoredPeriod>('periods'),
    },
  };
}
