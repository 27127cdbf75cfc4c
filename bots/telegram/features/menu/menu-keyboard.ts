import { InlineKeyboard } from 'grammy';
import { menuData, SETTINGS_OPEN_DATA, type TMenuView, type TSection } from '../../callback-data';
import type { TBotTexts } from '../../locales';
import { addDays, shortDay } from './school-days';

const SECTIONS: TSection[] = ['grades', 'homework', 'schedule', 'balance'];

function sectionLabel(t: TBotTexts, section: TSection): string {
  return section === 'balance' ? t.menu.canteen : t.menu[section];
}

export function mainMenuKeyboard(t: TBotTexts): InlineKeyboard {
  const button = (section: TSection) => InlineKeyboard.text(sectionLabel(t, section), menuData({ section, date: null, child: null }));
  return InlineKeyboard.from([
    [button('grades'), button('homework')],
    [button('schedule'), button('balance')],
    [InlineKeyboard.text(t.menu.settings, SETTINGS_OPEN_DATA)],
  ]);
}

/** What the view keyboard needs from the answer it sits under. */
export interface TShownPeriod {
  /** The day shown. */
  day: string;
  /** The school's today. */
  today: string;
}

/** Sections, ‹ yesterday · today · tomorrow › around the shown day, and a child switcher for several children. */
export function viewKeyboard(t: TBotTexts, view: TMenuView, shown: TShownPeriod | null, children: string[]): InlineKeyboard {
  const keyboard = new InlineKeyboard();
  for (const section of SECTIONS) {
    const label = section === view.section ? `· ${sectionLabel(t, section)} ·` : sectionLabel(t, section);
    keyboard.text(label, menuData({ section, date: section === 'balance' ? null : view.date, child: view.child }));
  }
  if (shown) {
    const label = (day: string) =>
      day === shown.today ? t.menu.today : day === addDays(shown.today, -1) ? t.menu.yesterday : day === addDays(shown.today, 1) ? t.menu.tomorrow : shortDay(day);
    const prev = addDays(shown.day, -1);
    const next = addDays(shown.day, 1);
    keyboard
      .row()
      .text(`‹ ${label(prev)}`, menuData({ ...view, date: prev }))
      .text(shown.day === shown.today ? `· ${t.menu.today} ·` : t.menu.today, menuData({ ...view, date: shown.today }))
      .text(`${label(next)} ›`, menuData({ ...view, date: next }));
  }
  if (children.length > 1) {
    keyboard.row().text(view.child === null ? `· ${t.menu.allChildren} ·` : t.menu.allChildren, menuData({ ...view, child: null }));
    children.forEach((name, i) => {
      if (i % 3 === 2) keyboard.row();
      keyboard.text(view.child === i ? `· ${name} ·` : name, menuData({ ...view, child: i }));
    });
  }
  return keyboard;
}
