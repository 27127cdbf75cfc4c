import { createTestDatabase, DATABASE_KINDS, type TestDatabase } from '../helpers/test-database';

// Hot statements run prepared (planned once per connection). They must answer exactly as plain
// queries do, with the same parameters, and a failed run must not break the next one.

for (const { kind, describe: d } of DATABASE_KINDS) {
  d(`prepared statements on ${kind}`, () => {
    let db: TestDatabase;
    beforeAll(async () => {
      db = await createTestDatabase(kind);
    });
    afterAll(async () => db?.destroy());

    it('answers like a plain query for text, numbers, arrays, dates and JSON', async () => {
      const sql = `SELECT $1::text AS t, $2::int + 1 AS n, cardinality($3::text[]) AS c, ($3::text[])[2] AS second,
                          $4::timestamptz = '2026-12-01T06:00:00Z'::timestamptz AS same_instant, $5::jsonb ->> 'a' AS a, $6::text IS NULL AS missing`;
      const params = [
        'Маша "О\\"',
        41,
        ['x', 'у "кавычки"', null],
        new Date('2026-12-01T09:00:00+03:00'),
        JSON.stringify({ a: 'б' }),
        null,
      ];
      const plain = await db.sql.query(sql, params);
      expect(await db.sql.prepared(sql, params)).toEqual(plain);
      expect(await db.sql.prepared(sql, params)).toEqual(plain);
      expect(plain).toEqual([
        { t: 'Маша "О\\"', n: 42, c: 3, second: 'у "кавычки"', same_instant: true, a: 'б', missing: true },
      ]);
    });

    it('reports a failed run as a database error and runs the statement again afterwards', async () => {
      const sql = 'SELECT 10 / $1::int AS q';
      expect(await db.sql.prepared(sql, [2])).toEqual([{ q: 5 }]);
      await expect(db.sql.prepared(sql, [0])).rejects.toMatchObject({ code: '22012' });
      expect(await db.sql.prepared(sql, [5])).toEqual([{ q: 2 }]);
      await expect(db.sql.prepared('SELEC oops', [])).rejects.toMatchObject({ code: '42601' });
      await expect(db.sql.prepared('SELEC oops', [])).rejects.toMatchObject({ code: '42601' });
    });

    it('waits for an open transaction instead of running inside it', async () => {
      await db.sql.exec(`CREATE TABLE prepared_probe (n int)`);
      let release!: () => void;
      const held = new Promise<void>((resolve) => (release = resolve));
      const tx = db.sql.transaction(async (query) => {
        await query('INSERT INTO prepared_probe VALUES (1)');
        await held;
        throw new Error('rolled back on purpose');
      });
      const outside = db.sql.prepared<{ n: number }>('SELECT count(*)::int AS n FROM prepared_probe');
      release();
      await expect(tx).rejects.toThrow('rolled back on purpose');
      expect(await outside).toEqual([{ n: 0 }]);
    });
  });
}
