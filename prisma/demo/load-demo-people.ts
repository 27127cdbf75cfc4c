import { createHash } from 'node:crypto';
import type { PrismaClient } from '../generated/client';
import { demoPeople } from './people';

// The demo school's people as real Person rows with their links and an accepted consent, so
// the playground and `dnevnik ask --user demo-guardian-1` go through the same access checks
// as a linked Telegram user. Ids are stable (`demo-<key>`); running it again changes nothing.

const CONSENT_VERSION = 'demo-1';
const CONSENT_TEXT = 'Демонстрационная школа: вымышленные люди, согласие принято для игровой площадки.';

export const demoPersonId = (key: string) => `demo-${key}`;

export async function loadDemoPeople(prisma: PrismaClient): Promise<{ people: number }> {
  const people = demoPeople();
  const textHash = createHash('sha256').update(CONSENT_TEXT).digest('hex');
  await prisma.$transaction(async (tx) => {
    const ids = people.map((p) => demoPersonId(p.key));
    await tx.person.createMany({ data: ids.map((id) => ({ id, locale: 'ru' })), skipDuplicates: true });
    await tx.studentLink.createMany({
      data: people.flatMap((p) =>
        p.studentIds.map((studentId) => ({
          personId: demoPersonId(p.key),
          studentId,
          role: p.role === 'student' ? 'student' : 'guardian',
        })),
      ),
      skipDuplicates: true,
    });
    await tx.teacherLink.createMany({
      data: people.filter((p) => p.teacherId).map((p) => ({ personId: demoPersonId(p.key), teacherId: p.teacherId! })),
      skipDuplicates: true,
    });
    const consented = await tx.consent.findMany({
      where: { personId: { in: ids }, channel: 'playground', withdrawnAt: null },
      select: { personId: true },
    });
    const have = new Set(consented.map((c) => c.personId));
    const missing = ids.filter((id) => !have.has(id));
    if (missing.length > 0) {
      await tx.consent.createMany({
        data: missing.map((personId) => ({ personId, textVersion: CONSENT_VERSION, textHash, channel: 'playground' })),
      });
    }
  });
  return { people: people.length };
}

/** Who the playground lets you be, with the ids loadDemoPeople gives them. */
export function demoPlaygroundPeople(): {
  id: string;
  role: 'guardian' | 'student' | 'teacher';
  displayName: string;
}[] {
  return demoPeople().map((p) => ({ id: demoPersonId(p.key), role: p.role, displayName: p.displayName }));
}
