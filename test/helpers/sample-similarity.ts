// When two sample utterances say the same thing. Alexa learns nothing from a sample that differs from
// another only by a filler word, a contraction or a letter, and such pairs are how a model grows
// without getting any better. Two samples are near-duplicates when they have the same slots and the
// same content words in any order — stop words and contractions aside, and a word counting as the
// same as its plural ("grade", "grades") or as a longer word one letter off ("homework", "homwork").

/** Words that carry no meaning of their own in a request: articles, pronouns, auxiliaries, prepositions. */
const STOP_WORDS = new Set(
  'a an the my me i we us our is are am was were be been do does did for on in at of to from please there any some it'.split(
    ' ',
  ),
);

const CONTRACTIONS: [RegExp, string][] = [
  [/\b(what|that|there|how|who|when|where|it|here)'s\b/g, '$1 is'],
  [/'re\b/g, ' are'],
  [/'ve\b/g, ' have'],
  [/'m\b/g, ' am'],
  [/'ll\b/g, ' will'],
  [/'d\b/g, ' would'],
  [/n't\b/g, ' not'],
];

export interface TSampleShape {
  /** The slots a sample names, sorted: samples with other slots are other requests. */
  slots: string;
  /** Its content words in the order said. */
  words: string[];
}

export function sampleShape(sample: string): TSampleShape {
  const slots = [...sample.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
  let text = sample.toLowerCase().replace(/\{\w+\}/g, ' ');
  for (const [pattern, replacement] of CONTRACTIONS) text = text.replace(pattern, replacement);
  const words = text.split(/\s+/).filter((w) => w && !STOP_WORDS.has(w));
  return { slots: slots.join(','), words };
}

/** Levenshtein distance, enough for short phrases. */
export function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++)
      current[j] = Math.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
    previous = current;
  }
  return previous[b.length];
}

const stem = (word: string) => word.replace(/s$/, '');

/** One word said two ways: a plural, or a slip of one letter in a word long enough not to be another word. */
function sameWord(a: string, b: string): boolean {
  if (stem(a) === stem(b)) return true;
  return Math.min(a.length, b.length) >= 5 && editDistance(a, b) <= 1;
}

export function nearDuplicates(a: string, b: string): boolean {
  const x = sampleShape(a);
  const y = sampleShape(b);
  if (x.slots !== y.slots || x.words.length !== y.words.length) return false;
  const xs = x.words.map(stem).sort();
  const ys = y.words.map(stem).sort();
  return xs.every((word, i) => sameWord(word, ys[i]));
}

/** The content of a sample with its slots, as one string: samples differing only in slots share it. */
export const carrierShape = (sample: string) => sampleShape(sample).words.join(' ');
