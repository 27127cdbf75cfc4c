import { MAX_INLINE_LIMITS, toMaxKeyboard } from '../../bots/max';
import { privateChatKeyboard, type TMaxKeyboard } from '../../bots/max/max-keyboards';
import { BOT_TEXTS, mainMenu, type TKeyboard, viewMenu } from '../../core/conversation';
import { presenceMenu, settingsMenu } from '../../core/conversation/menus';
import { summarize } from '../../core/conversation/settings-presets';
import { DEFAULT_REMINDER_SETTINGS } from '../../core/reminders/reminder-types';

// MAX inline keyboards: at most 210 buttons, 30 rows, 7 a row, for every menu the conversation
// makes; MAX has no keyboard under the input field, so every menu is inline and none is cut.

const SECTIONS = ['grades', 'homework', 'schedule', 'balance', 'results'] as const;

function expectWithinLimits(keyboard: TMaxKeyboard) {
  const { buttons } = keyboard.payload;
  expect(buttons.flat().length).toBeLessThanOrEqual(MAX_INLINE_LIMITS.buttons);
  expect(buttons.length).toBeLessThanOrEqual(MAX_INLINE_LIMITS.rows);
  for (const row of buttons) expect(row.length).toBeLessThanOrEqual(MAX_INLINE_LIMITS.perRow);
  for (const b of buttons.flat()) expect(b.text.length).toBeLessThanOrEqual(64);
}

/** Every keyboard the conversation makes, in both languages, for families of 1 to 8 children and a teacher. */
function everyMenu(): { name: string; keyboard: TKeyboard; buttons: number }[] {
  const out: { name: string; keyboard: TKeyboard; buttons: number }[] = [];
  const family = ['Маша', 'Петя', 'Ваня', 'Оля', 'Коля', 'Даша', 'Миша', 'Аня'];
  for (const lang of ['ru', 'en'] as const) {
    const t = BOT_TEXTS[lang];
    out.push({ name: `${lang} main`, keyboard: { kind: 'main' }, buttons: mainMenu(t).flat().length });
    for (let n = 1; n <= family.length; n++) {
      const children = family.slice(0, n);
      for (const section of SECTIONS)
        for (const child of [null, n - 1]) {
          const shown =
            section === 'balance' || section === 'results' ? null : { day: '2026-12-02', today: '2026-12-02' };
          const menu = viewMenu(t, { section, date: shown ? '2026-12-02' : null, child }, shown, children, true);
          const buttons = menu.sections.length + menu.days.length + menu.children.length;
          out.push({
            name: `${lang} ${section} ${n} children, child ${child}`,
            keyboard: { kind: 'view', menu },
            buttons,
          });
        }
      const ids = children.map((_, i) => `s${i}`);
      const teacher = { ...DEFAULT_REMINDER_SETTINGS, mode: 'digest' as const, digestTime: '19:00' };
      for (const child of [null, n - 1]) {
        const scope = { children, child };
        const settings = settingsMenu(t, summarize([], child === null ? ids : [ids[child]]), teacher, scope);
        out.push({
          name: `${lang} settings ${n}/${child}`,
          keyboard: { kind: 'rows', rows: settings },
          buttons: settings.flat().length,
        });
        const presence = presenceMenu(t, summarize([], ids), child, true);
        out.push({
          name: `${lang} presence ${n}/${child}`,
          keyboard: { kind: 'rows', rows: presence },
          buttons: presence.flat().length,
        });
      }
    }
  }
  return out;
}

describe('MAX keyboards', () => {
  it('keeps every menu within MAX’s inline limits and cuts none of them', () => {
    const menus = everyMenu();
    expect(menus.length).toBeGreaterThan(200);
    for (const { name, keyboard, buttons } of menus) {
      const made = toMaxKeyboard(BOT_TEXTS.ru, keyboard);
      expect({ name, type: made.type }).toEqual({ name, type: 'inline_keyboard' });
      expectWithinLimits(made);
      expect({ name, buttons: made.payload.buttons.flat().length }).toEqual({ name, buttons });
      for (const b of made.payload.buttons.flat())
        expect(b).toMatchObject({ type: 'callback', payload: expect.any(String) });
    }
  });

  it('cuts a layout beyond the limits, the first buttons kept, and a long label with an ellipsis', () => {
    const row = (r: number, n: number) =>
      Array.from({ length: n }, (_, i) => ({ label: `b${r}.${i}`, data: `d${r}.${i}` }));
    const wide = toMaxKeyboard(BOT_TEXTS.ru, { kind: 'rows', rows: [row(0, 10)] });
    expect(wide.payload.buttons.map((r) => r.length)).toEqual([7, 3]);
    const tall = toMaxKeyboard(BOT_TEXTS.ru, { kind: 'rows', rows: Array.from({ length: 40 }, (_, r) => row(r, 7)) });
    expectWithinLimits(tall);
    expect(tall.payload.buttons.flat()).toHaveLength(MAX_INLINE_LIMITS.buttons);
    expect(tall.payload.buttons[0][0]).toMatchObject({ payload: 'd0.0' });
    const long = toMaxKeyboard(BOT_TEXTS.ru, { kind: 'rows', rows: [[{ label: 'Я'.repeat(100), data: 's:open' }]] });
    expect(long.payload.buttons[0][0].text).toBe(`${'Я'.repeat(63)}…`);
  });

  it('gives a group chat one link button to the private chat, or none without a username', () => {
    expect(privateChatKeyboard(BOT_TEXTS.ru, 'dnevnik_bot')).toEqual({
      type: 'inline_keyboard',
      payload: { buttons: [[{ type: 'link', text: BOT_TEXTS.ru.group.openChat, url: 'https://max.ru/dnevnik_bot' }]] },
    });
    expect(privateChatKeyboard(BOT_TEXTS.ru, undefined)).toBeUndefined();
  });
});
