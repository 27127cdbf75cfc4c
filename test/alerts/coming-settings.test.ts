import fs from 'node:fs';
import path from 'node:path';
import { CALLBACK_LIMIT_BYTES } from '../../bots/telegram/callback-data';
import { INLINE_LIMITS } from '../../bots/vk';
import { fitRows } from '../../bots/vk/vk-keyboards';
import { BOT_TEXTS } from '../../core/conversation';
import { parseAction } from '../../core/conversation/actions';
import { presenceMenu, settingsMenu } from '../../core/conversation/menus';
import { settingsPatch, summarize } from '../../core/conversation/settings-presets';
import { ingestBatch } from '../../core/ingest/ingest-batch';
import { DEFAULT_REMINDER_SETTINGS } from '../../core/reminders/reminder-types';
import {
  ALERT_TYPES,
  COMING_TYPES,
  defaultSettings,
  SHARED_MODE_TYPES,
  withDefaultsOn,
} from '../../core/settings/subscription-settings-port';
import { createIngestStore } from '../../prisma/stores/ingest/ingest-store';
import { createSubscriptionSettingsStore } from '../../prisma/stores/settings/subscription-settings-store';
import { seedFamilies } from '../helpers/alert-fixtures';
import { schoolEvents } from '../helpers/journal-fixtures';
import { createTestDatabase, DATABASE_KINDS, type TestDatabase } from '../helpers/test-database';

// Tests and school news in the settings (README "Alerts"): two switches and the evening time
// (18:00 / 19:00 / 20:00, 19:00 by default) on the presence screen within VK's ten buttons; school
// news on by default for new subscriptions and, by the data migration, for existing subscribers.

const migrationsDir = path.join(__dirname, '..', '..', 'prisma', 'migrations');
const SCHOOL_NEWS_MIGRATION = fs.readdirSync(migrationsDir).find((name) => name.endsWith('_school_news_alerts'))!;
const schoolNewsSql = fs.readFileSync(path.join(migrationsDir, SCHOOL_NEWS_MIGRATION, 'migration.sql'), 'utf8');

describe('tests and school news: menus', () => {
  it('are alert types of their own, outside the shared delivery; tests remind at 19:00 by default', () => {
    expect(ALERT_TYPES).toEqual(expect.arrayContaining(['tests', 'school-news']));
    expect(COMING_TYPES.every((type) => !SHARED_MODE_TYPES.includes(type))).toBe(true);
    expect(defaultSettings('tests')).toMatchObject({ enabled: false, mode: 'instant', digestTime: '19:00' });
    expect(withDefaultsOn(['homework'])).toEqual(['homework', 'school-news']);
  });

  it('cycles the evening time 19:00 → 20:00 → 18:00 → 19:00, for the children in view only', () => {
    const s = summarize([], ['s1']);
    expect(s.testsTime).toBe('19:00');
    const at = (testsTime: string) => settingsPatch({ kind: 'tests-time', child: 0 }, { ...s, testsTime });
    expect(at('19:00')).toEqual({ types: ['tests'], patch: { digestTime: '20:00' }, inView: true });
    expect(at('20:00').patch).toEqual({ digestTime: '18:00' });
    expect(at('18:00').patch).toEqual({ digestTime: '19:00' });
    expect(settingsPatch({ kind: 'mode' }, s).types).not.toContain('tests');
  });

  it('puts both switches and the time on the presence screen, within VK’s limits, and none on the main screens', () => {
    const children = ['Маша', 'Петя', 'Ваня'];
    for (const lang of ['ru', 'en'] as const) {
      const t = BOT_TEXTS[lang];
      const one = summarize([], ['s1']);
      const presence = [presenceMenu(t, one, null), presenceMenu(t, one, 2), presenceMenu(t, one, null, true)];
      for (const rows of presence) {
        expect(fitRows(rows, INLINE_LIMITS)).toEqual(rows);
        for (const b of rows.flat()) {
          expect(b.label.length).toBeLessThanOrEqual(40);
          expect(Buffer.byteLength(b.data)).toBeLessThanOrEqual(CALLBACK_LIMIT_BYTES);
          expect(parseAction(b.data)).not.toBeNull();
        }
      }
      expect(presence[1].flat().map((b) => b.data)).toEqual(
        expect.arrayContaining(['s:t:tests:2', 's:t:school-news:2', 's:tt:2']),
      );
      const main = [
        settingsMenu(t, one),
        settingsMenu(t, one, DEFAULT_REMINDER_SETTINGS),
        settingsMenu(t, summarize([], ['a', 'b', 'c']), DEFAULT_REMINDER_SETTINGS, { children, child: null }),
        settingsMenu(t, one, null, { children, child: 1 }),
      ];
      for (const rows of main) {
        expect(fitRows(rows, INLINE_LIMITS)).toEqual(rows);
        expect(rows.flat().some((b) => /tests|school-news|s:tt/.test(b.data))).toBe(false);
      }
    }
    const time = presenceMenu(BOT_TEXTS.ru, summarize([], ['s1']), null)
      .flat()
      .find((b) => b.data === 's:tt');
    expect(time?.label).toBe('📝 Накануне в 19:00');
    expect(BOT_TEXTS.en.settings.testsTime('20:00')).toBe('📝 The evening before at 20:00');
    expect(parseAction('s:tt:1')).toEqual({ kind: 'settings', action: { kind: 'tests-time', child: 1 } });
  });
});

for (const { kind, describe } of DATABASE_KINDS) {
  describe(`tests and school news: stored settings (${kind})`, () => {
    let db: TestDatabase;
    beforeAll(async () => {
      db = await createTestDatabase(kind);
      await ingestBatch(
        createIngestStore(db),
        { events: schoolEvents('s1') },
        { defaultTimezone: 'Europe/Moscow', withOutbox: false },
      );
      await seedFamilies(db.sql.query, { studentIds: ['s1-st1', 's1-st2'], guardiansOf: () => 1 });
    });
    afterAll(async () => {
      await db?.destroy();
    });
    const rows = (type: string) =>
      db.sql.query<{ personId: string; studentId: string; enabled: boolean; digestTime: string | null }>(
        `SELECT "personId", "studentId", enabled, "digestTime" FROM "Subscription" WHERE type = $1 ORDER BY "personId"`,
        [type],
      );

    it('keeps the chosen evening time in the tests row, switched on or not', async () => {
      const store = createSubscriptionSettingsStore(db);
      const mom = 'p-s1-st1-0';
      const tap = settingsPatch({ kind: 'tests-time', child: 0 }, summarize(await store.read(mom), ['s1-st1']));
      await store.write(mom, tap.types, tap.patch, ['s1-st1']);
      expect(await rows('tests')).toEqual([
        { personId: mom, studentId: 's1-st1', enabled: false, digestTime: '20:00' },
      ]);
      const on = settingsPatch(
        { kind: 'toggle', type: 'tests', child: 0 },
        summarize(await store.read(mom), ['s1-st1']),
      );
      await store.write(mom, on.types, on.patch, ['s1-st1']);
      expect(await rows('tests')).toEqual([{ personId: mom, studentId: 's1-st1', enabled: true, digestTime: '20:00' }]);
      expect(summarize(await store.read(mom), ['s1-st1']).testsTime).toBe('20:00');
    });

    it('the data migration turns school news on for whoever has any alert on, once', async () => {
      const migrated = await db.sql.query<{ n: number }>(
        `SELECT count(*)::int AS n FROM _prisma_migrations WHERE migration_name = $1 AND finished_at IS NOT NULL`,
        [SCHOOL_NEWS_MIGRATION],
      );
      expect(migrated[0].n).toBe(1);
      await db.sql.query(`UPDATE "Subscription" SET enabled = false WHERE "personId" = 'p-s1-st2-0'`);
      await db.sql.query(schoolNewsSql);
      await db.sql.query(schoolNewsSql);
      expect(await rows('school-news')).toEqual([
        { personId: 'p-s1-st1-0', studentId: 's1-st1', enabled: true, digestTime: null },
      ]);
    });
  });
}
