import { INLINE_LIMITS, STANDARD_LIMITS } from '../../bots/vk';
import { fitRows, isStartCommand, readPayload, toVkKeyboard } from '../../bots/vk/vk-keyboards';
import { BOT_TEXTS, mainMenu, viewMenu } from '../../core/conversation';
import { presenceMenu, settingsMenu } from '../../core/conversation/menus';
import { summarize } from '../../core/conversation/settings-presets';
import { DEFAULT_REMINDER_SETTINGS } from '../../core/reminders/reminder-types';

// VK keyboard limits: standard ≤ 40 buttons, inline ≤ 10 (≤ 5 a row, ≤ 6 rows), labels ≤ 40 characters.

const t = BOT_TEXTS.ru;
const count = (json: string) => (JSON.parse(json) as { buttons: unknown[][] }).buttons.flat().length;

describe('VK keyboards', () => {
  it('keeps a view with many children within the inline limit, days first', () => {
    const children = ['Маша', 'Петя', 'Ваня', 'Оля', 'Коля', 'Даша', 'Миша', 'Аня'];
    const menu = viewMenu(
      t,
      { section: 'grades', date: '2026-12-02', child: null },
      { day: '2026-12-02', today: '2026-12-02' },
      children,
    );
    const keyboard = JSON.parse(toVkKeyboard(t, 'ru', { kind: 'view', menu }).toString()) as {
      inline: boolean;
      buttons: { action: { type: string; label: string; payload: string } }[][];
    };
    expect(keyboard.inline).toBe(true);
    expect(keyboard.buttons.flat()).toHaveLength(INLINE_LIMITS.buttons);
    expect(keyboard.buttons[0].map((b) => b.action.label)).toEqual(['‹ вчера', '· сегодня ·', 'завтра ›']);
    expect(keyboard.buttons.flat().every((b) => b.action.type === 'callback')).toBe(true);
    expect(JSON.parse(keyboard.buttons[0][0].action.payload)).toEqual({ a: 'm:g:2026-12-01:a', l: 'ru' });
  });

  it('puts the results screen’s chart buttons first, per child for up to three, within the inline limit', () => {
    const results = (children: string[], child: number | null) => {
      const menu = viewMenu(t, { section: 'results', date: null, child }, null, children, true);
      const json = JSON.parse(toVkKeyboard(t, 'ru', { kind: 'view', menu }).toString()) as {
        buttons: { action: { label: string; payload: string } }[][];
      };
      const all = json.buttons.flat().map((b) => JSON.parse(b.action.payload).a as string);
      expect(all.length).toBeLessThanOrEqual(INLINE_LIMITS.buttons);
      // Nothing of the view is cut: every chart button and the whole switcher are there.
      expect(all).toHaveLength(menu.days.length + menu.children.length);
      return { first: json.buttons[0].map((b) => b.action.label), charts: all.filter((a) => a.startsWith('p:')) };
    };
    expect(results(['Маша'], null)).toEqual({ first: ['📈 График'], charts: ['p:a'] });
    expect(results(['Маша', 'Петя', 'Ваня'], null)).toEqual({
      first: ['📈 Маша', '📈 Петя', '📈 Ваня'],
      charts: ['p:0', 'p:1', 'p:2'],
    });
    expect(results(['Маша', 'Петя', 'Ваня', 'Оля', 'Коля'], null).charts).toEqual([]);
    expect(results(['Маша', 'Петя', 'Ваня', 'Оля', 'Коля'], 3).charts).toEqual(['p:3']);
    // Without a renderer there is no chart button.
    expect(viewMenu(t, { section: 'results', date: null, child: null }, null, ['Маша']).days).toEqual([]);
  });

  it('cuts rows wider than five and stops at the button and row limits', () => {
    const row = (n: number) => Array.from({ length: n }, (_, i) => ({ label: `b${i}`, data: `d${i}` }));
    expect(fitRows([row(7)], INLINE_LIMITS).map((r) => r.length)).toEqual([5, 2]);
    expect(fitRows([row(4), row(4), row(4)], INLINE_LIMITS).flat()).toHaveLength(10);
    expect(
      fitRows(
        Array.from({ length: 12 }, () => row(5)),
        STANDARD_LIMITS,
      ).flat(),
    ).toHaveLength(40);
    expect(
      fitRows(
        Array.from({ length: 8 }, () => row(1)),
        INLINE_LIMITS,
      ),
    ).toHaveLength(6);
  });

  it('puts the section menu on the persistent keyboard with labels VK accepts', () => {
    const json = toVkKeyboard(BOT_TEXTS.en, 'en', { kind: 'main' }).toString();
    expect(count(json)).toBe(mainMenu(BOT_TEXTS.en).flat().length);
    expect(JSON.parse(json).inline).toBeFalsy();
    const long = toVkKeyboard(t, 'ru', {
      kind: 'rows',
      rows: [[{ label: 'Очень длинная надпись на кнопке, которая не влезет', data: 's:open' }]],
    }).toString();
    expect(
      (JSON.parse(long) as { buttons: { action: { label: string } }[][] }).buttons[0][0].action.label,
    ).toHaveLength(40);
  });

  it('fits a teacher’s settings (alerts and journal reminders) into the inline keyboard without cutting any', () => {
    const summary = summarize([], ['student-1']);
    const teacher = { ...DEFAULT_REMINDER_SETTINGS, mode: 'digest' as const, digestTime: '19:00' };
    for (const lang of ['ru', 'en'] as const) {
      const rows = settingsMenu(BOT_TEXTS[lang], summary, teacher);
      expect(fitRows(rows, INLINE_LIMITS)).toEqual(rows);
      expect(rows.flat().map((b) => b.data)).toEqual(
        expect.arrayContaining(['s:p', 's:r-toggle', 's:r-mode', 's:r-quiet']),
      );
      // The screen is at VK's 10 buttons: the balance threshold is on the presence screen instead.
      const presence = presenceMenu(BOT_TEXTS[lang], summary, null, true);
      expect(fitRows(presence, INLINE_LIMITS)).toEqual(presence);
      expect(presence.flat().map((b) => b.data)).toContain('s:threshold');
    }
  });

  it('fits the settings of a teacher with several children, all-children screen and one child’s, without cutting any', () => {
    const teacher = { ...DEFAULT_REMINDER_SETTINGS };
    const children = ['Маша', 'Петя', 'Ваня'];
    for (const lang of ['ru', 'en'] as const) {
      const all = settingsMenu(BOT_TEXTS[lang], summarize([], ['s1', 's2', 's3']), teacher, { children, child: null });
      expect(fitRows(all, INLINE_LIMITS)).toEqual(all);
      expect(all.flat().map((b) => b.data)).toEqual([
        's:open:0',
        's:t:grades',
        's:t:homework',
        's:t:schedule',
        's:t:balance',
        's:mode',
        's:quiet',
        's:r-toggle',
        's:r-mode',
        's:r-quiet',
      ]);
      const last = settingsMenu(BOT_TEXTS[lang], summarize([], ['s3']), null, { children, child: 2 });
      expect(fitRows(last, INLINE_LIMITS)).toEqual(last);
      expect(last.flat().map((b) => b.data)).toEqual([
        's:open',
        's:t:grades:2',
        's:t:homework:2',
        's:t:schedule:2',
        's:t:balance:2',
        's:t:final-grades:2',
        's:t:grade-average:2',
        's:threshold:2',
        's:p:2',
      ]);
      for (const label of [...all, ...last].flat().map((b) => b.label)) expect(label.length).toBeLessThanOrEqual(40);
    }
  });

  it('reads only payloads our buttons carry', () => {
    expect(readPayload('{"a":"m:g:t:a","l":"en"}')).toEqual({ a: 'm:g:t:a', l: 'en' });
    expect(readPayload({ command: 'start' })).toBeNull();
    expect(readPayload('not json')).toBeNull();
    expect(readPayload({ a: 'x'.repeat(300) })).toBeNull();
  });

  it('tells VK’s own Start button from other payloads', () => {
    expect(isStartCommand({ command: 'start' })).toBe(true);
    for (const payload of [{ command: 'stop' }, { a: 'start' }, 'start', null, undefined, ['start']])
      expect(isStartCommand(payload)).toBe(false);
  });
});
