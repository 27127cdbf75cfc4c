import {
  fitRows,
  mainMenu,
  type TBotTexts,
  type TButtonRows,
  type TKeyboard,
  type TKeyboardLimits,
  viewRows,
} from '../../core/conversation';

// MAX's inline keyboards (dev.max.ru, "Клавиатура"): at most 210 buttons in 30 rows, 7 to a row
// (3 for link buttons); a callback button carries a payload string back in message_callback. MAX
// has no keyboard under the input field, so every menu is inline under its message, as in
// Telegram: the full layout, cut to the limits (the first buttons kept) should a menu outgrow them.

export const MAX_INLINE_LIMITS: TKeyboardLimits = { buttons: 210, perRow: 7, rows: 30 };
/** A button's text is cut here with an ellipsis: the menus' labels are far shorter. */
const LABEL_LIMIT = 64;

export interface TMaxCallbackButton {
  type: 'callback';
  text: string;
  payload: string;
}
export interface TMaxLinkButton {
  type: 'link';
  text: string;
  url: string;
}
export interface TMaxKeyboard {
  type: 'inline_keyboard';
  payload: { buttons: (TMaxCallbackButton | TMaxLinkButton)[][] };
}

const label = (text: string) => (text.length <= LABEL_LIMIT ? text : `${text.slice(0, LABEL_LIMIT - 1)}…`);

function inline(rows: TButtonRows): TMaxKeyboard {
  const buttons = fitRows(rows, MAX_INLINE_LIMITS).map((row) =>
    row.map((b): TMaxCallbackButton => ({ type: 'callback', text: label(b.label), payload: b.data })),
  );
  return { type: 'inline_keyboard', payload: { buttons } };
}

/** The conversation's keyboard as MAX's inline keyboard attachment. */
export function toMaxKeyboard(t: TBotTexts, keyboard: TKeyboard): TMaxKeyboard {
  switch (keyboard.kind) {
    case 'main':
      return inline(mainMenu(t));
    case 'view':
      return inline(viewRows(keyboard.menu));
    case 'rows':
      return inline(keyboard.rows);
  }
}

/** In a group chat: one button that opens a private chat with the bot, when its username is known. */
export function privateChatKeyboard(t: TBotTexts, username: string | undefined): TMaxKeyboard | undefined {
  if (!username) return undefined;
  const open: TMaxLinkButton = { type: 'link', text: label(t.group.openChat), url: `https://max.ru/${username}` };
  return { type: 'inline_keyboard', payload: { buttons: [[open]] } };
}
