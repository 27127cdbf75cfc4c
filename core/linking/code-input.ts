import { CODE_LENGTH } from './link-code';
import { isNumberWord, spokenToDigits } from './spoken-numbers';

// What a person sends as a code: typed ("4815 2604 7391", "4815-2604-7391", "4815.2604.7391"),
// scanned (the /start payload "481526047391") or spoken and transcribed ("мой код сорок восемь
// пятнадцать двадцать шесть ноль четыре …"). Words around the code are ignored; the digits are
// not reordered or guessed — anything but exactly 12 digits is "not a code".

/** The 12 digits of a code in free text, or null. Also accepts a t.me / vk.me link to a code. */
export function parseCodeInput(text: string): string | null {
  const tokens = text
    .toLowerCase()
    .replace(/ё/g, 'е')
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean);
  // The number may be surrounded by words ("мой код …", "my code is …"): take the first run of
  // number tokens that spells exactly 12 digits, so words around it neither split nor extend it.
  let best: string | null = null;
  let run: string[] = [];
  const close = () => {
    const digits = run.length > 0 ? spokenToDigits(run) : null;
    if (digits && digits.length === CODE_LENGTH && best === null) best = digits;
    run = [];
  };
  for (const token of tokens) {
    if (/^\d+$/.test(token) || isNumberWord(token) || ((token === 'and' || token === 'и') && run.length > 0))
      run.push(token);
    else close();
  }
  close();
  return best;
}

/** Whether the text looks like an attempt at a code (digits or number words), to answer "that is not a code" instead of passing it to the question parser. */
export function looksLikeCodeAttempt(text: string): boolean {
  const digits = text.replace(/\D/g, '');
  return digits.length >= 8 || parseCodeInput(text) !== null;
}
