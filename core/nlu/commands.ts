import type { TIntent } from './types';

/**
 * Chat commands ("/grades", "/дз", "/start 482915736104"). The menu buttons of Telegram and VK
 * send them, so they must map exactly; what follows the command is parsed as usual
 * ("/homework tomorrow").
 */
const COMMANDS: Record<string, TIntent> = {
  grades: 'grades',
  marks: 'grades',
  оценки: 'grades',
  отметки: 'grades',
  ocenki: 'grades',
  homework: 'homework',
  hw: 'homework',
  дз: 'homework',
  домашка: 'homework',
  dz: 'homework',
  schedule: 'schedule',
  timetable: 'schedule',
  расписание: 'schedule',
  raspisanie: 'schedule',
  balance: 'balance',
  баланс: 'balance',
  canteen: 'balance',
  lunch: 'balance',
  питание: 'balance',
  subscribe: 'subscribe',
  alerts: 'subscribe',
  notify: 'subscribe',
  подписка: 'subscribe',
  подписаться: 'subscribe',
  unsubscribe: 'unsubscribe',
  stop: 'unsubscribe',
  отписаться: 'unsubscribe',
  отписка: 'unsubscribe',
  settings: 'settings',
  настройки: 'settings',
  preferences: 'settings',
  calendar: 'calendar',
  календарь: 'calendar',
  link: 'link',
  привязать: 'link',
  code: 'link',
  код: 'link',
  forget: 'forget',
  delete: 'forget',
  забудь: 'forget',
  удалить: 'forget',
  help: 'help',
  помощь: 'help',
  menu: 'help',
  меню: 'help',
  start: 'help',
};

const COMMAND_RE = /^\s*\/([\p{L}_]+)(?:@\w+)?/u;

export interface TCommand {
  intent: TIntent;
  /** The text after the command, parsed for dates, subject and child. */
  rest: string;
}

export function readCommand(text: string): TCommand | null {
  const m = COMMAND_RE.exec(text);
  if (!m) return null;
  const intent = COMMANDS[m[1].toLowerCase()];
  if (!intent) return null;
  return { intent, rest: text.slice(m[0].length) };
}

// Twelve digits, typed or spoken in groups, with spaces or dashes between them.
const LINK_CODE_RE = /(?<!\d)\d(?:[\s-]*\d){11}(?![\s-]*\d)/;

/** A one-time link code anywhere in the text: 12 digits, spaces and dashes ignored (README "Link codes and the odds of guessing one"). */
export function hasLinkCode(text: string): boolean {
  return LINK_CODE_RE.test(text);
}
