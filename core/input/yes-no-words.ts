// The words of a yes or a no, Russian and English, in the normalised form yes-no.ts reads them in
// (lower case, е for ё, ’ as '). A phrase is its words joined by one space; the longest phrase
// that fits is taken, so «не вопрос» (= sure) is read whole and never as «не» + «вопрос».

/** What a word says about the question asked. */
export type TMeaning =
  /** agreement: «да», «согласен», "sure" */
  | 'yes'
  /** refusal: «нет», «отказываюсь», "nope" */
  | 'no'
  /** a refusal that is denied: «не против», "I don't mind" — agreement in the negative */
  | 'notNo'
  /** neither: «наверное», "maybe", «не знаю» — the question is asked again */
  | 'unsure'
  /** nothing on its own, yet it takes a negation: «уверен» in «не уверен» */
  | 'none';

export type TWordRole =
  | { kind: 'meaning'; plain: TMeaning; negated: TMeaning }
  /** «не», "not": turns the next meaning word; with none after it, a refusal on its own («да не», "don't") */
  | { kind: 'negation' }
  /** said along the way, meaning nothing here: «ну», «пожалуй», "well", "um", "please" */
  | { kind: 'filler' };

const AGREEMENT = [
  'да',
  'ага',
  'угу',
  'конечно',
  'давай',
  'давайте',
  'валяй',
  'хорошо',
  'ладно',
  'лады',
  'ок',
  'окей',
  'окэй',
  'согласен',
  'согласна',
  'согласны',
  'соглашаюсь',
  'разрешаю',
  'принимаю',
  'подтверждаю',
  'даю',
  'естественно',
  'разумеется',
  'безусловно',
  'хочу',
  'надо',
  'нужно',
  'можно',
  'верно',
  'отлично',
  'договорились',
  'поехали',
  'годится',
  'пойдет',
  'так и быть',
  'почему бы и нет',
  'почему бы нет',
  'почему нет',
  'не вопрос',
  'без вопросов',
  'без проблем',
  'нет проблем',
  'yes',
  'yeah',
  'yea',
  'yep',
  'yup',
  'aye',
  'ok',
  'okay',
  'o k',
  'alright',
  'all right',
  'right',
  'correct',
  'fine',
  'good',
  'great',
  'perfect',
  'agree',
  'agreed',
  'accept',
  'consent',
  'allow',
  'want',
  'certainly',
  'absolutely',
  'definitely',
  'of course',
  'go ahead',
  'go on',
  "let's go",
  'lets go',
  'do it',
  'why not',
  'no problem',
  'no worries',
  'no objection',
  'no objections',
  'think so',
  'guess so',
];

const REFUSAL = [
  'нет',
  'неа',
  'никогда',
  'нельзя',
  'отказ',
  'отмена',
  'ни за что',
  'ни в коем случае',
  'no',
  'nope',
  'nah',
  'never',
  'cancel',
  'no way',
];

/** Refusals that a negation turns into agreement: «не против», «не возражаю», "I don't mind". */
const DENIABLE_REFUSAL = [
  'против',
  'возражаю',
  'отказываюсь',
  'сомневаюсь',
  'mind',
  'object',
  'refuse',
  'decline',
  'disagree',
];

const HEDGE = [
  'наверное',
  'может',
  'возможно',
  'может быть',
  'вероятно',
  'maybe',
  'perhaps',
  'possibly',
  'probably',
  'dunno',
];

/** Words that say nothing alone, but are doubt after a negation: «не уверен», «не знаю», "not sure", "don't know". */
const CERTAINTY = ['уверен', 'уверена', 'уверены', 'знаю', 'know'];

const NEGATION = ['не', 'ни', 'not', "don't", 'dont', 'do not', "doesn't", "won't", 'wont', "can't", 'cannot'];

const FILLER = [
  // Russian particles, pronouns and politeness
  'ну',
  'пожалуй',
  'а',
  'и',
  'же',
  'уж',
  'вот',
  'так',
  'ведь',
  'просто',
  'вроде',
  'еще',
  'уже',
  'очень',
  'совсем',
  'вообще',
  'все',
  'это',
  'этим',
  'этого',
  'с',
  'со',
  'на',
  'то',
  'тогда',
  'я',
  'мы',
  'мне',
  'меня',
  'думаю',
  'кажется',
  'по моему',
  'в общем',
  'спасибо',
  'пожалуйста',
  'благодарю',
  'согласие',
  'согласия',
  'условиями',
  'условия',
  'алиса',
  'хм',
  'эм',
  'э',
  'ээ',
  'эээ',
  'м',
  'мм',
  'ммм',
  'ой',
  // English
  'well',
  'um',
  'umm',
  'uh',
  'er',
  'erm',
  'hmm',
  'oh',
  'ah',
  'i',
  "i'm",
  'im',
  'am',
  'we',
  'do',
  'really',
  'very',
  'so',
  'then',
  'now',
  'just',
  'all',
  'that',
  "that's",
  'thats',
  'it',
  "it's",
  'this',
  'to',
  'with',
  'the',
  'terms',
  'sounds',
  'please',
  'thanks',
  'thank',
  'you',
  'alexa',
];

function entries(phrases: readonly string[], role: TWordRole): [string, TWordRole][] {
  return phrases.map((phrase) => [phrase, role]);
}

/** Every word and phrase the rule knows; a word it does not know makes the text no answer at all. */
export const YES_NO_WORDS: ReadonlyMap<string, TWordRole> = new Map([
  ...entries(FILLER, { kind: 'filler' }),
  ...entries(NEGATION, { kind: 'negation' }),
  ...entries(AGREEMENT, { kind: 'meaning', plain: 'yes', negated: 'no' }),
  ...entries(REFUSAL, { kind: 'meaning', plain: 'no', negated: 'no' }),
  ...entries(DENIABLE_REFUSAL, { kind: 'meaning', plain: 'no', negated: 'notNo' }),
  ...entries(HEDGE, { kind: 'meaning', plain: 'unsure', negated: 'unsure' }),
  ...entries(CERTAINTY, { kind: 'meaning', plain: 'none', negated: 'unsure' }),
  // "sure" agrees alone, but "not sure" doubts.
  ['sure', { kind: 'meaning', plain: 'yes', negated: 'unsure' }],
  // «да ну» alone waves the question away rather than agreeing.
  ['да ну', { kind: 'meaning', plain: 'unsure', negated: 'unsure' }],
]);

/** The longest phrase in words: no longer run of words needs to be looked up. */
export const LONGEST_PHRASE_WORDS = Math.max(...[...YES_NO_WORDS.keys()].map((phrase) => phrase.split(' ').length));
