import { parseConfig } from '../../infra/config';
import { createLogger } from '../../infra/logger';
import { openRuntime, type Runtime } from '../../main';
import { JOURNAL_SECRET, postEvents } from '../helpers/journal-fixtures';
import { createTestDatabase, DATABASE_KINDS, type TestDatabase } from '../helpers/test-database';
import { completeJournalBatch, poisonedJournalBatches, UNPRINTABLE } from '../hostile/hostile-cases';

// PostgreSQL refuses NUL in text and jsonb, and a lone surrogate has no UTF-8 form: a journal
// field holding either must be refused as bad input (422, naming the field), never reach the
// database as a failed statement (500). Every string field of every event type, on both databases.

const FREE_TEXT =
  /^(id|data\.(\w+Id|name|timezone|lastName|firstName|middleName|room|topic|onlineUrl|text|workType|comment|reason|description))$/;

for (const { kind, describe } of DATABASE_KINDS) {
  describe(`journal text fields with NUL or lone surrogates on ${kind}`, () => {
    let db: TestDatabase;
    let runtime: Runtime;

    beforeAll(async () => {
      db = await createTestDatabase(kind);
      const config = parseConfig({
        JOURNAL_WEBHOOK_SECRET: JOURNAL_SECRET,
        DEMO: 'false',
        LOG_LEVEL: 'silent',
        DATA_DIR: '/nonexistent',
      });
      runtime = await openRuntime(config, { db, logger: createLogger('silent') });
    });
    afterAll(() => db?.destroy());

    for (const bad of UNPRINTABLE) {
      test(`a ${bad.name} in any string field refuses the batch with 422 naming the field`, async () => {
        const poisoned = poisonedJournalBatches(`poison-${bad.name.replace(/\W/g, '')}`, bad.text);
        expect(poisoned.length).toBeGreaterThan(40);
        const failures: string[] = [];
        for (const { index, field, events } of poisoned) {
          const res = await postEvents(runtime.app, events);
          const errors = (res.body.errors ?? []) as { index: number; message: string }[];
          const named = errors.find((e) => e.index === index && e.message.includes(field));
          const clear = !FREE_TEXT.test(field) || /NUL|surrogate/.test(named?.message ?? '');
          if (res.status !== 422 || !named || !clear)
            failures.push(`${events[index].type} ${field}: ${res.status} ${JSON.stringify(res.body).slice(0, 200)}`);
        }
        expect(failures).toEqual([]);
        expect(await db.prisma.school.count()).toBe(0);
      });
    }

    test('the same batch without them is accepted, so the one field is what was refused', async () => {
      const res = await postEvents(runtime.app, completeJournalBatch('poison-control'));
      expect(res.body).toEqual({ accepted: 17, duplicates: 0 });
    });

    test('the message says what is wrong', async () => {
      const [event] = completeJournalBatch('poison-message');
      const res = await postEvents(runtime.app, [{ ...event, data: { ...event.data, name: 'Школа\u0000№ 1' } }]);
      expect(res.status).toBe(422);
      expect(res.body.errors).toEqual([
        { index: 0, id: event.id, message: 'data.name: contains a NUL character (\\u0000)' },
      ]);
    });
  });
}
