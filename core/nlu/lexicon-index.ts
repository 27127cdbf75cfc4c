/**
 * Lookup structures shared by the lexicons. Everything is built once at module load so that
 * parsing an utterance is a handful of Map lookups per token (the parser must stay far above
 * 20k utterances per second).
 */

/**
 * Expands a compact pattern into all its spellings: `мир{|а|у}` → `мир`, `мира`, `миру`.
 * Several groups multiply out; agreement between groups is not enforced because accepting
 * a mismatched form ("окружающему мира") is harmless and people do write that way.
 */
export function expand(pattern: string): string[] {
  const open = pattern.indexOf('{');
  if (open < 0) return [pattern];
  const close = pattern.indexOf('}', open);
  if (close < 0) throw new Error(`unbalanced pattern: ${pattern}`);
  const head = pattern.slice(0, open);
  const tails = expand(pattern.slice(close + 1));
  const out: string[] = [];
  for (const alt of pattern.slice(open + 1, close).split('|')) {
    for (const tail of tails) out.push(head + alt + tail);
  }
  return out;
}

export interface TMatch<V> {
  len: number;
  value: V;
}

interface TPhrase<V> {
  words: string[];
  value: V;
}

/** Multi-word phrases keyed by their first word; the longest phrase wins. */
export class PhraseIndex<V> {
  private readonly byFirst = new Map<string, TPhrase<V>[]>();

  add(pattern: string, value: V): this {
    for (const spelling of expand(pattern)) {
      const words = spelling.split(' ').filter(Boolean);
      if (words.length === 0) continue;
      const bucket = this.byFirst.get(words[0]) ?? [];
      bucket.push({ words, value });
      bucket.sort((a, b) => b.words.length - a.words.length);
      this.byFirst.set(words[0], bucket);
    }
    return this;
  }

  hasFirst(word: string): boolean {
    return this.byFirst.has(word);
  }

  /** `used` marks tokens another extractor already claimed; a phrase never spans them. */
  match(tokens: readonly string[], i: number, used?: Uint8Array): TMatch<V> | null {
    const bucket = this.byFirst.get(tokens[i]);
    if (!bucket) return null;
    outer: for (const phrase of bucket) {
      const { words } = phrase;
      if (i + words.length > tokens.length) continue;
      for (let k = 0; k < words.length; k++) {
        if (tokens[i + k] !== words[k]) continue outer;
        if (used && used[i + k]) continue outer;
      }
      return { len: words.length, value: phrase.value };
    }
    return null;
  }
}

interface TStem<V> {
  stem: string;
  value: V;
}

/**
 * Word beginnings: Russian inflects the ending, so `математ` covers математика, математике,
 * математику… Bucketed by the first two letters; the longest matching stem wins.
 */
export class StemIndex<V> {
  private readonly byHead = new Map<string, TStem<V>[]>();

  add(stem: string, value: V): this {
    if (stem.length < 2) throw new Error(`stem too short: ${stem}`);
    const head = stem.slice(0, 2);
    const bucket = this.byHead.get(head) ?? [];
    bucket.push({ stem, value });
    bucket.sort((a, b) => b.stem.length - a.stem.length);
    this.byHead.set(head, bucket);
    return this;
  }

  match(word: string): V | undefined {
    const bucket = this.byHead.get(word.slice(0, 2));
    if (!bucket) return undefined;
    for (const entry of bucket) if (word.startsWith(entry.stem)) return entry.value;
    return undefined;
  }
}

/**
 * Remembers per-word answers that do not depend on context. Bounded so that a stream of
 * unique garbage cannot grow it without limit: when full it simply starts over.
 */
export class WordMemo<V> {
  private readonly map = new Map<string, V>();

  constructor(private readonly limit = 20_000) {}

  get(word: string, compute: (word: string) => V): V {
    const hit = this.map.get(word);
    if (hit !== undefined || this.map.has(word)) return hit as V;
    const value = compute(word);
    if (this.map.size >= this.limit) this.map.clear();
    this.map.set(word, value);
    return value;
  }
}
