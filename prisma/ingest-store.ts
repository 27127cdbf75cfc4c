import type { IngestStore, IngestTransaction } from '../core/ingest/ingest-port';
import type { TEntityKind, TStoredGrade, TStoredHomework, TStoredLesson } from '../core/ingest/ingest-types';
import type { TWritePlan } from '../core/ingest/plan-batch';
import type { RawSql, TSqlQuery } from './database';
import { writePlan } from './ingest-writes';

// Ingestion is bulk work: each step is one set-based statement whose rows travel as a single
// JSON parameter (jsonb_to_recordset), so a batch of 500 events costs a handful of round trips
// and the same SQL runs on PostgreSQL and PGlite. It talks to the driver directly: through
// Prisma's raw queries the same batch took several times longer.

const TABLE_BY_KIND: Record<TEntityKind, string> = {
  school: '"School"',
  class: '"SchoolClass"',
  subject: '"Subject"',
  teacher: '"Teacher"',
  student: '"Student"',
  lesson: '"Lesson"',
  homework: '"Homework"',
  grade: '"Grade"',
};

// Deleted lessons/homework/grades can still be referred to (a late attendance mark, a delete
// repeated by the school system), so existence does not look at deletedAt.
const IDS = `(SELECT jsonb_array_elements_text($1::jsonb))`;

export function createIngestStore(sql: RawSql): IngestStore {
  return { transaction: (work) => sql.transaction((query) => work(createIngestTransaction(query))) };
}

function createIngestTransaction(query: TSqlQuery): IngestTransaction {
  const rows = <T>(sql: string, ...params: unknown[]) => query<T>(sql, params);
  return {
    async claimEvents(events) {
      if (events.length === 0) return new Set();
      const inserted = await rows<{ id: string }>(
        `INSERT INTO "IngestEvent" (id, type, "receivedAt")
         SELECT id, type, now() FROM jsonb_to_recordset($1::jsonb) AS x(id text, type text)
         ON CONFLICT (id) DO NOTHING RETURNING id`,
        JSON.stringify(events),
      );
      return new Set(inserted.map((r) => r.id));
    },

    async findKnownIds(kind, ids) {
      if (ids.length === 0) return new Set();
      const found = await rows<{ id: string }>(`SELECT id FROM ${TABLE_BY_KIND[kind]} WHERE id IN ${IDS}`, JSON.stringify(ids));
      return new Set(found.map((r) => r.id));
    },

    async loadGrades(ids) {
      if (ids.length === 0) return new Map();
      const found = await rows<Omit<TStoredGrade, 'deleted'> & { deletedAt: Date | null }>(
        `SELECT id, "studentId", "subjectId", date::text AS date, value, weight, "lessonId", "workType", comment, "deletedAt"
         FROM "Grade" WHERE id IN ${IDS}`,
        JSON.stringify(ids),
      );
      return new Map(found.map(({ deletedAt, ...g }) => [g.id, { ...g, weight: Number(g.weight), deleted: deletedAt !== null }]));
    },

    async loadLessons(ids) {
      if (ids.length === 0) return new Map();
      const found = await rows<Omit<TStoredLesson, 'deleted'> & { deletedAt: Date | null }>(
        `SELECT id, "classId", "subjectId", date::text AS date, start, "end", cancelled, "deletedAt" FROM "Lesson" WHERE id IN ${IDS}`,
        JSON.stringify(ids),
      );
      return new Map(found.map(({ deletedAt, ...l }) => [l.id, { ...l, deleted: deletedAt !== null }]));
    },

    async loadHomework(ids) {
      if (ids.length === 0) return new Map();
      const found = await rows<Omit<TStoredHomework, 'deleted'> & { deletedAt: Date | null }>(
        `SELECT id, "classId", "subjectId", "dueDate"::text AS "dueDate", text, "deletedAt" FROM "Homework" WHERE id IN ${IDS}`,
        JSON.stringify(ids),
      );
      return new Map(found.map(({ deletedAt, ...h }) => [h.id, { ...h, deleted: deletedAt !== null }]));
    },

    async loadCanteenTransactionIds(ids) {
      if (ids.length === 0) return new Set();
      const found = await rows<{ id: string }>(`SELECT id FROM "CanteenTransaction" WHERE id IN ${IDS}`, JSON.stringify(ids));
      return new Set(found.map((r) => r.id));
    },

    write: (plan: TWritePlan, options) => writePlan(query, plan, options),
  };
}
