import type { TRecipient, TSubjectAverage } from '../../core/alerts/alert-types';
import { composeMessage } from '../../core/alerts/compose-messages';
import { planAlerts } from '../../core/alerts/plan-alerts';
import { crossedBelow } from '../../core/alerts/plan-average';
import { ingestBatch } from '../../core/ingest/ingest-batch';
import { createAlertStore } from '../../prisma/stores/alerts/alert-store';
import { createIngestStore } from '../../prisma/stores/ingest/ingest-store';
import { seedFamilies } from '../helpers/alert-fixtures';
import { gradeEvent, schoolEvents } from '../helpers/journal-fixtures';
import { createTestDatabase, DATABASE_KINDS, type TestDatabase } from '../helpers/test-database';

// The optional "average below a 4" warning: once per crossing, at most once a week per subject and
// student, by the school's rounding rule, only to the student's family and only when switched on.

function recipient(type: TRecipient['subscription']['type'], chatId = 'chat-mom'): TRecipient {
  return {
    chatId,
    channel: 'telegram',
    chatActive: true,
    consentActive: true,
    personId: 'mom',
    studentId: 'st1',
    studentName: 'Маша',
    timezone: 'Europe/Moscow',
    subscription: {
      type,
      enabled: true,
      mode: 'instant',
      digestTime: null,
      quietFrom: '00:00',
      quietTo: '00:00',
      thresholdKopecks: null,
    },
  };
}

const average = (over: Partial<TSubjectAverage>): TSubjectAverage => ({
  studentId: 'st1',
  subjectId: 'alg',
  before: 3.6,
  after: 3.42,
  threshold: 3.5,
  warnedChats: [],
  factId: '7',
  createdAt: new Date('2026-12-01T12:00:00+03:00'),
  ...over,
});

describe('average warning: planning', () => {
  it('is a crossing only from at or above the threshold (or no average) to below it', () => {
    expect(crossedBelow({ before: 3.6, after: 3.42, threshold: 3.5 })).toBe(true);
    expect(crossedBelow({ before: 3.5, after: 3.49, threshold: 3.5 })).toBe(true);
    expect(crossedBelow({ before: null, after: 3, threshold: 3.5 })).toBe(true);
    expect(crossedBelow({ before: 3.4, after: 3.2, threshold: 3.5 })).toBe(false);
    expect(crossedBelow({ before: 3.6, after: 3.5, threshold: 3.5 })).toBe(false);
    expect(crossedBelow({ before: 3.6, after: null, threshold: 3.5 })).toBe(false);
  });

  it('warns a subscriber not warned this week, beside the grade’s own alert, in both languages', () => {
    const input = {
      facts: [],
      recipients: new Map([
        ['st1', [recipient('grades'), recipient('grade-average'), recipient('grade-average', 'chat-vk')]],
      ]),
      classStudents: new Map(),
      subjectNames: new Map([['alg', 'Алгебра']]),
      withdrawn: [],
      averages: [average({ warnedChats: ['chat-vk'] })],
    };
    const items = planAlerts(input);
    expect(items.map((i) => [i.chatId, i.type, i.kind, i.refId, i.outboxId])).toEqual([
      ['chat-mom', 'grade-average', 'grade.average-low', 'avg:st1:alg', '-7'],
    ]);
    const group = (locale: string) =>
      composeMessage({
        chatId: 'chat-mom',
        locale,
        groupKey: items[0].groupKey,
        items: [{ id: '1', kind: items[0].kind, payload: items[0].payload, ingestedAt: items[0].ingestedAt }],
      }).text;
    expect(group('ru')).toBe('Маша: средний балл по алгебре опустился до 3,42 — ниже четвёрки');
    expect(group('en')).toBe('Маша: Алгебра average dropped to 3.42 — below a 4');
    // No crossing, or nobody with the warning on: nothing.
    expect(planAlerts({ ...input, averages: [average({ before: 3.4 })] })).toEqual([]);
    expect(planAlerts({ ...input, recipients: new Map([['st1', [recipient('grades')]]]) })).toEqual([]);
  });
});

for (const { kind, describe } of DATABASE_KINDS) {
  describe(`average warning from ingested grades (${kind})`, () => {
    let db: TestDatabase;
    let n = 0;
    beforeAll(async () => {
      db = await createTestDatabase(kind);
      await ingestBatch(
        createIngestStore(db),
        { events: [...schoolEvents('s1'), ...schoolEvents('s2')] },
        { defaultTimezone: 'Europe/Moscow', withOutbox: false },
      );
      await seedFamilies(db.sql.query, { studentIds: ['s1-st1', 's1-st2', 's2-st1'], guardiansOf: () => 1 });
      // Everyone has grade alerts; the warning is switched on by s1-st1's and s2-st1's parents only.
      await db.sql.query(
        `INSERT INTO "Subscription" (id, "personId", "studentId", type, enabled, "quietFrom", "quietTo", "updatedAt")
         SELECT 'avg-' || "personId", "personId", "studentId", 'grade-average', true, '00:00', '00:00', now()
         FROM "Subscription" WHERE "studentId" IN ('s1-st1', 's2-st1')`,
      );
      // s2 asks 3.7 for a "4".
      await db.sql.query(`UPDATE "School" SET rounding = '{"5": 4.6, "4": 3.7, "3": 2.6}'::jsonb WHERE id = 's2'`);
    });
    afterAll(async () => {
      await db?.destroy();
    });

    /** Ingests grades of s<school>-st1 (and s1-st2) in maths on 1 December, plans them; the warnings planned. */
    async function grades(values: string[], prefix = 's1', extra: Record<string, unknown> = {}) {
      const events = values.map((v) => gradeEvent(prefix, `${prefix}-g${++n}`, v, { date: '2026-12-01', ...extra }));
      await ingestBatch(createIngestStore(db), { events }, { defaultTimezone: 'Europe/Moscow' });
      await createAlertStore(db).planNext(1000, (input) => planAlerts(input));
      return db.sql.query<{ chatId: string; text: string }>(
        `SELECT "chatId", payload ->> 'average' AS text FROM "AlertItem"
         WHERE kind = 'grade.average-low' AND "outboxId" < 0 AND "outboxId" <= -(SELECT max(id) FROM "Outbox" WHERE kind = 'grade.created')
         ORDER BY id`,
      );
    }

    it('warns once when the quarter’s average drops below 3.5, and not while it stays below', async () => {
      // An old 2 of the first quarter does not count: the average is the current period's.
      await ingestBatch(
        createIngestStore(db),
        { events: [gradeEvent('s1', 's1-old', '2', { date: '2026-10-10' })] },
        { defaultTimezone: 'Europe/Moscow', withOutbox: false },
      );
      expect(await grades(['5', '4'])).toEqual([]); // 4.5
      expect(await grades(['2'])).toEqual([]); // 3.67
      expect(await grades(['2'])).toEqual([{ chatId: 'c-s1-st1-0', text: '3.25' }]);
      expect(await grades(['2'])).toEqual([]); // 3, still below
      const [grade] = await db.sql.query<{ n: number }>(
        `SELECT count(*)::int AS n FROM "AlertItem" WHERE kind = 'grade.created' AND "chatId" = 'c-s1-st1-0'`,
      );
      expect(grade.n).toBe(5); // the grades' own alerts go out as before
    });

    it('does not warn again within a week after climbing back and dropping again, but does after it', async () => {
      expect(await grades(['5', '5', '5', '5', '5'])).toEqual([]); // 4.0
      expect(await grades(['2', '2', '2', '2'])).toEqual([]); // 3.43: crossed, but warned this week
      await db.sql.query(
        `UPDATE "AlertItem" SET "ingestedAt" = "ingestedAt" - interval '8 days' WHERE kind = 'grade.average-low'`,
      );
      expect(await grades(['5', '5', '5', '5'])).toEqual([]); // 3.78
      expect(await grades(['2', '2', '2', '2'])).toEqual([{ chatId: 'c-s1-st1-0', text: '3.45' }]);
    });

    it('tells another family nothing, and follows the school’s own threshold', async () => {
      await grades(['2', '2'], 's1', { studentId: 's1-st2' });
      const [other] = await db.sql.query<{ n: number }>(
        `SELECT count(*)::int AS n FROM "AlertItem" WHERE kind = 'grade.average-low' AND "studentId" = 's1-st2'`,
      );
      expect(other.n).toBe(0);
      expect(await grades(['4', '4', '3'], 's2')).toEqual([{ chatId: 'c-s2-st1-0', text: '3.67' }]); // below 3.7
    });
  });
}
