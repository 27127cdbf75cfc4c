import { INLINE_LIMITS } from '../../bots/vk';
import { fitRows } from '../../bots/vk/vk-keyboards';
import { BOT_TEXTS } from '../../core/conversation';
import { parseSettingsData, SETTINGS_PATTERN, settingsData } from '../../core/conversation/actions';
import { settingsMenu } from '../../core/conversation/menus';
import { settingsPatch, summarize } from '../../core/conversation/settings-presets';
import { ingestBatch } from '../../core/ingest/ingest-batch';
import { DEFAULT_REMINDER_SETTINGS } from '../../core/reminders/reminder-types';
import { withFollowers } from '../../core/settings/subscription-settings-port';
import { createIngestStore } from '../../prisma/stores/ingest/ingest-store';
import { createSubscriptionSettingsStore } from '../../prisma/stores/settings/subscription-settings-store';
import { seedFamilies } from '../helpers/alert-fixtures';
import { subscriptionsOf } from '../helpers/final-grade-alerts';
import { schoolEvents } from '../helpers/journal-fixtures';
import { createTestDatabase, type TestDatabase } from '../helpers/test-database';

// Term marks in the settings: new grade subscriptions bring them, the grades switch carries them,
// and a child's screen has their own switch within the platforms' keyboard limits.

describe('final grade alerts: settings', () => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await createTestDatabase('pglite');
    await ingestBatch(
      createIngestStore(db),
      { events: schoolEvents('s1') },
      { defaultTimezone: 'Europe/Moscow', withOutbox: false },
    );
    // A mother of two (never subscribed) and another family's father.
    await seedFamilies(db.sql.query, { studentIds: ['s1-st1', 's1-st2'], guardiansOf: () => 1 });
    await db.sql.query(
      `INSERT INTO "StudentLink" ("personId", "studentId", role) VALUES ('p-s1-st1-0', 's1-st2', 'guardian')`,
    );
    await db.sql.query(`DELETE FROM "Subscription" WHERE "personId" = 'p-s1-st1-0'`);
  });
  afterAll(async () => {
    await db?.destroy();
  });
  const mom = 'p-s1-st1-0';
  // The school news a new subscription also brings (coming-settings.test.ts) is not this file's concern.
  const momRows = async () =>
    (await subscriptionsOf(db.sql.query))
      .filter((r) => r.personId === mom && r.type !== 'school-news')
      .map((r) => `${r.studentId} ${r.type} ${r.enabled ? 'on' : 'off'}`);

  it('a grades subscription made now brings term marks, for every child', async () => {
    const store = createSubscriptionSettingsStore(db);
    const tap = settingsPatch({ kind: 'grades-on' }, summarize([], ['s1-st1', 's1-st2']));
    expect(tap.types).toEqual(['grades', 'final-grades', 'school-news']);
    await store.write(mom, tap.types, tap.patch);
    expect(await momRows()).toEqual([
      's1-st1 final-grades on',
      's1-st1 grades on',
      's1-st2 final-grades on',
      's1-st2 grades on',
    ]);
    // The spoken «подпиши меня на оценки» writes the same types.
    expect(withFollowers(['grades'])).toEqual(['grades', 'final-grades']);
    expect(withFollowers(['homework'])).toEqual(['homework']);
    // The other family's rows are untouched.
    expect((await subscriptionsOf(db.sql.query)).filter((r) => r.personId !== mom)).toEqual([
      { personId: 'p-s1-st2-0', studentId: 's1-st2', type: 'grades', enabled: true, quietFrom: '00:00' },
    ]);
  });

  it('a child’s term-marks switch changes that child’s term marks alone', async () => {
    const store = createSubscriptionSettingsStore(db);
    const action = parseSettingsData('s:t:final-grades:1'.match(SETTINGS_PATTERN)!);
    expect(action).toEqual({ kind: 'toggle', type: 'final-grades', child: 1 });
    const tap = settingsPatch(
      action as Parameters<typeof settingsPatch>[0],
      summarize(await store.read(mom), ['s1-st2']),
    );
    await store.write(mom, tap.types, tap.patch, ['s1-st2']);
    expect(await momRows()).toEqual([
      's1-st1 final-grades on',
      's1-st1 grades on',
      's1-st2 final-grades off',
      's1-st2 grades on',
    ]);
  });

  it('the grades switch carries term marks off and on with it', async () => {
    const store = createSubscriptionSettingsStore(db);
    const off = settingsPatch(
      { kind: 'toggle', type: 'grades', child: null },
      summarize(await store.read(mom), ['s1-st1', 's1-st2']),
    );
    await store.write(mom, off.types, off.patch, ['s1-st1', 's1-st2']);
    expect(await momRows()).toEqual([
      's1-st1 final-grades off',
      's1-st1 grades off',
      's1-st2 final-grades off',
      's1-st2 grades off',
    ]);
    const on = settingsPatch(
      { kind: 'toggle', type: 'grades', child: 0 },
      summarize(await store.read(mom), ['s1-st1']),
    );
    await store.write(mom, on.types, on.patch, ['s1-st1']);
    expect((await momRows()).filter((r) => r.endsWith('on'))).toEqual(['s1-st1 final-grades on', 's1-st1 grades on']);
  });

  it('the average warning is off by default, and its own switch turns it on for one child', async () => {
    const store = createSubscriptionSettingsStore(db);
    const before = summarize(await store.read(mom), ['s1-st1']);
    expect(before.enabled['grade-average']).toEqual({ on: 0, of: 1 });
    const menu = settingsMenu(BOT_TEXTS.ru, before, null, { children: ['Маша', 'Петя'], child: 0 });
    expect(menu.flat().find((b) => b.data === 's:t:grade-average:0')?.label).toBe('▫️ Средний ниже «4»');
    const tap = settingsPatch({ kind: 'toggle', type: 'grade-average', child: 0 }, before);
    expect(tap.types).toEqual(['grade-average']);
    await store.write(mom, tap.types, tap.patch, ['s1-st1']);
    expect((await momRows()).filter((r) => r.includes('grade-average'))).toEqual(['s1-st1 grade-average on']);
  });

  it('shows the term-marks switch on a child’s screen, within VK’s inline keyboard, in both languages', async () => {
    const store = createSubscriptionSettingsStore(db);
    const rows = await store.read(mom);
    const children = ['Маша', 'Петя'];
    for (const lang of ['ru', 'en'] as const) {
      const t = BOT_TEXTS[lang];
      const first = settingsMenu(t, summarize(rows, ['s1-st1']), null, { children, child: 0 });
      expect(fitRows(first, INLINE_LIMITS)).toEqual(first);
      const label = first
        .flat()
        .find((b) => b.data === settingsData({ kind: 'toggle', type: 'final-grades', child: 0 }));
      expect(label?.label).toBe(`✅ ${t.settings.types['final-grades']}`);
      // The all-children screen is full: the grades switch speaks for term marks there.
      const all = settingsMenu(t, summarize(rows, ['s1-st1', 's1-st2']), DEFAULT_REMINDER_SETTINGS, {
        children,
        child: null,
      });
      expect(fitRows(all, INLINE_LIMITS)).toEqual(all);
      expect(all.flat().some((b) => b.data.startsWith('s:t:final-grades'))).toBe(false);
      // One child: the switch is there; with a teacher's reminders too the screen is full, as above.
      const single = settingsMenu(t, summarize(rows, ['s1-st1']));
      expect(fitRows(single, INLINE_LIMITS)).toEqual(single);
      expect(single.flat().map((b) => b.data)).toContain('s:t:final-grades');
      const teacher = settingsMenu(t, summarize(rows, ['s1-st1']), DEFAULT_REMINDER_SETTINGS);
      expect(fitRows(teacher, INLINE_LIMITS)).toEqual(teacher);
      expect(teacher.flat().map((b) => b.data)).not.toContain('s:t:final-grades');
    }
    expect(BOT_TEXTS.ru.settings.types['final-grades']).toBe('Итоговые оценки');
    expect(BOT_TEXTS.ru.settings.types['grade-average']).toBe('Средний ниже «4»');
    expect(BOT_TEXTS.en.settings.types['grade-average']).toBe('Average below 4');
    expect(BOT_TEXTS.en.settings.types['final-grades']).toBe('Term marks');
  });
});
