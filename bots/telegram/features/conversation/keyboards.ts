import { InlineKeyboard } from 'grammy';
import { mainMenu, type TButtonRows, type TKeyboard, viewRows } from '../../../../core/conversation';
import type { TBotTexts } from '../../locales';

const inline = (rows: TButtonRows) =>
  InlineKeyboard.from(rows.map((row) => row.map((b) => InlineKeyboard.text(b.label, b.data))));

/** Telegram shows every menu as inline buttons under its message: the full layout fits its limits. */
export function toInlineKeyboard(t: TBotTexts, keyboard: TKeyboard): InlineKeyboard {
  switch (keyboard.kind) {
    case 'main':
      return inline(mainMenu(t));
    case 'view':
      return inline(viewRows(keyboard.menu));
    case 'rows':
      return inline(keyboard.rows);
  }
}
