import { DEFAULT_BRAKES } from '../../core/linking/link-brakes';
import { createLinkService } from '../../core/linking/link-service';
import type { LinkingStore } from '../../core/linking/linking-port';
import type { TChatRef } from '../../core/linking/linking-types';
import { createReadModel } from '../../prisma/stores/diary/read-model';
import { createLinkingStore } from '../../prisma/stores/linking/linking-store';
import { createTestDatabase, DATABASE_KINDS, type TestDatabase } from '../helpers/test-database';

// The brakes under concurrency: tries sent at once must not race past the count. Each try's check
// and its count are one atomic step, so of N wrong codes fired together at most the limit are
// looked up. On PostgreSQL (DATABASE_URL) the tries run on separate pooled connections; PGlite is
// one connection, where the old read-then-count interleaved just the same.

const PEPPER = Buffer.from('0123456789abcdef'.repeat(4));
const N = 60;
const WRONG = '1111 2222 3333';

for (const { kind, describe: d } of DATABASE_KINDS) {
  d(`brakes under ${N} concurrent tries on ${kind}`, () => {
    let db: TestDatabase;
    let lookups: number;

    /** The real store, counting how often a code is actually looked up. */
    function countingStore(): LinkingStore {
      const store = createLinkingStore(db);
      return {
        ...store,
        findCode: (codeHash) => {
          lookups += 1;
          return store.findCode(codeHash);
        },
      };
    }

    // One database for the file, emptied before each test: no attempt of one test counts in another's brakes.
    beforeAll(async () => {
      db = await createTestDatabase(kind);
    });
    afterAll(() => db?.destroy());
    beforeEach(async () => {
      await db.reset();
      lookups = 0;
    });

    const service = () =>
      createLinkService({
        store: countingStore(),
        access: createReadModel(db, 'Europe/Moscow').access,
        pepper: PEPPER,
        now: () => new Date('2026-12-02T10:00:00Z'),
      });

    test('from one chat (the sign-in page’s per-IP key): at most the per-chat limit is looked up', async () => {
      const linking = service();
      const ip: TChatRef = { channel: 'web', externalId: '203.0.113.7' };
      const results = await Promise.all(Array.from({ length: N }, () => linking.startLink(ip, WRONG)));
      // The chat's own brake, or its channel's minute budget when that is lower (the sign-in page's is).
      const limit = Math.min(DEFAULT_BRAKES.perChatPerHour, DEFAULT_BRAKES.perChannel.web.perMinute);
      expect(lookups).toBeLessThanOrEqual(limit);
      expect(results.filter((r) => !r.ok && r.reason === 'wrong_code')).toHaveLength(lookups);
      expect(results.filter((r) => !r.ok && (r.reason === 'locked' || r.reason === 'busy'))).toHaveLength(N - lookups);
      expect(await db.prisma.linkAttempt.count()).toBe(lookups);
    });

    test('from many chats of one channel: at most the channel’s budget is looked up, other channels unaffected', async () => {
      const linking = service();
      const forged = Array.from(
        { length: N },
        (_, i): TChatRef => ({ channel: 'alice', externalId: `forged-user-${i}` }),
      );
      await Promise.all(forged.map((chat) => linking.startLink(chat, WRONG)));
      const { perMinute } = DEFAULT_BRAKES.perChannel.alice;
      expect(lookups).toBeLessThanOrEqual(perMinute);
      expect(await db.prisma.linkAttempt.count({ where: { channel: 'alice' } })).toBe(lookups);
      // Telegram still looks codes up: Alice's flood spent only Alice's budget.
      const before = lookups;
      expect(await linking.startLink({ channel: 'telegram', externalId: '100' }, WRONG)).toMatchObject({
        ok: false,
        reason: 'wrong_code',
      });
      expect(lookups).toBe(before + 1);
    });
  });
}
