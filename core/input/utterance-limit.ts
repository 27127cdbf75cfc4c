// An utterance is at most 1,024 characters: Yandex never sends a longer command, and nobody asks
// a diary question that long. Parsing costs time in proportion to the text, so a longer one is
// never parsed: voice channels cut it (a forged request gains nothing), chats answer that it is
// too long.

export const MAX_UTTERANCE_CHARS = 1024;

export const isTooLongUtterance = (text: string): boolean => text.length > MAX_UTTERANCE_CHARS;

/** The first 1,024 characters, never ending in half of a surrogate pair. */
export function cutUtterance(text: string): string {
  if (text.length <= MAX_UTTERANCE_CHARS) return text;
  const last = text.charCodeAt(MAX_UTTERANCE_CHARS - 1);
  return text.slice(0, last >= 0xd800 && last <= 0xdbff ? MAX_UTTERANCE_CHARS - 1 : MAX_UTTERANCE_CHARS);
}
