// The small grammar the sample utterances are written in, so that each intent's file reads as the
// sentences people say rather than a list of their slot permutations:
//   (a|b|c)  one of the alternatives        what (grades|marks) did I get
//   [x]      x, or nothing                  what homework is due [{date}]
// Both nest: [in {subject} (today|{date})]. Slots ({date}) pass through untouched.

type TNode = { kind: 'text'; text: string } | { kind: 'choice'; options: TNode[][]; optional: boolean };

const CLOSING = { '(': ')', '[': ']' } as const;

/** Parses until `closing` (or the end at the top level); returns the alternatives and where it stopped. */
function parseOptions(carrier: string, from: number, closing: ')' | ']' | null): { options: TNode[][]; end: number } {
  const options: TNode[][] = [[]];
  let text = '';
  const flush = () => {
    if (text) options[options.length - 1].push({ kind: 'text', text });
    text = '';
  };
  for (let i = from; i < carrier.length; i++) {
    const c = carrier[i];
    if (c === '(' || c === '[') {
      flush();
      const inner = parseOptions(carrier, i + 1, CLOSING[c]);
      options[options.length - 1].push({ kind: 'choice', options: inner.options, optional: c === '[' });
      i = inner.end;
    } else if (c === '|' && closing) {
      flush();
      options.push([]);
    } else if (c === closing) {
      flush();
      return { options, end: i };
    } else if (c === ')' || c === ']' || c === '|') {
      throw new Error(`carrier "${carrier}": unexpected "${c}" at ${i}`);
    } else {
      text += c;
    }
  }
  if (closing) throw new Error(`carrier "${carrier}": "${closing}" missing`);
  flush();
  return { options, end: carrier.length };
}

function expandSequence(nodes: TNode[]): string[] {
  let results = [''];
  for (const node of nodes) {
    const parts =
      node.kind === 'text' ? [node.text] : [...node.options.flatMap(expandSequence), ...(node.optional ? [''] : [])];
    results = results.flatMap((prefix) => parts.map((part) => prefix + part));
  }
  return results;
}

/** Every sentence a carrier stands for, spaces tidied, in the order written. */
export function expandCarrier(carrier: string): string[] {
  const { options } = parseOptions(carrier, 0, null);
  const sentences = options.flatMap(expandSequence).map((s) => s.replace(/\s+/g, ' ').trim());
  return [...new Set(sentences)].filter(Boolean);
}

/** The samples of one intent: its carriers expanded, each sentence once. */
export function samplesOf(carriers: readonly string[]): string[] {
  return [...new Set(carriers.flatMap(expandCarrier))];
}
