import type { RosterReader, TRosterFilter, TRosterKind } from '../../../core/roster';
import type { Database } from '../../db/database';
import type { Prisma } from '../../generated/client';

// The roster for `dnevnik list` and for "did you mean": read rarely, by the operator, so plain
// Prisma queries. Rows come sorted as a person reads them: "5А" before "10Б", surnames in order.

const collator = new Intl.Collator('ru', { numeric: true });
const byKeys =
  <T>(...keys: ((row: T) => string)[]) =>
  (a: T, b: T) => {
    for (const key of keys) {
      const order = collator.compare(key(a), key(b));
      if (order !== 0) return order;
    }
    return 0;
  };

const fullName = (p: { lastName: string; firstName: string; middleName: string | null }) =>
  [p.lastName, p.firstName, p.middleName].filter(Boolean).join(' ');

export function createRosterStore(db: Database): RosterReader {
  const { prisma } = db;

  function personWhere({ schoolId, classId }: TRosterFilter): Prisma.PersonWhereInput {
    const and: Prisma.PersonWhereInput[] = [];
    if (schoolId)
      and.push({
        OR: [
          { studentLinks: { some: { student: { schoolId } } } },
          { teacherLinks: { some: { teacher: { schoolId } } } },
        ],
      });
    if (classId) and.push({ studentLinks: { some: { student: { classId } } } });
    return { AND: and };
  }

  async function teacherWhere({ schoolId, classId }: TRosterFilter): Promise<Prisma.TeacherWhereInput> {
    if (!classId) return { schoolId };
    const homeroom = (
      await prisma.schoolClass.findUnique({ where: { id: classId }, select: { homeroomTeacherId: true } })
    )?.homeroomTeacherId;
    return {
      schoolId,
      OR: [{ lessons: { some: { classId, deletedAt: null } } }, ...(homeroom ? [{ id: homeroom }] : [])],
    };
  }

  const idsOf: Record<TRosterKind, () => Promise<{ id: string }[]>> = {
    school: () => prisma.school.findMany({ select: { id: true } }),
    class: () => prisma.schoolClass.findMany({ select: { id: true } }),
    student: () => prisma.student.findMany({ select: { id: true } }),
    teacher: () => prisma.teacher.findMany({ select: { id: true } }),
    person: () => prisma.person.findMany({ select: { id: true } }),
  };

  const findOne: Record<TRosterKind, (id: string) => Promise<unknown>> = {
    school: (id) => prisma.school.findUnique({ where: { id }, select: { id: true } }),
    class: (id) => prisma.schoolClass.findUnique({ where: { id }, select: { id: true } }),
    student: (id) => prisma.student.findUnique({ where: { id }, select: { id: true } }),
    teacher: (id) => prisma.teacher.findUnique({ where: { id }, select: { id: true } }),
    person: (id) => prisma.person.findUnique({ where: { id }, select: { id: true } }),
  };

  return {
    async schools({ schoolId }) {
      const rows = await prisma.school.findMany({
        where: { id: schoolId },
        select: {
          id: true,
          name: true,
          timezone: true,
          _count: { select: { classes: true, students: true, teachers: true } },
        },
      });
      return rows.map((s) => ({ id: s.id, name: s.name, timezone: s.timezone, ...s._count })).sort(byKeys((s) => s.id));
    },

    async classes({ schoolId }) {
      const rows = await prisma.schoolClass.findMany({
        where: { schoolId },
        select: {
          id: true,
          schoolId: true,
          name: true,
          homeroomTeacherId: true,
          _count: { select: { students: true } },
        },
      });
      return rows
        .map(({ _count, ...c }) => ({ ...c, students: _count.students }))
        .sort(
          byKeys(
            (c) => c.schoolId,
            (c) => c.name,
            (c) => c.id,
          ),
        );
    },

    async students({ schoolId, classId }) {
      const rows = await prisma.student.findMany({
        where: { schoolId, classId },
        select: {
          id: true,
          schoolId: true,
          classId: true,
          lastName: true,
          firstName: true,
          middleName: true,
          schoolClass: { select: { name: true } },
        },
      });
      return rows
        .map((s) => ({
          id: s.id,
          schoolId: s.schoolId,
          classId: s.classId,
          className: s.schoolClass.name,
          name: fullName(s),
        }))
        .sort(
          byKeys(
            (s) => s.schoolId,
            (s) => s.className,
            (s) => s.name,
            (s) => s.id,
          ),
        );
    },

    async teachers(filter) {
      const rows = await prisma.teacher.findMany({
        where: await teacherWhere(filter),
        select: {
          id: true,
          schoolId: true,
          lastName: true,
          firstName: true,
          middleName: true,
          _count: { select: { links: true } },
        },
      });
      return rows
        .map((t) => ({ id: t.id, schoolId: t.schoolId, name: fullName(t), linked: t._count.links }))
        .sort(
          byKeys(
            (t) => t.schoolId,
            (t) => t.name,
            (t) => t.id,
          ),
        );
    },

    async people(filter) {
      const rows = await prisma.person.findMany({
        where: personWhere(filter),
        select: {
          id: true,
          createdAt: true,
          studentLinks: { select: { role: true } },
          teacherLinks: { select: { teacherId: true } },
          chats: { select: { channel: true } },
        },
        orderBy: [{ createdAt: 'asc' }, { id: 'asc' }],
      });
      return rows.map((p) => ({
        id: p.id,
        roles: [
          ...new Set([...p.studentLinks.map((l) => l.role), ...(p.teacherLinks.length > 0 ? ['teacher'] : [])]),
        ].sort(),
        students: p.studentLinks.length,
        teacherIds: p.teacherLinks.map((l) => l.teacherId).sort(collator.compare),
        channels: [...new Set(p.chats.map((c) => c.channel))].sort(),
        createdAt: p.createdAt,
      }));
    },

    exists: async (kind, id) => (await findOne[kind](id)) !== null,

    ids: async (kind) => (await idsOf[kind]()).map((r) => r.id),
  };
}
