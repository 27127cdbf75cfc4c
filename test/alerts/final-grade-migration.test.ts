import { FINAL_GRADE_MIGRATION, finalGradeMigrationSql, subscriptionsOf } from '../helpers/final-grade-alerts';
import { createTestDatabase, DATABASE_KINDS, type TestDatabase } from '../helpers/test-database';

// The data migration on subscriptions that exist when it runs: every (person, student) with grade
// alerts on gets term marks on, with the same quiet hours; nothing else changes.

for (const { kind, describe } of DATABASE_KINDS) {
  describe(`${FINAL_GRADE_MIGRATION} (${kind})`, () => {
    let db: TestDatabase;
    beforeAll(async () => {
      db = await createTestDatabase(kind);
    });
    afterAll(async () => {
      await db?.destroy();
    });

    it('comes after the other migrations of this change and is recorded as applied', async () => {
      expect(FINAL_GRADE_MIGRATION > '20261206150711_term_results').toBe(true);
      const rows = await db.sql.query<{ n: number }>(
        `SELECT count(*)::int AS n FROM _prisma_migrations WHERE migration_name = $1 AND finished_at IS NOT NULL`,
        [FINAL_GRADE_MIGRATION],
      );
      expect(rows[0].n).toBe(1);
    });

    it('turns term marks on for each student whose grades are on, and only for them', async () => {
      const q = db.sql.query;
      await q(`INSERT INTO "School" (id, name, timezone, "updatedAt") VALUES ('s1', 'Школа', 'Europe/Moscow', now())`);
      await q(`INSERT INTO "SchoolClass" (id, "schoolId", name, "updatedAt") VALUES ('c1', 's1', '5А', now())`);
      await q(
        `INSERT INTO "Student" (id, "schoolId", "classId", "lastName", "firstName", "updatedAt")
         SELECT id, 's1', 'c1', 'Иванова', id, now() FROM unnest(ARRAY['st1', 'st2', 'st3']) AS id`,
      );
      await q(`INSERT INTO "Person" (id, locale) VALUES ('mom', 'ru'), ('dad', 'ru'), ('aunt', 'ru')`);
      const sub = (id: string, person: string, student: string, type: string, enabled: boolean, quietFrom = '21:00') =>
        q(
          `INSERT INTO "Subscription" (id, "personId", "studentId", type, enabled, "quietFrom", "updatedAt")
           VALUES ($1, $2, $3, $4, $5, $6, now())`,
          [id, person, student, type, enabled, quietFrom],
        );
      await sub('a', 'mom', 'st1', 'grades', true, '22:00'); // two children, grades on for both
      await sub('b', 'mom', 'st2', 'grades', true);
      await sub('c', 'dad', 'st1', 'grades', false); // switched grades off: stays without term marks
      await sub('d', 'dad', 'st1', 'homework', true);
      await sub('e', 'aunt', 'st3', 'grades', true);
      await sub('f', 'aunt', 'st3', 'final-grades', false); // chose already: left as it is

      await q(finalGradeMigrationSql);
      const after = await subscriptionsOf(q);
      expect(after).toEqual([
        { personId: 'aunt', studentId: 'st3', type: 'final-grades', enabled: false, quietFrom: '21:00' },
        { personId: 'aunt', studentId: 'st3', type: 'grades', enabled: true, quietFrom: '21:00' },
        { personId: 'dad', studentId: 'st1', type: 'grades', enabled: false, quietFrom: '21:00' },
        { personId: 'dad', studentId: 'st1', type: 'homework', enabled: true, quietFrom: '21:00' },
        { personId: 'mom', studentId: 'st1', type: 'final-grades', enabled: true, quietFrom: '22:00' },
        { personId: 'mom', studentId: 'st1', type: 'grades', enabled: true, quietFrom: '22:00' },
        { personId: 'mom', studentId: 'st2', type: 'final-grades', enabled: true, quietFrom: '21:00' },
        { personId: 'mom', studentId: 'st2', type: 'grades', enabled: true, quietFrom: '21:00' },
      ]);
      // Run twice (a restore replayed), it changes nothing.
      await q(finalGradeMigrationSql);
      expect(await subscriptionsOf(q)).toEqual(after);
    });
  });
}
