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
}

/**
 * Joins the sections within `limit` characters. When they do not fit, whole items are dropped
 * from the end and counted ("и ещё 3"), so a reply never stops mid-word; a single prefix too
 * long on its own is cut at a word.
 */
export function fitSpeech(sections: readonly TSpokenSection[], options: FitOptions): string {
  const map = options.map ?? ((t: string) => t);
  const mapped = sections.map((s) => ({
    prefix: map(s.prefix),
    items: s.items.map(map),
    sep: map(s.sep),
    suffix: map(s.suffix),
  }));
  const total = mapped.reduce((n, s) => n + s.items.length, 0);

  /** The reply keeping only the first `keep` items; later sections are dropped with them. */
  const render = (keep: number): string => {
    const parts: string[] = [];
    let budget = keep;
    for (const s of mapped) {
      if (budget >= s.items.length) {
        parts.push(s.prefix + s.items.join(s.sep) + s.suffix);
        budget -= s.items.length;
        continue;
      }
      const kept = s.items.slice(0, budget);
      parts.push(
        s.prefix + kept.join(s.sep) + (kept.length > 0 ? s.sep : '') + map(options.andMore(total - keep)) + '.',
      );
      break;
    }
    return parts.join(options.joiner);
  };

  for (let keep = total; keep >= 0; keep--) {
    const text = render(keep);
    if (text.length <= options.limit) return text;
  }
  return cutAtWord(render(0), options.limit);
}

function cutAtWord(text: string, limit: number): string {
  if (text.length <= limit) return text;
  const cut = text.slice(0, Math.max(0, limit - 1));
  const space = cut.lastIndexOf(' ');
  return `${space > 0 ? cut.slice(0, space) : cut}…`;
}
