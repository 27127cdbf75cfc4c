import { CURRENT_CONSENT_VERSION, consentText } from '../../core/linking/consent-texts';
import { issueCodes } from '../../core/linking/issue-codes';
import { createLinkService, type LinkService } from '../../core/linking/link-service';
import type { TChatRef, TLinkRole } from '../../core/linking/linking-types';
import { createReadModel } from '../../prisma/stores/diary/read-model';
import { createLinkingStore } from '../../prisma/stores/linking/linking-store';
import { createTestDatabase, DATABASE_KINDS, type TestDatabase } from '../helpers/test-database';

// A pupil's own code, on PGlite and PostgreSQL: whether the pupil may consent alone is the
// school's setting (studentSelfConsent, default off); when off, a guardian of the pupil must have
// linked and consented first. A refused pupil leaves nothing stored, and the code stays unused.

const PEPPER = Buffer.from('fedcba9876543210'.repeat(4));
const chat = (id: string): TChatRef => ({ channel: 'telegram', externalId: id, locale: 'ru' });

async function count(db: TestDatabase, table: string): Promise<number> {
  const [row] = await db.sql.query<{ n: string }>(`SELECT count(*) AS n FROM "${table}"`);
  return Number(row.n);
}

for (const { kind, describe: d } of DATABASE_KINDS) {
  d(`a pupil linking themselves on ${kind}`, () => {
    let db: TestDatabase;
    let service: LinkService;
    const clock = new Date('2026-12-02T10:00:00Z');
    const issue = async (role: TLinkRole) =>
      (
        await issueCodes(createLinkingStore(db), PEPPER, [{ role, studentId: 'st1', teacherId: null }], { now: clock })
      )[0].code;
    const link = async (who: TChatRef, role: TLinkRole) => {
      const started = await service.startLink(who, await issue(role));
      if (!started.ok) throw new Error(`refused: ${started.reason}`);
      return service.acceptConsent(who, started.pending, CURRENT_CONSENT_VERSION);
    };

    // One database for the file, emptied before each test: every test starts from the same empty
    // school, as it would on a database of its own.
    beforeAll(async () => {
      db = await createTestDatabase(kind);
    });
    afterAll(() => db?.destroy());
    beforeEach(async () => {
      await db.reset();
      await db.prisma.school.create({ data: { id: 'sch', name: 'Школа № 5' } });
      await db.prisma.schoolClass.create({ data: { id: 'c5a', schoolId: 'sch', name: '5А' } });
      await db.prisma.student.create({
        data: { id: 'st1', schoolId: 'sch', classId: 'c5a', lastName: 'Иванова', firstName: 'Маша' },
      });
      service = createLinkService({
        store: createLinkingStore(db),
        access: createReadModel(db, 'Europe/Moscow').access,
        pepper: PEPPER,
        now: () => clock,
      });
    });

    test('without a guardian: refused politely, nothing stored, not counted, the code unused', async () => {
      const code = await issue('student');
      expect(await service.startLink(chat('kid'), code)).toEqual({ ok: false, reason: 'guardian_first' });
      for (const table of ['Person', 'Chat', 'StudentLink', 'Consent', 'LinkAttempt'])
        expect(await count(db, table)).toBe(0);
      expect((await db.prisma.linkCode.findFirstOrThrow()).usedAt).toBeNull();
    });

    test('after a guardian linked with consent, the pupil links and consents to the pupil’s text', async () => {
      expect((await link(chat('mum'), 'guardian')).ok).toBe(true);
      const accepted = await link(chat('kid'), 'student');
      expect(accepted).toMatchObject({ ok: true, grant: { role: 'student', studentId: 'st1' } });
      if (!accepted.ok) return;
      expect(
        await db.prisma.studentLink.findUniqueOrThrow({
          where: { personId_studentId: { personId: accepted.personId, studentId: 'st1' } },
        }),
      ).toMatchObject({ role: 'student' });
      const consent = await db.prisma.consent.findFirstOrThrow({ where: { personId: accepted.personId } });
      expect(consent.textHash).toBe(consentText('ru', 'telegram', 'pupil').hash);
      expect(await service.needsConsent(accepted.personId)).toBe(false);
    });

    test('a guardian who withdrew no longer opens the way; checked again at consent', async () => {
      expect((await link(chat('mum'), 'guardian')).ok).toBe(true);
      const started = await service.startLink(chat('kid'), await issue('student'));
      if (!started.ok) throw new Error(started.reason);
      await service.forget(chat('mum'));
      expect(await service.acceptConsent(chat('kid'), started.pending, CURRENT_CONSENT_VERSION)).toEqual({
        ok: false,
        reason: 'guardian_first',
      });
      expect(await count(db, 'Person')).toBe(0);
      expect((await db.prisma.linkCode.findFirstOrThrow({ where: { role: 'student' } })).usedAt).toBeNull();
    });

    test('a school that lets pupils consent alone: the pupil links without a guardian', async () => {
      await db.prisma.school.update({ where: { id: 'sch' }, data: { studentSelfConsent: true } });
      expect(await link(chat('kid'), 'student')).toMatchObject({ ok: true, grant: { role: 'student' } });
    });

    test('a guardian’s own code is never held back', async () => {
      expect((await link(chat('dad'), 'guardian')).ok).toBe(true);
    });

    test('a pupil asked again reads the pupil’s text, and renewing records it', async () => {
      await link(chat('mum'), 'guardian');
      const accepted = await link(chat('kid'), 'student');
      if (!accepted.ok) throw new Error('not linked');
      await db.prisma.consent.updateMany({
        where: { personId: accepted.personId },
        data: { textVersion: '2026-01', textHash: '7cf77ac303bb36834889ae83f50e7e2506e2eeab2785682fdfb8280be4cf8b2e' },
      });
      expect((await service.chatState(chat('kid')))?.needsConsent).toBe(true);
      expect(await service.renewConsent(chat('kid'), CURRENT_CONSENT_VERSION)).toBe(true);
      const active = await db.prisma.consent.findFirstOrThrow({
        where: { personId: accepted.personId, withdrawnAt: null },
      });
      expect(active.textHash).toBe(consentText('ru', 'telegram', 'pupil').hash);
    });
  });
}
