import { hashLinkCode } from '../../core/linking/code-hash';
import { CURRENT_CONSENT_VERSION } from '../../core/linking/consent-texts';
import { issueCodes } from '../../core/linking/issue-codes';
import { createLinkService, type LinkService } from '../../core/linking/link-service';
import type { TChatRef } from '../../core/linking/linking-types';
import { PENDING_HANDLE_PATTERN } from '../../core/linking/pending-handle';
import { startRetention } from '../../infra/retention';
import { createReadModel } from '../../prisma/stores/diary/read-model';
import { createLinkingStore } from '../../prisma/stores/linking/linking-store';
import { createTestDatabase, DATABASE_KINDS, type TestDatabase } from '../helpers/test-database';

// A code waiting for the consent answer lives in PendingLink under a random handle: the row holds
// the code's hash and the chat, nothing else; Decline, Accept, /forget and 15 minutes remove it.
// A code seen in a group chat is voided at once.

const PEPPER = Buffer.from('0123456789abcdef'.repeat(4));
const chat = (id: string): TChatRef => ({ channel: 'telegram', externalId: id, locale: 'ru' });
const silent = { info: () => undefined, error: () => undefined } as never;

for (const { kind, describe: d } of DATABASE_KINDS) {
  d(`pending links on ${kind}`, () => {
    let db: TestDatabase;
    let service: LinkService;
    let clock: Date;
    const store = () => createLinkingStore(db);
    const issue = async () =>
      (await issueCodes(store(), PEPPER, [{ role: 'guardian', studentId: 'st1', teacherId: null }], { now: clock }))[0]
        .code;
    const offer = async (who: TChatRef, code: string) => {
      const offered = await service.offerLink(who, code);
      if (!offered.ok) throw new Error(`refused: ${offered.reason}`);
      return offered.handle;
    };
    const pendingRows = () => db.sql.query<Record<string, unknown>>(`SELECT * FROM "PendingLink"`);

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
      clock = new Date('2026-12-02T10:00:00Z');
      service = createLinkService({
        store: store(),
        access: createReadModel(db, 'Europe/Moscow').access,
        pepper: PEPPER,
        now: () => clock,
      });
    });

    test('an offered code waits under a letters-only handle: the row holds its hash and the chat, nothing else', async () => {
      const code = await issue();
      const offered = await service.offerLink(chat('100'), code);
      expect(offered).toMatchObject({ ok: true, grant: { studentId: 'st1', firstName: 'Маша' } });
      if (!offered.ok) return;
      expect(offered.handle).toMatch(PENDING_HANDLE_PATTERN);
      expect(await pendingRows()).toEqual([
        {
          handle: offered.handle,
          codeHash: hashLinkCode(PEPPER, code),
          channel: 'telegram',
          externalId: '100',
          expiresAt: new Date(clock.getTime() + 15 * 60_000),
        },
      ]);
      for (const table of ['Person', 'Chat', 'StudentLink', 'Consent', 'LinkAttempt'])
        expect(await db.sql.query(`SELECT 1 FROM "${table}"`)).toEqual([]);
    });

    test('Accept with the handle links the chat and spends the handle; a second Accept finds nothing', async () => {
      const handle = await offer(chat('100'), await issue());
      expect(await service.acceptPending(chat('100'), handle, CURRENT_CONSENT_VERSION)).toMatchObject({
        ok: true,
        grant: { studentId: 'st1' },
      });
      expect(await pendingRows()).toEqual([]);
      expect(await db.prisma.chat.count()).toBe(1);
      expect(await service.acceptPending(chat('100'), handle, CURRENT_CONSENT_VERSION)).toEqual({
        ok: false,
        reason: 'pending_expired',
      });
    });

    test('Decline deletes the pending row and nothing else was stored; the code still works', async () => {
      const code = await issue();
      const handle = await offer(chat('100'), code);
      await service.declinePending(chat('100'), handle);
      expect(await pendingRows()).toEqual([]);
      for (const table of ['Person', 'Chat', 'Consent'])
        expect(await db.sql.query(`SELECT 1 FROM "${table}"`)).toEqual([]);
      expect((await db.prisma.linkCode.findFirstOrThrow()).usedAt).toBeNull();
      expect(await service.acceptPending(chat('100'), handle, CURRENT_CONSENT_VERSION)).toEqual({
        ok: false,
        reason: 'pending_expired',
      });
    });

    test('a handle works only in its own chat', async () => {
      const handle = await offer(chat('100'), await issue());
      expect(await service.acceptPending(chat('200'), handle, CURRENT_CONSENT_VERSION)).toEqual({
        ok: false,
        reason: 'pending_expired',
      });
      await service.declinePending(chat('200'), handle);
      expect(await pendingRows()).toHaveLength(1);
      expect(await db.prisma.chat.count()).toBe(0);
    });

    test('the consent open in a chat: its one live pending link, none, or several; never another chat’s', async () => {
      expect(await service.openConsent(chat('100'))).toEqual({ kind: 'none' });
      const handle = await offer(chat('100'), await issue());
      expect(await service.openConsent(chat('100'))).toEqual({ kind: 'one', handle });
      expect(await service.openConsent(chat('200'))).toEqual({ kind: 'none' });
      expect(await service.openConsent({ channel: 'vk', externalId: '100' })).toEqual({ kind: 'none' });
      await offer(chat('100'), await issue());
      expect(await service.openConsent(chat('100'))).toEqual({ kind: 'several' });
      clock = new Date(clock.getTime() + 15 * 60_000);
      expect(await service.openConsent(chat('100'))).toEqual({ kind: 'none' });
    });

    test('after 15 minutes Accept is refused as expired, and the retention purge removes the row', async () => {
      const handle = await offer(chat('100'), await issue());
      await offer(chat('300'), await issue());
      clock = new Date(clock.getTime() + 15 * 60_000 + 1000);
      expect(await service.acceptPending(chat('100'), handle, CURRENT_CONSENT_VERSION)).toEqual({
        ok: false,
        reason: 'pending_expired',
      });
      expect(await db.prisma.chat.count()).toBe(0);
      expect(await pendingRows()).toHaveLength(1);
      const retention = startRetention({
        accessLog: { purge: async () => 0 } as never,
        pendingLinks: store(),
        logger: silent,
        now: () => clock,
      });
      await retention.close();
      expect(await pendingRows()).toEqual([]);
    });

    test('/forget deletes the chat’s pending links, linked or not', async () => {
      await offer(chat('100'), await issue());
      expect(await service.forget(chat('100'))).toEqual({ forgotten: false });
      expect(await pendingRows()).toEqual([]);

      const linked = await offer(chat('200'), await issue());
      await service.acceptPending(chat('200'), linked, CURRENT_CONSENT_VERSION);
      await offer(chat('200'), await issue());
      expect(await service.forget(chat('200'))).toEqual({
        forgotten: true,
        kinds: expect.objectContaining({ pendingLinks: 1, persons: 1 }),
      });
      expect(await pendingRows()).toEqual([]);
    });

    test('a code posted in a group is void at once (its pending links too) and the lookup counts as a try', async () => {
      const code = await issue();
      const handle = await offer(chat('100'), code);
      const group: TChatRef = { channel: 'telegram', externalId: '-1001987654321' };
      expect(await service.voidPostedCode(group, `мой код ${code}`)).toBe('voided');
      expect((await db.prisma.linkCode.findFirstOrThrow()).usedAt).toEqual(clock);
      expect(await pendingRows()).toEqual([]);
      expect(await db.prisma.linkAttempt.count()).toBe(1);
      expect(await service.acceptPending(chat('100'), handle, CURRENT_CONSENT_VERSION)).toEqual({
        ok: false,
        reason: 'pending_expired',
      });
      expect(await service.startLink(chat('100'), code)).toMatchObject({ ok: false, reason: 'used' });
      // A wrong code gets the same answer: a group learns nothing about which codes exist.
      expect(await service.voidPostedCode(group, '1111 2222 3333')).toBe('voided');
      expect(await service.voidPostedCode(group, 'просто текст')).toBe('not_a_code');
      expect(await db.prisma.linkAttempt.count()).toBe(3);
    });
  });
}
