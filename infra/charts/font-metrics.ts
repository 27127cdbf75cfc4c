// Advance widths read straight from a TrueType file, so that a long subject name can be cut to
// its column before it is drawn: SVG has no way to ask how wide a text came out. Only what that
// needs is read — the glyph index of a character (cmap format 4, the Basic Multilingual Plane)
// and its advance (hmtx); kerning is left out, which errs towards a little spare room.

export interface FontMetrics {
  /** The width of `text` at `size` pixels. */
  width(text: string, size: number): number;
}

function tables(font: Buffer): Map<string, number> {
  const offsets = new Map<string, number>();
  const count = font.readUInt16BE(4);
  for (let i = 0; i < count; i += 1) {
    const record = 12 + i * 16;
    offsets.set(font.toString('latin1', record, record + 4), font.readUInt32BE(record + 8));
  }
  return offsets;
}

/** The Unicode BMP subtable (format 4) of the cmap table, as a character → glyph lookup. */
function glyphLookup(font: Buffer, cmap: number): (code: number) => number {
  const subtables = font.readUInt16BE(cmap + 2);
  let sub = -1;
  for (let i = 0; i < subtables && sub < 0; i += 1) {
    const record = cmap + 4 + i * 8;
    const platform = font.readUInt16BE(record);
    const encoding = font.readUInt16BE(record + 2);
    const at = cmap + font.readUInt32BE(record + 4);
    if ((platform === 3 && encoding === 1) || platform === 0) {
      if (font.readUInt16BE(at) === 4) sub = at;
    }
  }
  if (sub < 0) throw new Error('the font has no Unicode cmap subtable of format 4');
  const segments = font.readUInt16BE(sub + 6) / 2;
  const ends = sub + 14;
  const starts = ends + segments * 2 + 2;
  const deltas = starts + segments * 2;
  const rangeOffsets = deltas + segments * 2;
  return (code) => {
    if (code > 0xffff) return 0;
    for (let s = 0; s < segments; s += 1) {
      if (font.readUInt16BE(ends + s * 2) < code) continue;
      const start = font.readUInt16BE(starts + s * 2);
      if (start > code) return 0;
      const delta = font.readInt16BE(deltas + s * 2);
      const rangeOffset = font.readUInt16BE(rangeOffsets + s * 2);
      if (rangeOffset === 0) return (code + delta) & 0xffff;
      const glyph = font.readUInt16BE(rangeOffsets + s * 2 + rangeOffset + (code - start) * 2);
      return glyph === 0 ? 0 : (glyph + delta) & 0xffff;
    }
    return 0;
  };
}

export function parseFontMetrics(font: Buffer): FontMetrics {
  const offsets = tables(font);
  const at = (tag: string) => {
    const offset = offsets.get(tag);
    if (offset === undefined) throw new Error(`the font has no ${tag} table`);
    return offset;
  };
  const unitsPerEm = font.readUInt16BE(at('head') + 18);
  const longMetrics = font.readUInt16BE(at('hhea') + 34);
  const hmtx = at('hmtx');
  const glyph = glyphLookup(font, at('cmap'));
  // Glyphs past the long metrics share the last advance (the OpenType hmtx rule).
  const advance = (g: number) => font.readUInt16BE(hmtx + Math.min(g, longMetrics - 1) * 4);
  const cache = new Map<number, number>();
  return {
    width(text, size) {
      let units = 0;
      for (const ch of text) {
        const code = ch.codePointAt(0) ?? 0;
        let a = cache.get(code);
        if (a === undefined) {
          a = advance(glyph(code));
          cache.set(code, a);
        }
        units += a;
      }
      return (units / unitsPerEm) * size;
    },
  };
}
