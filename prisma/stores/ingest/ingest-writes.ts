import { DEFAULT_REMINDER_DELAY_HOURS, type TWritePlan } from '../../../core/ingest';
import type { TSqlQuery } from '../../db/database';

// The whole plan is written by one statement: every non-empty part is a data-modifying CTE
// with its rows as one JSON parameter, upserted set-wise. The parts touch different rows (the
// planner keeps one final row per id), and foreign keys are checked at the end of the
// statement, so a class may refer to a school inserted beside it.
// Prisma's @updatedAt is client-side, so these writes set "updatedAt" themselves.

export async function writePlan(
  query: TSqlQuery,
  plan: TWritePlan,
  options: { withOutbox: boolean; defaultTimezone: string },
): Promise<void> {
  const params: unknown[] = [];
  const parts: string[] = [];
  const run = (rows: unknown[], sql: string, ...extra: unknown[]) => {
    if (rows.length === 0) return;
    const base = params.length;
    params.push(JSON.stringify(rows), ...extra);
    // Each part is written with $1 (its rows) and $2… (its extras); they become this statement's numbers.
    parts.push(`w${parts.length} AS (${sql.replace(/\$(\d+)/g, (_, n: string) => `$${base + Number(n)}`)})`);
  };

  // A school event without a time zone or a setting keeps the stored value (a new school takes the
  // defaults). EXCLUDED holds the defaults already, so what was sent is read back from the rows
  // themselves — a school or two per batch. `rounding` may be sent as null (back to the default),
  // so whether it was sent at all travels beside it.
  const sent = (column: string, type: string) =>
    `(SELECT g.${column} FROM jsonb_to_recordset($1::jsonb) AS g("schoolId" text, ${column} ${type}) WHERE g."schoolId" = EXCLUDED.id)`;
  run(
    plan.schools.map(({ settings, ...school }) => ({
      ...school,
      studentSelfConsent: settings?.studentSelfConsent,
      reminderDelayHours: settings?.reminderDelayHours,
      rounding: settings?.rounding ?? null,
      roundingSent: settings?.rounding !== undefined,
    })),
    `INSERT INTO "School" (id, name, timezone, "studentSelfConsent", "reminderDelayHours", rounding, "createdAt", "updatedAt")
     SELECT "schoolId", name, COALESCE(timezone, $2), COALESCE("studentSelfConsent", false), COALESCE("reminderDelayHours", $3), rounding, now(), now()
     FROM jsonb_to_recordset($1::jsonb) AS x("schoolId" text, name text, timezone text, "studentSelfConsent" boolean,
       "reminderDelayHours" int, rounding jsonb)
     ON CONFLICT (id) DO UPDATE SET name = EXCLUDED.name, "updatedAt" = now(),
       timezone = COALESCE(${sent('timezone', 'text')}, "School".timezone),
       "studentSelfConsent" = COALESCE(${sent('"studentSelfConsent"', 'boolean')}, "School"."studentSelfConsent"),
       "reminderDelayHours" = COALESCE(${sent('"reminderDelayHours"', 'int')}, "School"."reminderDelayHours"),
       rounding = CASE WHEN ${sent('"roundingSent"', 'boolean')} THEN EXCLUDED.rounding ELSE "School".rounding END`,
    options.defaultTimezone,
    DEFAULT_REMINDER_DELAY_HOURS,
  );
  // A class event without homeroomTeacherId keeps the stored one; null clears it.
  run(
    plan.classes.filter((c) => c.homeroomTeacherId !== undefined),
    `INSERT INTO "SchoolClass" (id, "schoolId", name, "homeroomTeacherId", "updatedAt")
     SELECT "classId", "schoolId", name, "homeroomTeacherId", now()
     FROM jsonb_to_recordset($1::jsonb) AS x("classId" text, "schoolId" text, name text, "homeroomTeacherId" text)
     ON CONFLICT (id) DO UPDATE SET "schoolId" = EXCLUDED."schoolId", name = EXCLUDED.name,
       "homeroomTeacherId" = EXCLUDED."homeroomTeacherId", "updatedAt" = now()`,
  );
  run(
    plan.classes.filter((c) => c.homeroomTeacherId === undefined),
    `INSERT INTO "SchoolClass" (id, "schoolId", name, "updatedAt")
     SELECT "classId", "schoolId", name, now() FROM jsonb_to_recordset($1::jsonb) AS x("classId" text, "schoolId" text, name text)
     ON CONFLICT (id) DO UPDATE SET "schoolId" = EXCLUDED."schoolId", name = EXCLUDED.name, "updatedAt" = now()`,
  );
  run(
    plan.subjects,
    `INSERT INTO "Subject" (id, "schoolId", name, "updatedAt")
     SELECT "subjectId", "schoolId", name, now() FROM jsonb_to_recordset($1::jsonb) AS x("subjectId" text, "schoolId" text, name text)
     ON CONFLICT (id) DO UPDATE SET "schoolId" = EXCLUDED."schoolId", name = EXCLUDED.name, "updatedAt" = now()`,
  );
  run(
    plan.teachers,
    `INSERT INTO "Teacher" (id, "schoolId", "lastName", "firstName", "middleName", "updatedAt")
     SELECT "teacherId", "schoolId", "lastName", "firstName", "middleName", now()
     FROM jsonb_to_recordset($1::jsonb) AS x("teacherId" text, "schoolId" text, "lastName" text, "firstName" text, "middleName" text)
     ON CONFLICT (id) DO UPDATE SET "schoolId" = EXCLUDED."schoolId", "lastName" = EXCLUDED."lastName",
       "firstName" = EXCLUDED."firstName", "middleName" = EXCLUDED."middleName", "updatedAt" = now()`,
  );
  run(
    plan.students,
    `INSERT INTO "Student" (id, "schoolId", "classId", "lastName", "firstName", "middleName", "updatedAt")
     SELECT "studentId", "schoolId", "classId", "lastName", "firstName", "middleName", now()
     FROM jsonb_to_recordset($1::jsonb) AS x("studentId" text, "schoolId" text, "classId" text, "lastName" text, "firstName" text, "middleName" text)
     ON CONFLICT (id) DO UPDATE SET "schoolId" = EXCLUDED."schoolId", "classId" = EXCLUDED."classId", "lastName" = EXCLUDED."lastName",
       "firstName" = EXCLUDED."firstName", "middleName" = EXCLUDED."middleName", "updatedAt" = now()`,
  );
  run(
    plan.lessons,
    `INSERT INTO "Lesson" (id, "classId", "subjectId", "teacherId", date, start, "end", room, topic, "isTest", cancelled, "onlineUrl", "deletedAt", "updatedAt")
     SELECT "lessonId", "classId", "subjectId", "teacherId", date::date, start, "end", room, topic, COALESCE("isTest", false),
       COALESCE(cancelled, false), "onlineUrl", CASE WHEN deleted THEN now() END, now()
     FROM jsonb_to_recordset($1::jsonb) AS x("lessonId" text, "classId" text, "subjectId" text, "teacherId" text, date text, start text,
       "end" text, room text, topic text, "isTest" boolean, cancelled boolean, "onlineUrl" text, deleted boolean)
     ON CONFLICT (id) DO UPDATE SET "classId" = EXCLUDED."classId", "subjectId" = EXCLUDED."subjectId", "teacherId" = EXCLUDED."teacherId",
       date = EXCLUDED.date, start = EXCLUDED.start, "end" = EXCLUDED."end", room = EXCLUDED.room, topic = EXCLUDED.topic,
       "isTest" = EXCLUDED."isTest", cancelled = EXCLUDED.cancelled, "onlineUrl" = EXCLUDED."onlineUrl",
       "deletedAt" = EXCLUDED."deletedAt", "updatedAt" = now()`,
  );
  run(
    plan.deletedLessonIds,
    `UPDATE "Lesson" SET "deletedAt" = now(), "updatedAt" = now() WHERE id IN (SELECT jsonb_array_elements_text($1::jsonb)) AND "deletedAt" IS NULL`,
  );
  run(
    plan.homework,
    `INSERT INTO "Homework" (id, "classId", "subjectId", "dueDate", text, "lessonId", "deletedAt", "createdAt", "updatedAt")
     SELECT "homeworkId", "classId", "subjectId", "dueDate"::date, text, "lessonId", CASE WHEN deleted THEN now() END, now(), now()
     FROM jsonb_to_recordset($1::jsonb) AS x("homeworkId" text, "classId" text, "subjectId" text, "dueDate" text, text text, "lessonId" text, deleted boolean)
     ON CONFLICT (id) DO UPDATE SET "classId" = EXCLUDED."classId", "subjectId" = EXCLUDED."subjectId", "dueDate" = EXCLUDED."dueDate",
       text = EXCLUDED.text, "lessonId" = EXCLUDED."lessonId", "deletedAt" = EXCLUDED."deletedAt", "updatedAt" = now()`,
  );
  run(
    plan.deletedHomeworkIds,
    `UPDATE "Homework" SET "deletedAt" = now(), "updatedAt" = now() WHERE id IN (SELECT jsonb_array_elements_text($1::jsonb)) AND "deletedAt" IS NULL`,
  );
  run(
    plan.grades,
    `INSERT INTO "Grade" (id, "studentId", "subjectId", date, value, weight, "lessonId", "workType", comment, "deletedAt", "createdAt", "updatedAt")
     SELECT id, "studentId", "subjectId", date::date, value, weight, "lessonId", "workType", comment, CASE WHEN deleted THEN now() END, now(), now()
     FROM jsonb_to_recordset($1::jsonb) AS x(id text, "studentId" text, "subjectId" text, date text, value text, weight int,
       "lessonId" text, "workType" text, comment text, deleted boolean)
     ON CONFLICT (id) DO UPDATE SET "studentId" = EXCLUDED."studentId", "subjectId" = EXCLUDED."subjectId", date = EXCLUDED.date,
       value = EXCLUDED.value, weight = EXCLUDED.weight, "lessonId" = EXCLUDED."lessonId", "workType" = EXCLUDED."workType",
       comment = EXCLUDED.comment, "deletedAt" = EXCLUDED."deletedAt", "updatedAt" = now()`,
  );
  run(
    plan.gradeHistory,
    `INSERT INTO "GradeHistory" ("gradeId", action, value, weight, "workType", comment, "eventId", at)
     SELECT "gradeId", action, value, weight, "workType", comment, "eventId", now()
     FROM jsonb_to_recordset($1::jsonb) AS x("gradeId" text, action text, value text, weight int, "workType" text, comment text, "eventId" text)`,
  );
  run(
    plan.periods,
    `INSERT INTO "Period" (id, "schoolId", name, kind, start, "end", "deletedAt", "updatedAt")
     SELECT "periodId", "schoolId", name, kind, start::date, "end"::date, CASE WHEN deleted THEN now() END, now()
     FROM jsonb_to_recordset($1::jsonb) AS x("periodId" text, "schoolId" text, name text, kind text, start text, "end" text, deleted boolean)
     ON CONFLICT (id) DO UPDATE SET "schoolId" = EXCLUDED."schoolId", name = EXCLUDED.name, kind = EXCLUDED.kind,
       start = EXCLUDED.start, "end" = EXCLUDED."end", "deletedAt" = EXCLUDED."deletedAt", "updatedAt" = now()`,
  );
  run(
    plan.deletedPeriodIds,
    `UPDATE "Period" SET "deletedAt" = now(), "updatedAt" = now() WHERE id IN (SELECT jsonb_array_elements_text($1::jsonb)) AND "deletedAt" IS NULL`,
  );
  run(
    plan.finalGrades,
    `INSERT INTO "FinalGrade" (id, "studentId", "subjectId", "periodId", value, comment, "deletedAt", "createdAt", "updatedAt")
     SELECT id, "studentId", "subjectId", "periodId", value, comment, CASE WHEN deleted THEN now() END, now(), now()
     FROM jsonb_to_recordset($1::jsonb) AS x(id text, "studentId" text, "subjectId" text, "periodId" text, value text, comment text, deleted boolean)
     ON CONFLICT (id) DO UPDATE SET "studentId" = EXCLUDED."studentId", "subjectId" = EXCLUDED."subjectId", "periodId" = EXCLUDED."periodId",
       value = EXCLUDED.value, comment = EXCLUDED.comment, "deletedAt" = EXCLUDED."deletedAt", "updatedAt" = now()`,
  );
  run(
    plan.attendance,
    `INSERT INTO "Attendance" ("lessonId", "studentId", status, reason, "updatedAt")
     SELECT "lessonId", "studentId", status, reason, now() FROM jsonb_to_recordset($1::jsonb) AS x("lessonId" text, "studentId" text, status text, reason text)
     ON CONFLICT ("lessonId", "studentId") DO UPDATE SET status = EXCLUDED.status, reason = EXCLUDED.reason, "updatedAt" = now()`,
  );
  run(
    plan.canteen,
    `INSERT INTO "CanteenTransaction" (id, "studentId", "amountKopecks", "balanceKopecks", at, description)
     SELECT "transactionId", "studentId", "amountKopecks", "balanceKopecks", at::timestamptz, description
     FROM jsonb_to_recordset($1::jsonb) AS x("transactionId" text, "studentId" text, "amountKopecks" int, "balanceKopecks" int, at text, description text)
     ON CONFLICT (id) DO NOTHING`,
  );
  // The balance follows the latest transaction by its own time, so a late-arriving old one does not win.
  run(
    plan.canteen,
    `INSERT INTO "CanteenBalance" ("studentId", "balanceKopecks", at)
     SELECT DISTINCT ON ("studentId") "studentId", "balanceKopecks", at::timestamptz
     FROM jsonb_to_recordset($1::jsonb) AS x("studentId" text, "balanceKopecks" int, at text)
     ORDER BY "studentId", at::timestamptz DESC
     ON CONFLICT ("studentId") DO UPDATE SET "balanceKopecks" = EXCLUDED."balanceKopecks", at = EXCLUDED.at
     WHERE "CanteenBalance".at <= EXCLUDED.at`,
  );
  run(
    plan.schoolEvents,
    `INSERT INTO "SchoolEvent" (id, "schoolId", "classIds", title, date, start, "end", place, "onlineUrl", description, "deletedAt", "updatedAt")
     SELECT "schoolEventId", "schoolId", ARRAY(SELECT jsonb_array_elements_text(coalesce("classIds", '[]'::jsonb))), title, date::date,
       start, "end", place, "onlineUrl", description, CASE WHEN deleted THEN now() END, now()
     FROM jsonb_to_recordset($1::jsonb) AS x("schoolEventId" text, "schoolId" text, "classIds" jsonb, title text, date text, start text,
       "end" text, place text, "onlineUrl" text, description text, deleted boolean)
     ON CONFLICT (id) DO UPDATE SET "schoolId" = EXCLUDED."schoolId", "classIds" = EXCLUDED."classIds", title = EXCLUDED.title,
       date = EXCLUDED.date, start = EXCLUDED.start, "end" = EXCLUDED."end", place = EXCLUDED.place, "onlineUrl" = EXCLUDED."onlineUrl",
       description = EXCLUDED.description, "deletedAt" = EXCLUDED."deletedAt", "updatedAt" = now()`,
  );
  run(
    plan.deletedSchoolEventIds,
    `UPDATE "SchoolEvent" SET "deletedAt" = now(), "updatedAt" = now() WHERE id IN (SELECT jsonb_array_elements_text($1::jsonb)) AND "deletedAt" IS NULL`,
  );
  run(
    plan.announcements,
    `INSERT INTO "Announcement" (id, "schoolId", "classIds", title, text, urgent)
     SELECT "announcementId", "schoolId", ARRAY(SELECT jsonb_array_elements_text(coalesce("classIds", '[]'::jsonb))), title, text, coalesce(urgent, false)
     FROM jsonb_to_recordset($1::jsonb) AS x("announcementId" text, "schoolId" text, "classIds" jsonb, title text, text text, urgent boolean)
     ON CONFLICT (id) DO NOTHING`,
  );
  run(
    plan.passes,
    `INSERT INTO "Pass" (id, "studentId", at, direction, place)
     SELECT "passId", "studentId", at::timestamptz, direction, place
     FROM jsonb_to_recordset($1::jsonb) AS x("passId" text, "studentId" text, at text, direction text, place text)
     ON CONFLICT (id) DO NOTHING`,
  );
  if (options.withOutbox) {
    run(
      plan.outbox,
      `INSERT INTO "Outbox" (kind, "studentId", "classId", payload, "eventId", "createdAt")
       SELECT kind, "studentId", "classId", payload, "eventId", now()
       FROM jsonb_to_recordset($1::jsonb) AS x(kind text, "studentId" text, "classId" text, payload jsonb, "eventId" text)`,
    );
  }
  if (parts.length > 0) await query(`WITH ${parts.join(',\n')}\nSELECT 1`, params);
  // After the rows: a pupil the batch itself adds is then stored, and so is the school it names.
  if (plan.passes.length > 0) {
    await query(
      `UPDATE "School" sc SET "lastPassAt" = greatest(sc."lastPassAt", x.latest)
       FROM (SELECT st."schoolId", max(p.at::timestamptz) AS latest
             FROM jsonb_to_recordset($1::jsonb) AS p("studentId" text, at text)
             JOIN "Student" st ON st.id = p."studentId" GROUP BY st."schoolId") x
       WHERE sc.id = x."schoolId"`,
      [JSON.stringify(plan.passes.map((p) => ({ studentId: p.studentId, at: p.at })))],
    );
  }
}
