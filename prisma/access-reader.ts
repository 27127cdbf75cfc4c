import type { AccessReader } from '../core/access/access-port';
import type { TDiaryStudent } from '../core/diary/diary-types';
import type { TSqlQuery } from './database';
import type { NameCache, TNames } from './name-cache';

// Who may see whom, read from the links: StudentLink (guardian or the student themselves) and
// TeacherLink → the classes that teacher has lessons with → those classes' students. One
// statement per question through the driver (the hot path of every answer); links are never
// cached, so a withdrawn link stops access at once.

type TStudentRow = { id: string; firstName: string; lastName: string; classId: string; schoolId: string };

const asArray = <T>(value: T[] | string | null): T[] => (typeof value === 'string' ? (JSON.parse(value) as T[]) : (value ?? []));

export function createAccessReader(query: TSqlQuery, names: NameCache, defaultZone: string): AccessReader {
  const toStudents = async (rows: TStudentRow[]): Promise<TDiaryStudent[]> => {
    const cache: TNames = await names.covering({ classes: rows.map((s) => s.classId) });
    return rows.map((s) => ({ ...s, className: cache.className.get(s.classId) ?? '', timezone: cache.schoolZone.get(s.schoolId) ?? defaultZone }));
  };

  return {
    async viewerScope(personId) {
      const [person] = await query<{ locale: string; students: TStudentRow[] | string | null; teachers: string[] | string | null }>(
        `SELECT p.locale,
                (SELECT json_agg(json_build_object('id', s.id, 'firstName', s."firstName", 'lastName', s."lastName", 'classId', s."classId", 'schoolId', s."schoolId")
                         ORDER BY l."createdAt", s.id)
                   FROM "StudentLink" l JOIN "Student" s ON s.id = l."studentId" WHERE l."personId" = p.id) AS students,
                (SELECT json_agg(t."teacherId" ORDER BY t."teacherId") FROM "TeacherLink" t WHERE t."personId" = p.id) AS teachers
           FROM "Person" p WHERE p.id = $1`,
        [personId],
      );
      if (!person) return null;
      const linkedStudents = await toStudents(asArray(person.students));
      const teacherIds = asArray(person.teachers);
      const names0 = await names.get();
      const teacherZone = teacherIds.map((id) => names0.teacherZone.get(id)).find(Boolean);
      return {
        personId,
        locale: person.locale === 'en' ? 'en' : 'ru',
        timezone: linkedStudents[0]?.timezone ?? teacherZone ?? null,
        linkedStudents,
        teacherIds,
      };
    },

    async taughtStudents(teacherIds) {
      if (teacherIds.length === 0) return [];
      const cache = await names.get();
      const classIds = [...new Set(teacherIds.flatMap((id) => cache.teacherClasses.get(id) ?? []))];
      if (classIds.length === 0) return [];
      const rows = await query<TStudentRow>(
        `SELECT id, "firstName", "lastName", "classId", "schoolId" FROM "Student"
          WHERE "classId" IN (SELECT jsonb_array_elements_text($1::jsonb)) ORDER BY "classId", "lastName", id`,
        [JSON.stringify(classIds)],
      );
      return toStudents(rows);
    },
  };
}
