import type { AccessReader, TViewerScope } from '../../../core/access';
import { reachDays } from '../../../core/access';
import { dayInZone } from '../../../core/calendar';
import type { TDiaryStudent } from '../../../core/diary';
import type { TSqlQuery } from '../../db/database';
import type { NameCache, TNames } from '../diary/name-cache';
import { activeConsentSql, type TActiveConsentRow, toActiveConsent } from './active-consent';
import { TEACHER_REACH_SQL, type TReachRow, teacherReachParams, toReachRows } from './teacher-reach-sql';

// Who may see whom, read from the links: StudentLink (guardian or the student themselves) and
// TeacherLink. Read with the chat and its consent in one statement per turn (the hot path of
// every answer); links are never cached, so a withdrawn link stops access at once. What a teacher
// may see of their pupils follows from their lessons around today, read in one more statement
// only when a teacher names a pupil (prisma/stores/access/teacher-reach-sql.ts).

type TStudentRow = { id: string; firstName: string; lastName: string; classId: string; schoolId: string };
/** A linked student with the link's role: "guardian", or "student" for the pupil themselves. */
type TLinkRow = TStudentRow & { role: string };
type TScopeRow = { locale: string; students: TLinkRow[] | string | null; teachers: string[] | string | null };
type TChatViewerRow = TScopeRow & TActiveConsentRow & { personId: string };

const asArray = <T>(value: T[] | string | null): T[] =>
  typeof value === 'string' ? (JSON.parse(value) as T[]) : (value ?? []);

/** The scope columns of person `p`: its linked students in link order and its teacher ids. */
const SCOPE_COLUMNS = `p.locale,
  (SELECT json_agg(json_build_object('id', s.id, 'firstName', s."firstName", 'lastName', s."lastName", 'classId', s."classId", 'schoolId', s."schoolId", 'role', l.role)
           ORDER BY l."createdAt", s.id)
     FROM "StudentLink" l JOIN "Student" s ON s.id = l."studentId" WHERE l."personId" = p.id) AS students,
  (SELECT json_agg(t."teacherId" ORDER BY t."teacherId") FROM "TeacherLink" t WHERE t."personId" = p.id) AS teachers`;

export function createAccessReader(query: TSqlQuery, names: NameCache, defaultZone: string): AccessReader {
  const toStudents = async (rows: TStudentRow[]): Promise<TDiaryStudent[]> => {
    const cache: TNames = await names.covering({ classes: rows.map((s) => s.classId) });
    return rows.map((s) => ({
      ...s,
      className: cache.className.get(s.classId) ?? '',
      timezone: cache.schoolZone.get(s.schoolId) ?? defaultZone,
    }));
  };

  const toScope = async (personId: string, row: TScopeRow): Promise<TViewerScope> => {
    const links = asArray<TLinkRow>(row.students);
    const linkedStudents = await toStudents(links.map(({ role: _role, ...student }) => student));
    const selfStudentIds = links.filter((l) => l.role === 'student').map((l) => l.id);
    const teacherIds = asArray(row.teachers);
    const cache = await names.get();
    const teacherZone = teacherIds.map((id) => cache.teacherZone.get(id)).find(Boolean);
    return {
      personId,
      locale: row.locale === 'en' ? 'en' : 'ru',
      timezone: linkedStudents[0]?.timezone ?? teacherZone ?? null,
      linkedStudents,
      selfStudentIds,
      teacherIds,
    };
  };

  return {
    async chatViewer(chat) {
      const [row] = await query<TChatViewerRow>(
        `SELECT c."personId", k."textVersion", k."textHash", k."acceptedAt", ${SCOPE_COLUMNS}
           FROM "Chat" c JOIN "Person" p ON p.id = c."personId"
           LEFT JOIN LATERAL (${activeConsentSql('p.id')}) k ON true
          WHERE c.channel = $1 AND c."externalId" = $2`,
        [chat.channel, chat.externalId],
      );
      if (!row) return null;
      return { consent: toActiveConsent(row), scope: await toScope(row.personId, row) };
    },

    async viewerScope(personId) {
      const [row] = await query<TScopeRow>(`SELECT ${SCOPE_COLUMNS} FROM "Person" p WHERE p.id = $1`, [personId]);
      return row ? toScope(personId, row) : null;
    },

    async teacherReach(teacherIds, now) {
      if (teacherIds.length === 0) return { students: [], grants: [] };
      const cache = await names.covering({ teachers: teacherIds });
      // Each teacher's today is their school's: a teacher of two schools may span two zones.
      const days = teacherIds.map((teacherId) => ({
        teacherId,
        ...reachDays(dayInZone(now, cache.teacherZone.get(teacherId) ?? defaultZone)),
      }));
      const [row] = await query<TReachRow>(TEACHER_REACH_SQL, teacherReachParams(days));
      const { grants, students } = toReachRows(row);
      return { grants, students: await toStudents(students) };
    },
  };
}
