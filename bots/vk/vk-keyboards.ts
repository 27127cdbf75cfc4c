import { Keyboard, KeyboardBuilder } from 'vk-io';
import {
  fitRows,
  mainMenu,
  type TBotTexts,
  type TButton,
  type TButtonRows,
  type TKeyboard,
} from '../../core/conversation';
import type { TLang } from '../../core/i18n';

// VK limits (docs/platforms.md): a standard keyboard holds at most 40 buttons (5 per row, 10 rows), an
// inline one at most 10 (5 per row, 6 rows); a label at most 40 characters; a payload 255.

export const STANDARD_LIMITS = { buttons: 40, perRow: 5, rows: 10 };
export const INLINE_LIMITS = { buttons: 10, perRow: 5, rows: 6 };

export { fitRows };

const LABEL_LIMIT = 40;

/** What a button carries: the shared action and the reader's language (a tap carries no client info). */
export interface TVkPayload {
  a: string;
  l?: TLang;
}

const label = (text: string) => (text.length <= LABEL_LIMIT ? text : `${text.slice(0, LABEL_LIMIT - 1)}…`);

function build(rows: TButtonRows, lang: TLang, kind: 'standard' | 'inline'): KeyboardBuilder {
  const builder = Keyboard.builder();
  const fitted = fitRows(rows, kind === 'inline' ? INLINE_LIMITS : STANDARD_LIMITS);
  fitted.forEach((row, i) => {
    if (i > 0) builder.row();
    for (const b of row) {
      const payload: TVkPayload = { a: b.data, l: lang };
      if (kind === 'inline') builder.callbackButton({ label: label(b.label), payload });
      else builder.textButton({ label: label(b.label), payload });
    }
  });
  return kind === 'inline' ? builder.inline() : builder;
}

/**
 * The section menu becomes the persistent keyboard under the input field, so a view's inline
 * keyboard needs only the days and the child switcher and stays within 10 buttons.
 */
export function toVkKeyboard(t: TBotTexts, lang: TLang, keyboard: TKeyboard): KeyboardBuilder {
  switch (keyboard.kind) {
    case 'main':
      return build(mainMenu(t), lang, 'standard');
    case 'view': {
      const { days, children } = keyboard.menu;
      const rows: TButton[][] = [];
      if (days.length) rows.push(days);
      for (let i = 0; i < children.length; i += 3) rows.push(children.slice(i, i + 3));
      return build(rows, lang, 'inline');
    }
    case 'rows':
      return build(keyboard.rows, lang, 'inline');
  }
}

/** In a conversation with several people: one button that opens a private chat with the community. */
export function privateChatKeyboard(t: TBotTexts, groupId: number): KeyboardBuilder {
  return Keyboard.builder()
    .urlButton({ label: label(t.group.openChat), url: `https://vk.me/club${groupId}` })
    .inline();
}

/** The action and language of a pressed button, or null for a payload that is not ours. */
export function readPayload(payload: unknown): TVkPayload | null {
  if (typeof payload === 'string') {
    try {
      return readPayload(JSON.parse(payload));
    } catch {
      return null;
    }
  }
  if (typeof payload !== 'object' || payload === null) return null;
  const a = 'a' in payload ? payload.a : undefined;
  const l = 'l' in payload ? payload.l : undefined;
  if (typeof a !== 'string' || a.length > 200) return null;
  return { a, l: l === 'en' ? 'en' : l === 'ru' ? 'ru' : undefined };
}

/** VK's own Start button under a new chat: its payload is {"command":"start"}, not one of ours. */
export function isStartCommand(payload: unknown): boolean {
  return typeof payload === 'object' && payload !== null && 'command' in payload && payload.command === 'start';
}
