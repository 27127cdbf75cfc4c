import { hashLinkCode } from '../../core/linking/code-hash';
import { CURRENT_CONSENT_VERSION } from '../../core/linking/consent-texts';
import { issueCodes } from '../../core/linking/issue-codes';
import { DEFAULT_BRAKES } from '../../core/linking/link-brakes';
import { createLinkService, type LinkService } from '../../core/linking/link-service';
import type { TChatRef, TPendingLink } from '../../core/linking/linking-types';
import { createReadModel } from '../../prisma/stores/diary/read-model';
import { createLinkingStore } from '../../prisma/stores/linking/linking-store';
import { createTestDatabase, DATABASE_KINDS, type TestDatabase } from '../helpers/test-database';

// The linking service over the real store, on PGlite and PostgreSQL: rows are checked in the database.

const PEPPER = Buffer.from('0123456789abcdef'.repeat(4));
const chat = (id: string): TChatRef => ({ channel: 'telegram', externalId: id, locale: 'ru' });

async function count(db: TestDatabase, table: string): Promise<number> {
  const [row] = await db.sql.query<{ n: string }>(`SELECT count(*) AS n FROM "${table}"`);
  return Number(row.n);
}

async function seedSchool(db: TestDatabase) {
  await db.prisma.school.create({ data: { id: 'sch', name: 'Школа № 5' } });
  await db.prisma.schoolClass.create({ data: { id: 'c5a', schoolId: 'sch', name: '5А' } });
  await db.prisma.student.create({
    data: { id: 'st1', schoolId: 'sch', classId: 'c5a', lastName: 'Иванова', firstName: 'Маша' },
  });
  await db.prisma.teacher.create({
    data: { id: 't1', schoolId: 'sch', lastName: 'Кузьмина', firstName: 'Татьяна', middleName: 'Сергеевна' },
  });
}

for (const { kind, describe: d } of DATABASE_KINDS) {
  d(`linking on ${kind}`, () => {
    let db: TestDatabase;
    let service: LinkService;
    let clock: Date;
    const store = () => createLinkingStore(db);
    const issue = async (role: 'guardian' | 'teacher' = 'guardian', days = 14) =>
      (
        await issueCodes(
          store(),
          PEPPER,
          [
            role === 'teacher'
              ? { role, studentId: null, teacherId: 't1' }
              : { role, studentId: 'st1', teacherId: null },
          ],
          { days, now: clock },
        )
      )[0].code;
    const start = async (who: TChatRef, code: string) => {
      const started = await service.startLink(who, code);
      if (!started.ok) throw new Error(`refused: ${started.reason}`);
      return started.pending;
    };

    // One database for the file, emptied before each test: every test starts from the same empty
    // school, as it would on a database of its own.
    beforeAll(async () => {
      db = await createTestDatabase(kind);
    });
    afterAll(() => db?.destroy());
    beforeEach(async () => {
      await db.reset();
      await seedSchool(db);
      clock = new Date('2026-12-02T10:00:00Z');
      service = createLinkService({
        store: store(),
        access: createReadModel(db, 'Europe/Moscow').access,
        pepper: PEPPER,
        now: () => clock,
      });
    });

    test('codes are stored only hashed', async () => {
      const code = await issue();
      const rows = await db.sql.query<Record<string, unknown>>(`SELECT * FROM "LinkCode"`);
      expect(rows).toHaveLength(1);
      expect(JSON.stringify(rows)).not.toContain(code);
      expect(rows[0].codeHash).toBe(hashLinkCode(PEPPER, code));
    });

    test('redeem → consent: person, chat, link and consent exist; the code is spent', async () => {
      const code = await issue();
      const pending = await start(chat('100'), `${code.slice(0, 4)}-${code.slice(4, 8)} ${code.slice(8)}`);
      expect(pending.grant).toMatchObject({ role: 'guardian', studentId: 'st1', firstName: 'Маша', className: '5А' });
      expect(await count(db, 'Person')).toBe(0);
      const accepted = await service.acceptConsent(chat('100'), pending, CURRENT_CONSENT_VERSION);
      expect(accepted).toMatchObject({ ok: true, grant: { studentId: 'st1' } });
      if (!accepted.ok) return;
      expect(await db.prisma.chat.findMany()).toEqual([
        expect.objectContaining({ channel: 'telegram', externalId: '100', personId: accepted.personId }),
      ]);
      expect(await db.prisma.studentLink.findMany()).toEqual([
        expect.objectContaining({ personId: accepted.personId, studentId: 'st1', role: 'guardian' }),
      ]);
      expect(await db.prisma.consent.findMany()).toEqual([
        expect.objectContaining({
          personId: accepted.personId,
          textVersion: CURRENT_CONSENT_VERSION,
          channel: 'telegram',
        }),
      ]);
      expect((await db.prisma.linkCode.findFirstOrThrow()).usedAt).not.toBeNull();
      expect(await service.personForChat(chat('100'))).toBe(accepted.personId);
      expect(await service.needsConsent(accepted.personId)).toBe(false);
      // Single use: the same code again is refused, and a stale pending grants nothing.
      expect(await service.startLink(chat('101'), code)).toMatchObject({ ok: false, reason: 'used' });
      expect(await service.acceptConsent(chat('101'), pending, CURRENT_CONSENT_VERSION)).toEqual({
        ok: false,
        reason: 'used',
      });
      expect(await count(db, 'Chat')).toBe(1);
    });

    test('a teacher code links the teacher', async () => {
      const pending = await start(chat('200'), await issue('teacher'));
      expect(pending.grant).toMatchObject({ role: 'teacher', teacherId: 't1', firstName: 'Татьяна Сергеевна' });
      const accepted = await service.acceptConsent(chat('200'), pending, CURRENT_CONSENT_VERSION);
      expect(accepted.ok).toBe(true);
      expect(await db.prisma.teacherLink.count({ where: { teacherId: 't1' } })).toBe(1);
    });

    test('decline stores nothing; an outdated consent version stores nothing', async () => {
      const pending = await start(chat('100'), await issue());
      await service.declineConsent(chat('100'), pending);
      expect(await service.acceptConsent(chat('100'), pending, 'v0')).toEqual({
        ok: false,
        reason: 'consent_outdated',
      });
      for (const table of ['Person', 'Chat', 'StudentLink', 'Consent', 'LinkAttempt'])
        expect(await count(db, table)).toBe(0);
      expect((await db.prisma.linkCode.findFirstOrThrow()).usedAt).toBeNull();
    });

    test('wrong code ×6 from one chat → locked with a reason; other chats unaffected', async () => {
      const code = await issue();
      const wrong = code.startsWith('9') ? `1${code.slice(1)}` : `9${code.slice(1)}`;
      const results = [];
      for (let i = 0; i < 6; i += 1) results.push(await service.startLink(chat('666'), wrong));
      expect(
        results.slice(0, 5).map((r) => (r.ok ? 'ok' : r.reason === 'wrong_code' ? r.triesLeft : r.reason)),
      ).toEqual([4, 3, 2, 1, 0]);
      expect(results[5]).toEqual({ ok: false, reason: 'locked', retryAfterSeconds: 3600 });
      // Even the right code is refused while locked: the brake comes before the lookup.
      expect(await service.startLink(chat('666'), code)).toMatchObject({ ok: false, reason: 'locked' });
      expect((await service.startLink(chat('777'), code)).ok).toBe(true);
      // Attempts are logged under a pseudonym, never the chat id.
      const attempts = await db.sql.query<{ chatKey: string }>(`SELECT "chatKey" FROM "LinkAttempt"`);
      expect(attempts).toHaveLength(5);
      expect(attempts.every((a) => !a.chatKey.includes('666'))).toBe(true);
      // An hour later the chat may try again.
      clock = new Date(clock.getTime() + 3_601_000);
      expect((await service.startLink(chat('666'), code)).ok).toBe(true);
    });

    test('the channel’s brake trips when many chats of it fail together, for everyone on that channel only', async () => {
      const code = await issue();
      const wrong = code.startsWith('9') ? `1${code.slice(1)}` : `9${code.slice(1)}`;
      const { perMinute } = DEFAULT_BRAKES.perChannel.telegram;
      for (let i = 0; i < perMinute; i += 1)
        expect(await service.startLink(chat(`bot-${i}`), wrong)).toMatchObject({ reason: 'wrong_code', triesLeft: 4 });
      expect(await service.startLink(chat(`bot-${perMinute}`), wrong)).toEqual({
        ok: false,
        reason: 'busy',
        retryAfterSeconds: 60,
      });
      // An innocent parent with a right code waits too — and learns nothing meanwhile.
      expect(await service.startLink(chat('parent'), code)).toMatchObject({ ok: false, reason: 'busy' });
      // Other channels have budgets of their own: a flood of one does not close the others.
      expect((await service.startLink({ channel: 'vk', externalId: '4242' }, code)).ok).toBe(true);
      expect(await count(db, 'LinkAttempt')).toBe(perMinute);
      clock = new Date(clock.getTime() + 61_000);
      expect((await service.startLink(chat('parent'), code)).ok).toBe(true);
    });

    test('a channel’s hourly budget: once spent, the channel waits a quarter of an hour', async () => {
      const code = await issue();
      const wrong = code.startsWith('9') ? `1${code.slice(1)}` : `9${code.slice(1)}`;
      const alice = (id: string): TChatRef => ({ channel: 'alice', externalId: id });
      const { perMinute, perHour } = DEFAULT_BRAKES.perChannel.alice;
      for (let i = 0; i < perHour; i += 1) {
        // A minute's budget at a time, as a patient attacker would spend it.
        if (i > 0 && i % perMinute === 0) clock = new Date(clock.getTime() + 61_000);
        expect(await service.startLink(alice(`forged-${i}`), wrong)).toMatchObject({ reason: 'wrong_code' });
      }
      clock = new Date(clock.getTime() + 61_000);
      expect(await service.startLink(alice('parent'), code)).toEqual({
        ok: false,
        reason: 'busy',
        retryAfterSeconds: 900,
      });
      expect((await service.startLink(chat('telegram-parent'), code)).ok).toBe(true);
    });

    test('expired and used codes are refused (and counted)', async () => {
      const code = await issue('guardian', 1);
      clock = new Date(clock.getTime() + 86_400_000 + 1000);
      expect(await service.startLink(chat('100'), code)).toEqual({ ok: false, reason: 'expired', triesLeft: 4 });
      expect(await count(db, 'LinkAttempt')).toBe(1);
    });

    test('a pending link whose code expired meanwhile is refused at consent', async () => {
      const code = await issue('guardian', 1);
      const pending = await start(chat('100'), code);
      clock = new Date(clock.getTime() + 2 * 86_400_000);
      expect(await service.acceptConsent(chat('100'), pending, CURRENT_CONSENT_VERSION)).toEqual({
        ok: false,
        reason: 'expired',
      });
      expect(await count(db, 'Person')).toBe(0);
    });

    test('two chats redeeming one code at once: exactly one link', async () => {
      const code = await issue();
      const chats = Array.from({ length: 6 }, (_, i) => chat(`race-${i}`));
      const pendings: TPendingLink[] = await Promise.all(chats.map((c) => start(c, code)));
      const results = await Promise.all(
        chats.map((c, i) => service.acceptConsent(c, pendings[i], CURRENT_CONSENT_VERSION)),
      );
      expect(results.filter((r) => r.ok)).toHaveLength(1);
      expect(results.filter((r) => !r.ok).every((r) => !r.ok && r.reason === 'used')).toBe(true);
      expect(await count(db, 'StudentLink')).toBe(1);
      expect(await count(db, 'Chat')).toBe(1);
      expect(await count(db, 'Person')).toBe(1);
    });

    test('forget → the person’s rows are gone; an anonymised destruction record remains', async () => {
      const accepted = await service.acceptConsent(
        chat('100'),
        await start(chat('100'), await issue()),
        CURRENT_CONSENT_VERSION,
      );
      if (!accepted.ok) throw new Error('not linked');
      const personId = accepted.personId;
      // Same person on a second channel, a subscription and sessions on both chats.
      await db.prisma.chat.create({ data: { personId, channel: 'vk', externalId: '555' } });
      await db.prisma.subscription.create({ data: { personId, studentId: 'st1', type: 'grades' } });
      for (const key of ['telegram:100', 'telegram:100:menu', 'vk:555', 'telegram:999'])
        await db.prisma.chatSession.create({ data: { key, value: {} } });
      const exported = await service.exportData(personId);
      expect(exported).toMatchObject({
        chats: [{ channel: 'telegram' }, { channel: 'vk' }],
        students: [{ studentId: 'st1', firstName: 'Маша' }],
        subscriptions: [{ type: 'grades' }],
      });

      const result = await service.forget(chat('100'));
      expect(result).toEqual({
        forgotten: true,
        kinds: expect.objectContaining({
          persons: 1,
          chats: 2,
          studentLinks: 1,
          consents: 1,
          subscriptions: 1,
          sessions: 3,
        }),
      });
      for (const table of ['Person', 'Chat', 'StudentLink', 'Consent', 'Subscription'])
        expect(await count(db, table)).toBe(0);
      expect((await db.prisma.chatSession.findMany()).map((s) => s.key)).toEqual(['telegram:999']);
      const records = await db.sql.query<Record<string, unknown>>(`SELECT * FROM "DestructionRecord"`);
      expect(records).toHaveLength(1);
      expect(records[0].channel).toBe('telegram');
      // The record's own id is a random UUID, which may by chance contain "100" or "555": it is
      // checked to be one, and the rest of the record must hold none of the person's ids or names.
      const { id: recordId, ...rest } = records[0];
      expect(recordId).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
      const text = JSON.stringify(rest);
      for (const id of [personId, '100', '555', 'st1', 'Маша']) expect(text).not.toContain(id);
      expect(await service.forget(chat('100'))).toEqual({ forgotten: false });
      expect(await service.exportData(personId)).toBeNull();
      expect(await service.needsConsent(personId)).toBe(true);
    });

    test('a consent to an older text version asks again', async () => {
      const accepted = await service.acceptConsent(
        chat('100'),
        await start(chat('100'), await issue()),
        CURRENT_CONSENT_VERSION,
      );
      if (!accepted.ok) throw new Error('not linked');
      await db.prisma.consent.updateMany({ data: { textVersion: '2025-01' } });
      expect(await service.needsConsent(accepted.personId)).toBe(true);
    });
  });
}
