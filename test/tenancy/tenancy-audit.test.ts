import { parseConfig } from '../../infra/config';
import { createLogger } from '../../infra/logger';
import { openRuntime, type Runtime } from '../../main';
import { JOURNAL_SECRET, postEvents } from '../helpers/journal-fixtures';
import { createTestDatabase, DATABASE_KINDS, type TestDatabase } from '../helpers/test-database';
import {
  changedTables,
  SCHOOL_A,
  SCHOOL_B,
  type TWriter,
  tableFingerprints,
  tenancyCases,
  tenancySetup,
} from './tenancy-cases';

// One round of `npm run audit:tenancy`, in process: every event type × every reference field, by
// each school's key and by the operator, alone and hidden in valid batches. Nothing is accepted,
// nothing changes, and each is refused for the right reason (403 beyond a key's school, 422 mixed).

for (const { kind, describe } of DATABASE_KINDS) {
  describe(`tenancy audit (${kind})`, () => {
    let db: TestDatabase;
    let runtime: Runtime;
    let post: (by: TWriter, events: unknown[]) => ReturnType<typeof postEvents>;

    beforeAll(async () => {
      db = await createTestDatabase(kind);
      const config = parseConfig({
        JOURNAL_WEBHOOK_SECRET: JOURNAL_SECRET,
        JOURNAL_KEY_SEAL_KEY: 'audit-seal-key-0123456789abcdef0123',
        DEMO: 'false',
        LOG_LEVEL: 'silent',
        DATA_DIR: '/nonexistent',
      });
      runtime = await openRuntime(config, { db, logger: createLogger('silent') });
      const keys = { A: await runtime.journalKeys.create(SCHOOL_A), B: await runtime.journalKeys.create(SCHOOL_B) };
      post = (by, events) =>
        postEvents(runtime.app, events, by === 'operator' ? {} : { keyId: keys[by].keyId, secret: keys[by].secret });
      const setup = tenancySetup();
      for (const by of ['A', 'B', 'operator'] as const) {
        const res = await post(by, setup[by]);
        expect({ by, status: res.status, body: res.body }).toEqual({
          by,
          status: 200,
          body: { accepted: setup[by].length, duplicates: 0 },
        });
      }
    });
    afterAll(async () => {
      await db.destroy();
    });

    test('every generated case is refused for its reason; no row changes', async () => {
      const cases = tenancyCases(1);
      expect(cases.length).toBeGreaterThan(150);
      const before = await tableFingerprints((sql) => db.sql.query(sql));
      const wrong: string[] = [];
      for (const c of cases) {
        const res = await post(c.by, c.events);
        if (res.status !== c.expect) wrong.push(`${c.name}: ${res.status} ${JSON.stringify(res.body)}`);
      }
      expect(wrong).toEqual([]);
      expect(changedTables(before, await tableFingerprints((sql) => db.sql.query(sql)))).toEqual([]);
    });

    test('the cover events of the hidden cases are valid on their own (the refusal is the hidden event)', async () => {
      const hidden = tenancyCases(1)
        .filter((c) => c.name.endsWith('(hidden in a valid batch)'))
        .slice(0, 6);
      for (const c of hidden) {
        const cover = c.events.filter((e) => e.id.startsWith('cover-'));
        const res = await post(c.by, cover);
        expect({ name: c.name, status: res.status }).toEqual({ name: c.name, status: 200 });
      }
    });
  });
}
