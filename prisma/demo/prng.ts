// Seeded randomness for the demo school. Every draw comes from a PRNG seeded by a stable key
// (a lesson id, a student and a week, ...), never from Math.random or the clock, so the same
// inputs always give the same school, and a fact about a given day does not depend on which
// "today" the demo was generated for.

export type TRandom = () => number;

/** mulberry32: tiny, fast and good enough for made-up school data. */
export function mulberry32(seed: number): TRandom {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** FNV-1a over the parts joined with '|': turns a readable key into a 32-bit seed. */
export function hashSeed(...parts: (string | number)[]): number {
  const text = parts.join('|');
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

export function createRandom(...parts: (string | number)[]): TRandom {
  return mulberry32(hashSeed(...parts));
}

/** An integer in [min, max], both ends included. */
export function randomInt(rnd: TRandom, min: number, max: number): number {
  return min + Math.floor(rnd() * (max - min + 1));
}

export function pick<T>(rnd: TRandom, items: readonly T[]): T {
  return items[Math.floor(rnd() * items.length)];
}

export function chance(rnd: TRandom, probability: number): boolean {
  return rnd() < probability;
}

/** A shuffled copy (Fisher–Yates). */
export function shuffled<T>(rnd: TRandom, items: readonly T[]): T[] {
  const copy = [...items];
  for (let i = copy.length - 1; i > 0; i--) {
    const j = Math.floor(rnd() * (i + 1));
    [copy[i], copy[j]] = [copy[j], copy[i]];
  }
  return copy;
}
