import type { RosterReader, TRosterKind } from '../core/roster';

// Every command given an id that does not exist says so the same way, with the ids closest to it:
// `no student "stu9v-20" — did you mean stu-9v-20?`. Ids are typed by hand from
// letters and spreadsheets, so a slip of a character or two, or an id cut short, is what happens.

const MAX_SUGGESTIONS = 3;
const naturalOrder = new Intl.Collator('en', { numeric: true }).compare;

/** Edit distance counting a swap of two neighbouring characters as one edit (optimal string alignment). */
function editDistance(a: string, b: string): number {
  const rows: number[][] = Array.from({ length: a.length + 1 }, (_, i) => [i, ...new Array<number>(b.length).fill(0)]);
  for (let j = 1; j <= b.length; j++) rows[0][j] = j;
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      rows[i][j] = Math.min(rows[i - 1][j] + 1, rows[i][j - 1] + 1, rows[i - 1][j - 1] + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1])
        rows[i][j] = Math.min(rows[i][j], rows[i - 2][j - 2] + 1);
    }
  }
  return rows[a.length][b.length];
}

/**
 * Up to three ids close to `id`: a few edits away (one for a short id, up to three for a long one;
 * case ignored), or holding it, or ending in the same segment. Only the nearest are offered — a further one beside a near
 * one is noise; none when nothing is close.
 */
export function closestIds(id: string, candidates: readonly string[]): string[] {
  const wanted = id.toLowerCase();
  const allowed = Math.min(3, Math.max(1, Math.floor(wanted.length / 3)));
  const close: { id: string; distance: number }[] = [];
  for (const candidate of candidates) {
    const lower = candidate.toLowerCase();
    // Cut short, or given without its prefix ("9v" for cls-9v), or with another one ("demo-9v"):
    // the part typed is inside the id, or its last segment is the id's last segment.
    const isPrefix = wanted.length >= 2 && (lower.includes(wanted) || sameLastSegment(wanted, lower));
    // Ids far longer or shorter cannot be within the allowed edits: skip the table for them.
    if (!isPrefix && Math.abs(lower.length - wanted.length) > allowed) continue;
    // An id cut short is as near to each id it begins as to any other: they rank alike.
    const distance = Math.min(editDistance(wanted, lower), isPrefix ? allowed : Infinity);
    if (distance <= allowed) close.push({ id: candidate, distance });
  }
  close.sort((a, b) => a.distance - b.distance || naturalOrder(a.id, b.id));
  return close
    .filter((c) => c.distance === close[0].distance)
    .slice(0, MAX_SUGGESTIONS)
    .map((c) => c.id);
}

function sameLastSegment(a: string, b: string): boolean {
  const last = (id: string) => id.slice(Math.max(id.lastIndexOf('-'), id.lastIndexOf('_'), id.lastIndexOf(':')) + 1);
  const tail = last(a);
  return tail.length >= 2 && tail !== a && tail === last(b);
}

/** `no student "x"`, with the closest ids when there are any. */
export function noSuchIdLine(kind: TRosterKind, id: string, suggestions: readonly string[]): string {
  return `no ${kind} "${id}"${suggestions.length > 0 ? ` — did you mean ${suggestions.join(', ')}?` : ''}`;
}

/** The line for an id of `kind` that does not exist, with the roster's closest ids. */
export async function unknownIdLine(roster: RosterReader, kind: TRosterKind, id: string): Promise<string> {
  return noSuchIdLine(kind, id, closestIds(id, await roster.ids(kind)));
}

/** null when the id exists; otherwise the line to print. */
export async function missingIdLine(roster: RosterReader, kind: TRosterKind, id: string): Promise<string | null> {
  return (await roster.exists(kind, id)) ? null : unknownIdLine(roster, kind, id);
}
