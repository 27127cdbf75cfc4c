import type { TSpokenSection } from './spoken-sections';

/** Alice's limit for both `text` and `tts` (docs/platforms.md). */
export const ALICE_LIMIT = 1024;

export interface FitOptions {
  limit: number;
  /** Put between sections (a pause). */
  joiner: string;
  andMore(n: number): string;
  /** Applied to every piece before measuring (stress marks, XML escaping). */
  map?: (text: string) => string;
  /**
   * Items to keep at most. Alice's `text` and `tts` are fitted separately but must name the same
   * items: words and stress marks make the `tts` longer, so both keep what fits into either.
   */
  maxItems?: number;
}

/**
 * Joins the sections within `limit` characters. When they do not fit, whole items are dropped
 * from the ends of the sections and counted in each ("и ещё 3"), so a reply never stops mid-word
 * and every student keeps a share of it; a single prefix too long on its own is cut at a word.
 */
export function fitSpeech(sections: readonly TSpokenSection[], options: FitOptions): string {
  return fitted(sections, options).text;
}

/** How many items `fitSpeech` keeps with these options. */
export function itemsThatFit(sections: readonly TSpokenSection[], options: FitOptions): number {
  return fitted(sections, options).kept;
}

function fitted(sections: readonly TSpokenSection[], options: FitOptions): { text: string; kept: number } {
  const map = options.map ?? ((t: string) => t);
  const mapped = sections.map((s) => ({
    prefix: map(s.prefix),
    items: s.items.map(map),
    sep: map(s.sep),
    suffix: map(s.suffix),
  }));
  const total = mapped.reduce((n, s) => n + s.items.length, 0);

  /**
   * The reply keeping `keep` items in all, shared out one by one across the sections. A section
   * that loses items says how many of its own are left out: the number said before its list
   * stays the number of items it read and left out, and no student's part is dropped whole.
   */
  const render = (keep: number): string => {
    const shares = shareOut(
      mapped.map((s) => s.items.length),
      keep,
    );
    return mapped
      .map((s, i) => {
        const n = shares[i];
        if (n === s.items.length) return s.prefix + s.items.join(s.sep) + s.suffix;
        const kept = s.items.slice(0, n);
        return s.prefix + kept.join(s.sep) + (n > 0 ? s.sep : '') + map(options.andMore(s.items.length - n)) + '.';
      })
      .join(options.joiner);
  };

  for (let keep = Math.min(total, options.maxItems ?? total); keep >= 0; keep--) {
    const text = render(keep);
    if (text.length <= options.limit) return { text, kept: keep };
  }
  return { text: cutAtWord(render(0), options.limit), kept: 0 };
}

/** `keep` items dealt one at a time to sections of these sizes, as far as each has items. */
function shareOut(sizes: readonly number[], keep: number): number[] {
  const shares = sizes.map(() => 0);
  let left = keep;
  while (left > 0) {
    let dealt = false;
    for (let i = 0; i < sizes.length && left > 0; i++) {
      if (shares[i] < sizes[i]) {
        shares[i] += 1;
        left -= 1;
        dealt = true;
      }
    }
    if (!dealt) break;
  }
  return shares;
}

function cutAtWord(text: string, limit: number): string {
  if (text.length <= limit) return text;
  const cut = text.slice(0, Math.max(0, limit - 1));
  const space = cut.lastIndexOf(' ');
  return `${space > 0 ? cut.slice(0, space) : cut}…`;
}
