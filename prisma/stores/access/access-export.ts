import type { PrismaClient } from '../../generated/client';

// The part of "/export" that says who saw the person's linked children's data (152-ФЗ art. 14:
// to whom the data was disclosed). Each access-log entry of those students is given with its
// time, channel, what was asked and the viewer's role. School staff are named — a teacher sees
// a pupil in their work, and the family may know who — but nobody else is: another parent, or
// the pupil, is only their role, and the person's own looks are marked as theirs.

export interface TExportedAccess {
  at: string;
  studentId: string;
  channel: string;
  intent: string;
  /** "guardian" | "student" | "teacher" | "operator"; null for entries written before roles were recorded. */
  viewerRole: string | null;
  /** The person exporting looked themselves. */
  byYou: boolean;
  /** A teacher's full name while their teacher link exists; null for every other viewer. */
  teacherName: string | null;
}

const fullName = (t: { lastName: string; firstName: string; middleName: string | null }) =>
  [t.lastName, t.firstName, t.middleName].filter(Boolean).join(' ');

export async function accessesToStudents(
  prisma: PrismaClient,
  personId: string,
  students: readonly { id: string; schoolId: string }[],
): Promise<TExportedAccess[]> {
  if (students.length === 0) return [];
  const entries = await prisma.accessLog.findMany({
    where: { studentId: { in: students.map((s) => s.id) } },
    orderBy: [{ at: 'desc' }, { id: 'desc' }],
  });
  const teacherViewers = [...new Set(entries.filter((e) => e.viewerRole === 'teacher').map((e) => e.viewerId))];
  const links =
    teacherViewers.length > 0
      ? await prisma.teacherLink.findMany({ where: { personId: { in: teacherViewers } }, include: { teacher: true } })
      : [];
  const schoolOf = new Map(students.map((s) => [s.id, s.schoolId]));
  // A person may teach in two schools: the name is the one of the pupil's school.
  const teacherName = (viewerId: string, studentId: string): string | null => {
    const own = links.filter((l) => l.personId === viewerId);
    const found = own.find((l) => l.teacher.schoolId === schoolOf.get(studentId)) ?? own[0];
    return found ? fullName(found.teacher) : null;
  };
  return entries.map((e) => ({
    at: e.at.toISOString(),
    studentId: e.studentId,
    channel: e.channel,
    intent: e.intent,
    viewerRole: e.viewerRole,
    byYou: e.viewerId === personId,
    teacherName: e.viewerRole === 'teacher' ? teacherName(e.viewerId, e.studentId) : null,
  }));
}
