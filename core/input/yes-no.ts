import { LONGEST_PHRASE_WORDS, type TMeaning, type TWordRole, YES_NO_WORDS } from './yes-no-words';

// Whether a person agreed or refused, read from what they typed or said in answer to a yes-or-no
// question (the consent before a chat is linked). People answer in phrases — «да, согласен»,
// «ну давай», «пожалуй, нет», "yes please", "I don't agree" — and every channel reads them by this
// one rule. A text made of anything but the words of an answer («какие оценки», a link code, a
// question) is no answer: the question is asked again rather than a meaning guessed.

export type TYesNo = 'yes' | 'no';

// An answer is a few words. A longer text is something else, and is not read at all, so the work
// stays bounded whatever arrives.
export const MAX_ANSWER_CHARS = 200;
const MAX_ANSWER_WORDS = 16;

// Punctuation ends a clause: a phrase is not read across it («да, ну давай» holds no «да ну»), and
// a negation that reaches it is a refusal of its own («не, не надо»). Both patterns are single
// character classes, so matching takes time in proportion to the text.
const CLAUSE_BREAK = /[^\p{L}\p{N}\s'-]+/u;
const WORD = /[\p{L}\p{N}]+(?:'[\p{L}\p{N}]+)*/gu;

/** The text's clauses as lists of normalised words; null when it has more words than an answer. */
function clausesOf(text: string): string[][] | null {
  const normal = text
    .toLowerCase()
    .replace(/ё/g, 'е')
    .replace(/[’‘`´ʼ]/g, "'");
  const clauses: string[][] = [];
  let count = 0;
  for (const clause of normal.split(CLAUSE_BREAK)) {
    const words = clause.match(WORD) ?? [];
    count += words.length;
    if (count > MAX_ANSWER_WORDS) return null;
    if (words.length > 0) clauses.push(words);
  }
  return clauses;
}

/** The longest known phrase starting at `start`. */
function phraseAt(words: readonly string[], start: number): { length: number; role: TWordRole } | null {
  for (let length = Math.min(LONGEST_PHRASE_WORDS, words.length - start); length > 0; length -= 1) {
    const role = YES_NO_WORDS.get(words.slice(start, start + length).join(' '));
    if (role) return { length, role };
  }
  return null;
}

/** Adds what one clause says to `said`; false when it holds a word no answer is made of. */
function readClause(words: readonly string[], said: Set<TMeaning>): boolean {
  let negated = false;
  for (let i = 0; i < words.length; ) {
    const phrase = phraseAt(words, i);
    if (!phrase) return false;
    i += phrase.length;
    const { role } = phrase;
    if (role.kind === 'filler') continue;
    if (role.kind === 'negation') {
      // A negation meeting another is a refusal of its own: «не, не хочу» never reads as a double negative.
      if (negated) said.add('no');
      negated = true;
      continue;
    }
    said.add(negated ? role.negated : role.plain);
    negated = false;
  }
  // Nothing left to negate: «да не», "don't".
  if (negated) said.add('no');
  return true;
}

/** 'yes', 'no', or null when the text is no answer to a yes-or-no question (or too unsure to be one). */
export function readYesNo(text: string): TYesNo | null {
  if (text.length > MAX_ANSWER_CHARS) return null;
  const clauses = clausesOf(text);
  if (!clauses) return null;
  const said = new Set<TMeaning>();
  for (const words of clauses) if (!readClause(words, said)) return null;
  // A refusal wins over the agreement words around it («да нет, не хочу», «конечно нет»); a denied
  // refusal beside it («нет, не против») contradicts it, and is asked again.
  if (said.has('no')) return said.has('notNo') ? null : 'no';
  if (said.has('unsure')) return null;
  return said.has('yes') || said.has('notNo') ? 'yes' : null;
}
