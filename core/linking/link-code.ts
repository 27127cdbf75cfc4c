import { randomInt } from 'node:crypto';

// One-time link codes (README "Link codes and the odds of guessing one"): 12 digits printed as three groups of four.
// No group starts with 0: a group is then always a four-digit number, so speech recognition
// ("четыре тысячи восемьсот пятнадцать"), spreadsheets and people dropping a leading zero
// cannot turn a code into something shorter or ambiguous.

export const CODE_LENGTH = 12;
const GROUP = 4;

/** How many distinct codes exist: 9·10³ per group, three groups. */
export const CODE_SPACE = (9 * 10 ** (GROUP - 1)) ** (CODE_LENGTH / GROUP);

/** A fresh code from the operating system's CSPRNG, digits only ("481526047391"). */
export function generateLinkCode(): string {
  let code = '';
  for (let group = 0; group < CODE_LENGTH / GROUP; group += 1) code += String(randomInt(1000, 10000));
  return code;
}

/** "481526047391" → "4815 2604 7391", as printed in letters and shown in chats. */
export function formatLinkCode(code: string, separator = ' '): string {
  return code.match(/\d{1,4}/g)?.join(separator) ?? code;
}

/** The Telegram deep link a QR code in the letter opens: /start with the code as payload. */
export function telegramLinkUrl(botUsername: string, code: string): string {
  return `https://t.me/${botUsername.replace(/^@/, '')}?start=${code}`;
}

/**
 * The MAX deep link: the code arrives as the `payload` of the bot's `bot_started` update. MAX
 * takes at most 128 characters of start payload; a code is 12 digits, so it always fits.
 */
export function maxLinkUrl(botUsername: string, code: string): string {
  return `https://max.ru/${botUsername.replace(/^@/, '')}?start=${code}`;
}

/** VK's community-chat link; `ref` reaches the bot with the first message. */
export function vkLinkUrl(groupId: number, code: string): string {
  return `https://vk.me/club${groupId}?ref=${code}`;
}
