// A small SVG builder: elements as strings, every attribute and text escaped in one place.
// Subject and child names come from a school's journal and may hold anything: "<", "&", quotes,
// control characters (which XML 1.0 does not allow at all, escaped or not) and lone surrogates
// (which have no UTF-8 form). resvg refuses the whole document over one bare "&" or control
// character, so every text is escaped, and what XML cannot hold dropped, here in one place.

/** A character XML 1.0 allows (its Char production); a lone surrogate comes here as one unit and is not. */
const isXmlChar = (c: number) =>
  c === 0x9 || c === 0xa || c === 0xd || (c >= 0x20 && c <= 0xd7ff) || (c >= 0xe000 && c <= 0xfffd) || c >= 0x10000;

/** Text safe inside an element or a double-quoted attribute. */
export function xmlText(text: string): string {
  // Printable ASCII with nothing to escape (colours, numbers, path data) is most of a chart: as it is.
  if (!/[^ -~]|[&<>"']/.test(text)) return text;
  let kept = '';
  for (const ch of text) if (isXmlChar(ch.codePointAt(0) ?? 0)) kept += ch;
  return kept
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;');
}

/** A coordinate or length with at most two decimals: enough at 2× and keeps a 1,200-cell grid small. */
export const px = (n: number): string => String(Math.round(n * 100) / 100);

export type TAttrs = Record<string, string | number | null | undefined>;

function attrs(a: TAttrs): string {
  let out = '';
  for (const [name, value] of Object.entries(a)) {
    if (value === null || value === undefined) continue;
    out += ` ${name}="${typeof value === 'number' ? px(value) : xmlText(value)}"`;
  }
  return out;
}

/** An element; `children` are already built markup. */
export function el(tag: string, a: TAttrs, ...children: string[]): string {
  return children.length ? `<${tag}${attrs(a)}>${children.join('')}</${tag}>` : `<${tag}${attrs(a)}/>`;
}

/** A text element whose content is escaped. */
export function text(a: TAttrs, content: string): string {
  return `<text${attrs(a)}>${xmlText(content)}</text>`;
}

/** The whole document: `width` × `height` in CSS pixels, on a white ground (chats show transparency as black or grey). */
export function svgDocument(width: number, height: number, fontFamily: string, body: string[]): string {
  return el(
    'svg',
    {
      xmlns: 'http://www.w3.org/2000/svg',
      width,
      height,
      viewBox: `0 0 ${px(width)} ${px(height)}`,
      'font-family': fontFamily,
    },
    el('rect', { width, height, fill: '#ffffff' }),
    ...body,
  );
}
