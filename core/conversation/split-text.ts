/**
 * Splits a long answer into messages of at most `limit` characters (each platform has its own) at
 * line breaks, so every HTML tag opened on a line (the renderers close their tags on the same line)
 * stays within one message. A single line longer than the limit is cut at the last whitespace
 * before it, which at worst splits plain text.
 */
export function splitText(text: string, limit: number): string[] {
  if (text.length <= limit) return [text];
  const parts: string[] = [];
  let current = '';
  for (const line of text.split('\n')) {
    for (const piece of cutLine(line, limit)) {
      const joined = current ? `${current}\n${piece}` : piece;
      if (joined.length <= limit) {
        current = joined;
        continue;
      }
      if (current.trim()) parts.push(current);
      current = piece;
    }
  }
  if (current.trim()) parts.push(current);
  return parts;
}

function cutLine(line: string, limit: number): string[] {
  const out: string[] = [];
  let rest = line;
  while (rest.length > limit) {
    const space = rest.lastIndexOf(' ', limit);
    const at = space > limit / 2 ? space : limit;
    out.push(rest.slice(0, at));
    rest = rest.slice(at).trimStart();
  }
  out.push(rest);
  return out;
}
