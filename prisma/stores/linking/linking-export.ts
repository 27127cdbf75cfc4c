import type { PrismaClient } from '../../generated/client';
import { accessesToStudents } from '../access/access-export';

// "/export": everything stored about a person, as plain JSON (152-ФЗ art. 14: the person may
// learn what is processed about them). Diary data of the linked students is the school's, so
// only the links to it are listed, with the names the person already knows, and who saw it
// (prisma/stores/access/access-export.ts).

export async function exportPerson(prisma: PrismaClient, personId: string): Promise<Record<string, unknown> | null> {
  const person = await prisma.person.findUnique({
    where: { id: personId },
    include: {
      chats: { orderBy: { createdAt: 'asc' } },
      studentLinks: { include: { student: { include: { schoolClass: true } } }, orderBy: { createdAt: 'asc' } },
      teacherLinks: { include: { teacher: true }, orderBy: { createdAt: 'asc' } },
      consents: { orderBy: { acceptedAt: 'asc' } },
      subscriptions: { orderBy: [{ studentId: 'asc' }, { type: 'asc' }] },
      calendarFeeds: { orderBy: { createdAt: 'asc' } },
    },
  });
  if (!person) return null;
  const seenBy = await accessesToStudents(
    prisma,
    personId,
    person.studentLinks.map((l) => l.student),
  );
  return {
    exportedAt: new Date().toISOString(),
    person: { id: person.id, locale: person.locale, createdAt: person.createdAt.toISOString() },
    chats: person.chats.map((c) => ({
      channel: c.channel,
      externalId: c.externalId,
      locale: c.locale,
      active: c.active,
      createdAt: c.createdAt.toISOString(),
    })),
    students: person.studentLinks.map((l) => ({
      studentId: l.studentId,
      role: l.role,
      firstName: l.student.firstName,
      lastName: l.student.lastName,
      className: l.student.schoolClass.name,
      linkedAt: l.createdAt.toISOString(),
    })),
    teachers: person.teacherLinks.map((l) => ({
      teacherId: l.teacherId,
      firstName: l.teacher.firstName,
      lastName: l.teacher.lastName,
      linkedAt: l.createdAt.toISOString(),
    })),
    consents: person.consents.map((c) => ({
      textVersion: c.textVersion,
      textHash: c.textHash,
      channel: c.channel,
      scope: c.scope,
      acceptedAt: c.acceptedAt.toISOString(),
      withdrawnAt: c.withdrawnAt?.toISOString() ?? null,
    })),
    subscriptions: person.subscriptions.map((s) => ({
      studentId: s.studentId,
      type: s.type,
      enabled: s.enabled,
      mode: s.mode,
      digestTime: s.digestTime,
      quietFrom: s.quietFrom,
      quietTo: s.quietTo,
      thresholdKopecks: s.thresholdKopecks,
    })),
    // The feeds that exist, not their tokens: only a token's HMAC is stored.
    calendarFeeds: person.calendarFeeds.map((f) => ({ studentId: f.studentId, createdAt: f.createdAt.toISOString() })),
    seenBy,
  };
}
