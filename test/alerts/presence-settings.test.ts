import { CALLBACK_LIMIT_BYTES } from '../../bots/telegram/callback-data';
import { INLINE_LIMITS } from '../../bots/vk';
import { fitRows } from '../../bots/vk/vk-keyboards';
import { BOT_TEXTS } from '../../core/conversation';
import { parseAction, settingsData } from '../../core/conversation/actions';
import { presenceMenu, settingsMenu } from '../../core/conversation/menus';
import { settingsPatch, summarize } from '../../core/conversation/settings-presets';
import { subscribeTypes } from '../../core/conversation/subscribe-scope';
import { DEFAULT_REMINDER_SETTINGS } from '../../core/reminders/reminder-types';
import {
  ALERT_TYPES,
  defaultSettings,
  PRESENCE_TYPES,
  SHARED_MODE_TYPES,
} from '../../core/settings/subscription-settings-port';
import { createDemoDatabase, DEMO_TODAY, dbDay } from '../helpers/demo-database';
import { callback, callbackData, privateText, type TApiCall } from '../helpers/telegram-harness';
import { telegramOnDatabase } from '../helpers/telegram-runtime';
import type { TestDatabase } from '../helpers/test-database';

// The presence alerts in the settings (README "Alerts"): their own screen behind one button on
// every settings screen that has room within VK's inline keyboard, absences' own delivery (after
// lessons by default), and «подпиши меня на уведомления» turning every type on.

describe('presence settings: menus', () => {
  const children = ['Маша', 'Петя', 'Ваня'];
  const layouts = (lang: 'ru' | 'en') => {
    const t = BOT_TEXTS[lang];
    const one = summarize([], ['s1']);
    const all = summarize([], ['s1', 's2', 's3']);
    return {
      single: settingsMenu(t, one),
      singleTeacher: settingsMenu(t, one, DEFAULT_REMINDER_SETTINGS),
      allChildren: settingsMenu(t, all, null, { children, child: null }),
      allChildrenTeacher: settingsMenu(t, all, DEFAULT_REMINDER_SETTINGS, { children, child: null }),
      child: settingsMenu(t, one, DEFAULT_REMINDER_SETTINGS, { children, child: 1 }),
      presence: presenceMenu(t, one, null),
      presenceChild: presenceMenu(t, one, 1),
      presenceTeacher: presenceMenu(t, one, null, true),
    };
  };

  it('knows the four types, and keeps absences out of the shared delivery', () => {
    expect(ALERT_TYPES).toEqual(expect.arrayContaining(['arrival', 'departure', 'absence', 'no-pass']));
    expect(PRESENCE_TYPES.every((type) => !SHARED_MODE_TYPES.includes(type))).toBe(true);
    expect(defaultSettings('absence')).toMatchObject({ enabled: false, mode: 'digest' });
    expect(defaultSettings('no-pass')).toMatchObject({ enabled: false, mode: 'instant' });
  });

  it('fits every settings screen into VK’s inline keyboard, with the presence button where there is room', () => {
    for (const lang of ['ru', 'en'] as const) {
      const screens = layouts(lang);
      for (const rows of Object.values(screens)) {
        expect(fitRows(rows, INLINE_LIMITS)).toEqual(rows);
        for (const b of rows.flat()) {
          expect(b.label.length).toBeLessThanOrEqual(40);
          expect(Buffer.byteLength(b.data)).toBeLessThanOrEqual(CALLBACK_LIMIT_BYTES);
          expect(parseAction(b.data)).not.toBeNull();
        }
      }
      const data = (rows: typeof screens.single) => rows.flat().map((b) => b.data);
      expect(data(screens.single)).toContain('s:p');
      expect(data(screens.singleTeacher)).toContain('s:p');
      expect(data(screens.allChildren)).toContain('s:p');
      // Full with a teacher's row: each child's screen has the button instead.
      expect(data(screens.allChildrenTeacher)).not.toContain('s:p');
      expect(data(screens.child)).toContain('s:p:1');
      // The main screens show no presence switch; the presence screen all four and absences' delivery.
      expect(data(screens.single).some((d) => /arrival|departure|absence|no-pass/.test(d))).toBe(false);
      expect(data(screens.presenceChild)).toEqual([
        's:t:arrival:1',
        's:t:departure:1',
        's:t:absence:1',
        's:t:no-pass:1',
        's:t:tests:1',
        's:t:school-news:1',
        's:am:1',
        's:tt:1',
        's:open:1',
      ]);
      expect(data(screens.presenceTeacher)).toEqual([
        's:t:arrival',
        's:t:departure',
        's:t:absence',
        's:t:no-pass',
        's:t:tests',
        's:t:school-news',
        's:am',
        's:tt',
        's:threshold',
        's:open',
      ]);
    }
    expect(layouts('ru').presence.flat()[6].label).toBe('⏱ Пропуски: после уроков');
    expect(layouts('en').presence.flat()[6].label).toBe('⏱ Absences: after lessons');
  });

  it('reads the presence buttons back', () => {
    expect(parseAction('s:p')).toEqual({ kind: 'settings', action: { kind: 'presence', child: null } });
    expect(parseAction('s:am:2')).toEqual({ kind: 'settings', action: { kind: 'absence-mode', child: 2 } });
    expect(parseAction('s:t:no-pass:1')).toEqual({
      kind: 'settings',
      action: { kind: 'toggle', type: 'no-pass', child: 1 },
    });
    expect(settingsData({ kind: 'absence-mode', child: null })).toBe('s:am');
    expect(parseAction('s:t:arrivals')).toBeNull();
  });

  it('switches absences between after lessons and at once, and the shared delivery leaves them alone', () => {
    const s = summarize([], ['s1']);
    expect(s.absenceMode).toBe('digest');
    expect(settingsPatch({ kind: 'absence-mode', child: null }, s)).toEqual({
      types: ['absence'],
      patch: { mode: 'instant', digestTime: null },
      inView: true,
    });
    expect(settingsPatch({ kind: 'absence-mode', child: null }, { ...s, absenceMode: 'instant' }).patch.mode).toBe(
      'digest',
    );
    expect(settingsPatch({ kind: 'mode' }, s).types).toEqual(SHARED_MODE_TYPES);
  });

  it('reads a subscribe phrase that names grades as grades, any other as every type', () => {
    expect(subscribeTypes('подпиши меня на уведомления')).toEqual(ALERT_TYPES);
    expect(subscribeTypes('subscribe me to alerts')).toEqual(ALERT_TYPES);
    expect(subscribeTypes('подпиши на оценки')).toEqual(['grades', 'final-grades', 'school-news']);
    expect(subscribeTypes('subscribe me to grades')).toEqual(['grades', 'final-grades', 'school-news']);
  });
});

describe('presence settings: a Telegram conversation', () => {
  let db: TestDatabase;
  let studentId: string;
  beforeAll(async () => {
    db = await createDemoDatabase();
    const grade = await db.prisma.grade.findFirstOrThrow({
      where: { date: dbDay(DEMO_TODAY), deletedAt: null },
      orderBy: { id: 'asc' },
    });
    studentId = grade.studentId;
  });
  afterAll(() => db?.destroy());

  const last = (calls: TApiCall[], method = 'sendMessage') => calls.filter((c) => c.method === method).at(-1)!;
  const rowsOf = async (chatId: number) => {
    const chat = await db.prisma.chat.findFirstOrThrow({ where: { channel: 'telegram', externalId: String(chatId) } });
    const subs = await db.prisma.subscription.findMany({
      where: { personId: chat.personId },
      orderBy: { type: 'asc' },
    });
    return subs.map((s) => `${s.type} ${s.enabled ? 'on' : 'off'} ${s.mode}`);
  };

  async function linked(chatId: number) {
    const tg = telegramOnDatabase(db);
    const code = await tg.issueCode(studentId);
    await tg.bot.handleUpdate(privateText(chatId, `/start ${code}`));
    await tg.bot.handleUpdate(callback(chatId, callbackData([last(tg.calls)])[0]));
    return tg;
  }

  it('«подпиши меня на уведомления» turns every type on, absences after lessons', async () => {
    const { bot, calls } = await linked(61000001);
    await bot.handleUpdate(privateText(61000001, 'подпиши меня на уведомления'));
    expect(String(last(calls).payload.text)).toContain('Все уведомления включены');
    expect(await rowsOf(61000001)).toEqual([
      'absence on digest',
      'arrival on instant',
      'balance on instant',
      'departure on instant',
      'final-grades on instant',
      'grade-average on instant',
      'grades on instant',
      'homework on instant',
      'no-pass on instant',
      'schedule on instant',
      'school-news on instant',
      'tests on instant',
    ]);

    // The presence screen: absences at once, the no-pass alert off; the shared delivery leaves absences be.
    await bot.handleUpdate(callback(61000001, 's:p'));
    expect(String(last(calls, 'editMessageText').payload.text)).toContain('Посещение');
    await bot.handleUpdate(callback(61000001, 's:am'));
    await bot.handleUpdate(callback(61000001, 's:t:no-pass'));
    expect(callbackData([last(calls, 'editMessageText')])).toContain('s:am');
    await bot.handleUpdate(callback(61000001, 's:mode'));
    const rows = await rowsOf(61000001);
    expect(rows).toContain('absence on instant');
    expect(rows).toContain('no-pass off instant');
    expect(rows).toContain('grades on digest');
  });

  it('«подпиши на оценки» stays grades and term marks, with the school news on by default', async () => {
    const { bot, calls } = await linked(61000002);
    await bot.handleUpdate(privateText(61000002, 'подпиши на оценки'));
    expect(String(last(calls).payload.text)).toContain('Уведомления об оценках включены');
    expect(await rowsOf(61000002)).toEqual(['final-grades on instant', 'grades on instant', 'school-news on instant']);
  });
});
